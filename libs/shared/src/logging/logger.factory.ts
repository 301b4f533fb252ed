import { pino, stdTimeFunctions, type Bindings, type ChildLoggerOptions, type DestinationStream, type Logger } from 'pino';
import { prettyStream } from './pretty.stream.js';
import { REDACTED, maskUrlPasswords, redactSecrets } from './secret.redactor.js';

export type { Logger } from 'pino';

/** The levels a logger accepts, most to least verbose, then `silent`. */
export const LOG_LEVELS = ['trace', 'debug', 'info', 'warn', 'error', 'fatal', 'silent'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

export interface LoggerOptions {
  /** The process or component name, written as `service` on every line. */
  name: string;
  /** Minimum level written; `info` by default. */
  level?: LogLevel;
  /** One human-readable line per entry instead of JSON (local development only). */
  pretty?: boolean;
  /** Where lines go; standard output by default. Tests pass a stream that collects them. */
  destination?: DestinationStream;
  /** Extra pino redaction paths (`'req.body.card'`), on top of the secret-key rule. */
  redact?: readonly string[];
}

/**
 * Creates the structured logger of a process: one JSON object per line with `level` (a label),
 * `time` (ISO 8601), `service`, `pid`, the bound fields of child loggers, the logged object and
 * `msg`.
 *
 * Secrets are redacted before serialisation, in logged objects, in child bindings and in
 * messages: values under secret-looking keys (see `SECRET_KEY`) become `[REDACTED]` at any
 * depth, and `scheme://user:password@` URLs lose their password.
 *
 * @example
 * const logger = createLogger({ name: 'control-plane-api', level: config.LOG_LEVEL });
 * const requestLogger = logger.child({ requestId });
 * requestLogger.info({ projectId }, 'deploy requested');
 */
export function createLogger(options: LoggerOptions): Logger {
  const { destination } = options;
  const logger = pino(
    {
      level: options.level ?? 'info',
      base: { service: options.name, pid: process.pid },
      timestamp: stdTimeFunctions.isoTime,
      formatters: {
        level: (label) => ({ level: label }),
        bindings: (bindings) => redactSecrets(bindings) as Record<string, unknown>,
        log: (object) => redactSecrets(object) as Record<string, unknown>,
      },
      hooks: {
        // Messages are strings pino writes as they are; mask connection-URL passwords in them.
        logMethod(args, method) {
          method.apply(
            this,
            args.map((arg) => (typeof arg === 'string' ? maskUrlPasswords(arg) : arg)) as Parameters<typeof method>,
          );
        },
      },
      ...(options.redact && options.redact.length > 0
        ? { redact: { paths: [...options.redact], censor: REDACTED } }
        : {}),
    },
    options.pretty === true ? prettyStream(destination ?? process.stdout) : destination,
  );
  return redactChildBindings(logger);
}

/**
 * pino applies `formatters.bindings` only to the root logger's bindings, never to a child's, so
 * `child` is wrapped to redact what gets bound. The wrapper is an own property of the root;
 * children inherit it through their prototype, so grandchildren are covered too.
 */
function redactChildBindings(logger: Logger): Logger {
  const child = logger.child;
  function redactingChild(this: Logger, bindings: Bindings, childOptions?: ChildLoggerOptions): Logger {
    return Reflect.apply(child, this, [redactSecrets(bindings), childOptions]) as Logger;
  }
  Object.defineProperty(logger, 'child', { value: redactingChild, writable: false, enumerable: false });
  return logger;
}
