// What every planner reads: the two schemas and the renames between them.
import { RenameLookup, SCHEMA_MODEL_FORMAT, type Renames, type SchemaModel } from '@refract/schema-model';

export interface PlanContext {
  readonly previous: SchemaModel;
  readonly next: SchemaModel;
  readonly renames: RenameLookup;
}

/** The schema of a project that has never been deployed (revision 1 of spec §5.5): nothing. */
export function emptySchema(like: SchemaModel): SchemaModel {
  return { format: SCHEMA_MODEL_FORMAT, datamodelFormat: like.datamodelFormat, models: [], relations: [], enums: [] };
}

export function planContext(previous: SchemaModel | null, next: SchemaModel, renames: Renames): PlanContext {
  const before = previous ?? emptySchema(next);
  return { previous: before, next, renames: RenameLookup.effective(renames, before) };
}

/** "a", "a and b", "a, b and c" — for reasons that list several changes. */
export function joinClauses(clauses: readonly string[]): string {
  if (clauses.length <= 1) return clauses.join('');
  return `${clauses.slice(0, -1).join(', ')} and ${clauses.at(-1)}`;
}
