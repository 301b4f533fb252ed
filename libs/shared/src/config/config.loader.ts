import type { z } from 'zod';
import { ConfigError, type ConfigIssue } from '../errors/config.error.js';
import { SECRET_MASK, isSecret } from './secret.marker.js';

/** Environment variables by name, as `process.env` holds them. */
export type EnvSource = Readonly<Record<string, string | undefined>>;

/** A config schema: one zod type per environment variable, keyed by the variable's name. */
export type ConfigShape = Readonly<Record<string, z.ZodType>>;

/** The loaded, typed config of a shape. */
export type ConfigOf<Shape extends ConfigShape> = { readonly [Name in keyof Shape]: z.output<Shape[Name]> };

const DEFINITION = Symbol('refract.configDefinition');

/** A declared config schema; create it with {@link defineConfig}, load it with {@link loadConfig}. */
export interface ConfigDefinition<Shape extends ConfigShape> {
  readonly [DEFINITION]: true;
  readonly shape: Shape;
  /** Names of the variables marked with `secret()`. */
  readonly secrets: ReadonlySet<string>;
  /** Same as `loadConfig(definition, env)`. */
  load(env?: EnvSource): ConfigOf<Shape>;
}

/** The config type of a definition or shape: `type ApiConfig = InferConfig<typeof apiConfig>`. */
export type InferConfig<T> =
  T extends ConfigDefinition<infer Shape> ? ConfigOf<Shape> : T extends ConfigShape ? ConfigOf<T> : never;

/**
 * Declares the one config schema of a process. Keys are environment variable names.
 *
 * @example
 * const apiConfig = defineConfig({
 *   DATABASE_URL: field.postgresUrl(),
 *   PORT: field.port().default(4000),
 *   JWT_SECRET: secret(field.string({ min: 32 })),
 * });
 */
export function defineConfig<Shape extends ConfigShape>(shape: Shape): ConfigDefinition<Shape> {
  const secrets = new Set(Object.keys(shape).filter((name) => isSecret(shape[name] as z.ZodType)));
  const definition: ConfigDefinition<Shape> = {
    [DEFINITION]: true,
    shape,
    secrets,
    load: (env) => loadConfig(definition, env),
  };
  return Object.freeze(definition);
}

/**
 * Reads and validates every variable of the schema at once and returns a frozen, typed config.
 *
 * This is the only place in the repository that reads `process.env` (ESLint's
 * `no-restricted-properties` forbids it everywhere else): a process reads its environment once,
 * at boot, through one schema, so a bad deployment fails immediately with the full list of what
 * is wrong instead of failing later, one variable at a time, deep inside a request.
 *
 * An empty or whitespace-only value counts as unset, so `FOO=` falls back to the default.
 * Secret variables are masked (`********`) when the config is JSON-serialised, `util.inspect`ed
 * (`console.log`) or stringified; note that a copy made by spreading it (`{ ...config }`) is a
 * plain object and is not masked.
 *
 * @throws {ConfigError} listing every missing or invalid variable (names and reasons, never values).
 */
export function loadConfig<Shape extends ConfigShape>(
  schema: Shape | ConfigDefinition<Shape>,
  // eslint-disable-next-line no-restricted-properties -- the config loader is the one sanctioned reader of the environment (see above).
  env: EnvSource = process.env,
): ConfigOf<Shape> {
  const definition = isDefinition(schema) ? schema : defineConfig(schema);
  const values: Record<string, unknown> = {};
  const issues: ConfigIssue[] = [];

  for (const [variable, type] of Object.entries(definition.shape)) {
    const raw = normalize(env[variable]);
    const result = type.safeParse(raw);
    if (result.success) {
      values[variable] = result.data;
      continue;
    }
    if (raw === undefined) {
      issues.push({ variable, reason: 'is required' });
      continue;
    }
    const reason = describeIssues(result.error);
    // Field parsers never quote their input, but a custom zod type might: never let a secret through.
    const quotesSecret = definition.secrets.has(variable) && reason.includes(raw);
    issues.push({ variable, reason: quotesSecret ? 'is invalid (reason withheld: it quotes the value)' : reason });
  }

  if (issues.length > 0) throw new ConfigError(issues);
  return seal(values, definition.secrets) as ConfigOf<Shape>;
}

function isDefinition<Shape extends ConfigShape>(
  schema: Shape | ConfigDefinition<Shape>,
): schema is ConfigDefinition<Shape> {
  return (schema as Partial<ConfigDefinition<Shape>>)[DEFINITION] === true;
}

function normalize(value: string | undefined): string | undefined {
  const trimmed = value?.trim();
  return trimmed === '' ? undefined : trimmed;
}

function describeIssues(error: z.ZodError): string {
  const messages = new Set(error.issues.map((issue) => issue.message));
  return [...messages].join('; ');
}

const INSPECT = Symbol.for('nodejs.util.inspect.custom');

/**
 * Freezes the values and attaches non-enumerable `toJSON`, `toString` and `util.inspect` hooks
 * that print secrets masked. The real values stay readable as plain properties.
 */
function seal(values: Record<string, unknown>, secrets: ReadonlySet<string>): Readonly<Record<string, unknown>> {
  const masked = (): Record<string, unknown> =>
    Object.fromEntries(Object.entries(values).map(([name, value]) => [name, secrets.has(name) ? SECRET_MASK : value]));
  for (const value of Object.values(values)) deepFreeze(value);
  const hooks: PropertyDescriptorMap = {
    toJSON: { value: masked },
    toString: { value: () => JSON.stringify(masked()) },
    [INSPECT]: { value: masked },
  };
  return Object.freeze(Object.defineProperties({ ...values }, hooks));
}

function deepFreeze(value: unknown): void {
  if (typeof value !== 'object' || value === null || Object.isFrozen(value)) return;
  Object.freeze(value);
  for (const inner of Object.values(value)) deepFreeze(inner);
}
