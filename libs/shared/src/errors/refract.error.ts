/**
 * The base of every error Refract raises on purpose.
 *
 * Convention (STYLE.md 12): each domain declares `<Domain>Error` subclasses that carry a stable,
 * machine-readable `code` (`'CONFIG_INVALID'`, `'DEPLOYMENT_NOT_FOUND'`, ...). Codes are part of
 * the contract: messages may be reworded, codes may not. Each transport (GraphQL resolver, HTTP
 * handler, job processor) maps domain errors to its own representation once, in one place, with
 * an exhaustive `switch` over the codes it knows — see {@link assertNever}.
 *
 * `details` is structured, JSON-serialisable data for callers and logs. It must never contain a
 * secret value: name the offending field instead of echoing what it held.
 */
export abstract class RefractError<Code extends string = string, Details = unknown> extends Error {
  /** Stable identifier of the failure; what transports switch on. */
  abstract readonly code: Code;
  readonly details: Details | undefined;

  constructor(message: string, options: { details?: Details; cause?: unknown } = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    // `new.target` is the concrete subclass, so stack traces and logs say `ConfigError`, not `Error`.
    this.name = new.target.name;
    this.details = options.details;
  }

  /** A plain, log- and wire-safe view of the error (no stack), its cause chain included. */
  toJSON(): RefractErrorJSON<Code, Details> {
    const json: RefractErrorJSON<Code, Details> = { name: this.name, code: this.code, message: this.message };
    if (this.details !== undefined) json.details = this.details;
    const cause = serializeCause(this.cause);
    if (cause !== undefined) json.cause = cause;
    return json;
  }
}

/** What {@link RefractError.toJSON} returns. */
export interface RefractErrorJSON<Code extends string = string, Details = unknown> {
  name: string;
  code: Code;
  message: string;
  details?: Details;
  cause?: RefractErrorJSON | { name: string; message: string };
}

function serializeCause(cause: unknown): RefractErrorJSON['cause'] {
  if (cause instanceof RefractError) return cause.toJSON() as RefractErrorJSON;
  if (cause instanceof Error) return { name: cause.name, message: cause.message };
  // Arbitrary thrown values (strings, objects) are not serialised: their shape is unknown and
  // they may hold data that must not reach a client.
  return undefined;
}

/**
 * Marks the `default` branch of an exhaustive `switch` over error codes: adding a code without
 * handling it becomes a compile error in every transport that maps it.
 */
export function assertNever(value: never, message = 'Unhandled case'): never {
  throw new TypeError(`${message}: ${String(value)}`);
}
