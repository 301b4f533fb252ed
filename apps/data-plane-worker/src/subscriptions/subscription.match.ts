// Whether an event passes a subscription's `where` (spec §9.5): `mutation_in` and the
// `updatedFields_contains*` keys are decided in memory; `node` is a filter on the node as it is
// now, decided by the database (and skipped for DELETED events, as Prisma 1 did); `AND`, `OR` and
// `NOT` combine them like the API's filters (`OR: []` is false, `NOT: [a, b]` is neither).
import type { StoredEvent } from './event.store.js';

type Where = Readonly<Record<string, unknown>>;

/** Does the node (by id) pass this `XWhereInput`? */
export type NodeCheck = (filter: Where) => Promise<boolean>;

export async function eventMatches(where: Where | null, event: StoredEvent, nodeMatches: NodeCheck): Promise<boolean> {
  if (where === null) return true;
  const fields = event.updatedFields ?? [];
  for (const [key, value] of Object.entries(where)) {
    if (value === null || value === undefined) continue;
    switch (key) {
      case 'mutation_in':
        if (!(value as readonly string[]).includes(event.mutation)) return false;
        break;
      case 'updatedFields_contains':
        if (!fields.includes(value as string)) return false;
        break;
      case 'updatedFields_contains_every':
        if (!(value as readonly string[]).every((f) => fields.includes(f))) return false;
        break;
      case 'updatedFields_contains_some':
        if (!(value as readonly string[]).some((f) => fields.includes(f))) return false;
        break;
      case 'node':
        if (event.mutation !== 'DELETED' && !(await nodeMatches(value as Where))) return false;
        break;
      case 'AND':
        for (const part of value as readonly Where[]) if (!(await eventMatches(part, event, nodeMatches))) return false;
        break;
      case 'OR': {
        let any = false;
        for (const part of value as readonly Where[]) if (await eventMatches(part, event, nodeMatches)) any = true;
        if (!any) return false;
        break;
      }
      case 'NOT':
        for (const part of value as readonly Where[]) if (await eventMatches(part, event, nodeMatches)) return false;
        break;
      default:
        throw new Error(`Unknown subscription filter \`${key}\`.`);
    }
  }
  return true;
}
