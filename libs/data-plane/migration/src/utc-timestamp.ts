// DateTime literals may be partial ISO 8601 (`2015`, `2015-11-22`, spec §2.1) or lack an offset;
// Prisma reads them as UTC instants and prints them as Joda does: full ISO 8601 with milliseconds
// and `Z` — also the form a `timestamp(3)` column holding UTC takes without surprises.

/** The literal as `YYYY-MM-DDTHH:mm:ss.SSSZ` in UTC, or unchanged when it is no date. */
export function utcTimestamp(literal: string): string {
  const zoneless = literal.includes('T') && !/(?:Z|[+-]\d{2}(?::?\d{2})?)$/i.test(literal);
  const date = new Date(zoneless ? `${literal}Z` : literal);
  return Number.isNaN(date.getTime()) ? literal : date.toISOString();
}
