// The ISO-8601 forms Prisma 1 accepts for DateTime (spec §2.1). The server hands the string to
// Joda-Time (`new DateTime(s, UTC)`, i.e. `ISODateTimeFormat.dateTimeParser()`), so `2015`,
// `2015-11`, `2015-11-22`, `2015-11-22T13:57`, fractions, offsets, ordinal (`2015-326`) and week
// dates (`2015-W47-7`) all work, a missing offset means UTC and a time without a date means
// 1970-01-01. Kept: Joda's grammar for 4-digit years. Not kept: years beyond 4 digits (JavaScript
// dates stop at ±275760 anyway).

const DATE_PART = String.raw`(?:(\d{4})-W(\d{1,2})(?:-(\d))?|(\d{4})-(\d{3})|(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?)`;
const FRACTION = String.raw`(?:[.,](\d+))?`;
const TIME_PART = String.raw`(\d{1,2})(?::(\d{1,2})(?::(\d{1,2}))?)?${FRACTION}`;
const OFFSET_PART = String.raw`(Z|[+-]\d{2}(?::?\d{2}(?::\d{2}(?:[.,]\d{1,3})?)?)?)`;
const ISO_DATE_TIME = new RegExp(`^(?:${DATE_PART}(?:T(?:${TIME_PART})?${OFFSET_PART}?)?|T${TIME_PART}${OFFSET_PART}?)$`);

const MS_PER_MINUTE = 60_000;
const MS_PER_DAY = 86_400_000;

/** The instant an ISO-8601 text denotes, or null when Prisma 1 would reject it ("Date value expected"). */
export function parseIsoDateTime(text: string): Date | null {
  const m = ISO_DATE_TIME.exec(text);
  if (!m) return null;
  // Groups: week date 1-3, ordinal date 4-5, calendar date 6-8, time 9-12 (after a date) or
  // 14-17 (time only), offset 13 or 18.
  const dayStart = m[1] !== undefined
    ? weekDate(+m[1], +m[2]!, m[3] === undefined ? 1 : +m[3])
    : m[4] !== undefined
      ? ordinalDate(+m[4], +m[5]!)
      : m[6] !== undefined
        ? calendarDate(+m[6], m[7] === undefined ? 1 : +m[7], m[8] === undefined ? 1 : +m[8])
        : 0;
  if (dayStart === null) return null;
  const timeGroups = m[6] !== undefined || m[4] !== undefined || m[1] !== undefined ? m.slice(9, 13) : m.slice(14, 18);
  const time = timeOfDay(timeGroups);
  const offset = offsetMs(m[13] ?? m[18]);
  if (time === null || offset === null) return null;
  const date = new Date(dayStart + time - offset);
  return Number.isNaN(date.getTime()) ? null : date;
}

/** The output format of every DateTime (spec §7.7): UTC, milliseconds, literal `Z`. */
export function formatDateTime(date: Date): string {
  return date.toISOString();
}

function utcDay(year: number, month: number, day: number): number {
  const date = new Date(0);
  // setUTCFullYear keeps years 0–99 literal (Date.UTC would map them to 1900–1999).
  date.setUTCFullYear(year, month - 1, day);
  return date.getTime();
}

function isLeap(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

function calendarDate(year: number, month: number, day: number): number | null {
  if (month < 1 || month > 12) return null;
  const daysInMonth = [31, isLeap(year) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1]!;
  if (day < 1 || day > daysInMonth) return null;
  return utcDay(year, month, day);
}

function ordinalDate(year: number, dayOfYear: number): number | null {
  if (dayOfYear < 1 || dayOfYear > (isLeap(year) ? 366 : 365)) return null;
  return utcDay(year, 1, 1) + (dayOfYear - 1) * MS_PER_DAY;
}

/** ISO week dates: week 1 is the week (Monday first) holding 4 January. */
function weekDate(weekYear: number, week: number, weekday: number): number | null {
  if (weekday < 1 || weekday > 7 || week < 1 || week > weeksIn(weekYear)) return null;
  return mondayOfWeekOne(weekYear) + ((week - 1) * 7 + weekday - 1) * MS_PER_DAY;
}

function mondayOfWeekOne(weekYear: number): number {
  const january4 = utcDay(weekYear, 1, 4);
  const isoWeekday = ((new Date(january4).getUTCDay() + 6) % 7) + 1;
  return january4 - (isoWeekday - 1) * MS_PER_DAY;
}

function weeksIn(weekYear: number): number {
  return Math.round((mondayOfWeekOne(weekYear + 1) - mondayOfWeekOne(weekYear)) / (7 * MS_PER_DAY));
}

/** Milliseconds since midnight; a fraction belongs to the last unit given (`T10.5` is 10:30). */
function timeOfDay([hour, minute, second, fraction]: (string | undefined)[]): number | null {
  if (hour === undefined) return 0;
  const h = +hour;
  const min = minute === undefined ? 0 : +minute;
  const s = second === undefined ? 0 : +second;
  if (h > 23 || min > 59 || s > 59) return null;
  const unitMs = second !== undefined ? 1000 : minute !== undefined ? MS_PER_MINUTE : 60 * MS_PER_MINUTE;
  // Millisecond precision: further digits are cut off, not rounded (the column is timestamp(3)).
  const fractionMs = fraction === undefined ? 0 : Math.floor(Number(`0.${fraction}`) * unitMs);
  return ((h * 60 + min) * 60 + s) * 1000 + fractionMs;
}

function offsetMs(offset: string | undefined): number | null {
  if (offset === undefined || offset === 'Z') return 0;
  const m = /^([+-])(\d{2}):?(\d{2})?(?::(\d{2})(?:[.,](\d{1,3}))?)?$/.exec(offset);
  if (!m) return null;
  const [hours, minutes, seconds] = [+m[2]!, m[3] === undefined ? 0 : +m[3], m[4] === undefined ? 0 : +m[4]];
  if (hours > 23 || minutes > 59 || seconds > 59) return null;
  const millis = m[5] === undefined ? 0 : Number(m[5].padEnd(3, '0'));
  const magnitude = ((hours * 60 + minutes) * 60 + seconds) * 1000 + millis;
  return m[1] === '-' ? -magnitude : magnitude;
}
