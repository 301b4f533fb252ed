import { z } from 'zod';

/** The mask printed in place of a secret value. */
export const SECRET_MASK = '********';

// A registry of its own (not zod's global one) so that nothing else can mark or unmark a type.
const secrets = z.registry<{ secret: true }>();

/**
 * Marks a config variable as secret: its value is masked wherever the loaded config is printed
 * and is never quoted in a `ConfigError`. Returns a marked copy; `type` itself is left unmarked.
 *
 * The mark survives `.optional()` / `.default()` applied afterwards (see {@link isSecret}).
 */
export function secret<T extends z.ZodType>(type: T): T {
  const marked = type.clone();
  secrets.add(marked, { secret: true });
  return marked;
}

/**
 * Whether `type`, or a type it wraps (optional, default, nullable, catch, readonly, either side
 * of a pipe), was marked with {@link secret}.
 */
export function isSecret(type: z.core.$ZodType): boolean {
  if (secrets.has(type)) return true;
  const def = type._zod.def as { innerType?: z.core.$ZodType; in?: z.core.$ZodType; out?: z.core.$ZodType };
  return [def.innerType, def.in, def.out].some((inner) => inner !== undefined && isSecret(inner));
}
