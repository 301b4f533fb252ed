// The one way an NDF request fails as a whole (spec §14: "a body that cannot be parsed into the
// expected shape → HTTP 500"): its body is not the shape of an export or import request, or it
// names models and fields the project does not have. Row-level problems are not errors: an import
// answers them as Prisma's error strings.
import { RefractError } from '@refract/shared';

export type NdfErrorCode = 'NDF_MALFORMED_REQUEST';

export class NdfError extends RefractError<NdfErrorCode> {
  readonly code: NdfErrorCode = 'NDF_MALFORMED_REQUEST';
}

/** A short, bounded rendering of a JSON value for an error message. */
export function describeJson(value: unknown): string {
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 200 ? `${text.slice(0, 200)}…` : text;
}
