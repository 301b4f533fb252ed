// UpdateSecrets is not inferred from the schemas: deploy appends it when the service secrets it was
// given differ from the stored ones (spec §5.3). Building it here keeps every step's shape and
// reason in this library.
import type { UpdateSecrets } from './migration-step.js';

/**
 * The UpdateSecrets step for the given secrets, or none when they equal the stored ones (compared as
 * lists, like Prisma). The reason never shows a secret.
 */
export function planSecretsUpdate(stored: readonly string[], next: readonly string[]): UpdateSecrets[] {
  const same = stored.length === next.length && stored.every((secret, i) => secret === next[i]);
  return same ? [] : [{ type: 'UpdateSecrets', secrets: next, reason: 'The service secrets changed.' }];
}
