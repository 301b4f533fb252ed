// SQLSTATE → what the API reports. Only conditions the API gives a meaning to are mapped; anything
// else stays an internal error (logged, hidden behind the request id).
import { RefractError } from '@refract/shared';

export type DatabaseErrorKind = 'timeout' | 'uniqueViolation' | 'foreignKeyViolation' | 'notNullViolation' | 'valueTooLong' | 'serialization' | 'deadlock';

export class DatabaseError extends RefractError<`DATABASE_${DatabaseErrorKind}`> {
  readonly code: `DATABASE_${DatabaseErrorKind}`;

  constructor(
    readonly kind: DatabaseErrorKind,
    readonly constraint: string | undefined,
    cause: unknown,
  ) {
    super(`database error: ${kind}`, { cause });
    this.code = `DATABASE_${kind}`;
  }
}

const KINDS: Readonly<Record<string, DatabaseErrorKind>> = {
  '57014': 'timeout',
  '23505': 'uniqueViolation',
  '23503': 'foreignKeyViolation',
  '23502': 'notNullViolation',
  '22001': 'valueTooLong',
  '40001': 'serialization',
  '40P01': 'deadlock',
};

/** A DatabaseError for the SQLSTATEs the API knows; the original error otherwise. */
export function classifyDatabaseError(error: unknown): unknown {
  const state = (error as { code?: unknown } | null)?.code;
  const kind = typeof state === 'string' ? KINDS[state] : undefined;
  if (!kind) return error;
  return new DatabaseError(kind, (error as { constraint?: string }).constraint, error);
}
