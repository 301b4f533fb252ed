// Relation steps (spec §5.1), matched the way Prisma 1's MigrationStepsInferrer matches them.
//
// A previous and a next relation are the same relation when they connect the same pair of
// (renamed) models and one of these holds: the next one has the generated name `<A>To<B>`; the
// names are equal (and no `@relation(oldName:)` moves that name to another relation); an
// `@relation(oldName:)` maps one to the other; or the previous one had the generated name and each
// schema has exactly one relation between the two models (a name was added or changed).
// When the models already had several relations and a single unnamed one remains — or a single
// unnamed one becomes several — there is no telling which is which: 3018.
//
// An existing relation is updated when its name, its models (A/B) or its manifestation changed; it
// is found by its (renamed) name, or as the only relation between its (renamed) models.
import { generateRelationName, type Relation, type RelationManifestation } from '@refract/schema-model';
import { ambiguousRelation, ambiguousUnnamedRelation } from './migration.error.js';
import type { CreateRelation, DeleteRelation, UpdateRelation } from './migration-step.js';
import { joinClauses, type PlanContext } from './plan.context.js';

const connects = (relation: Relation, a: string, b: string) =>
  (relation.modelA === a && relation.modelB === b) || (relation.modelA === b && relation.modelB === a);

const between = (relations: readonly Relation[], a: string, b: string) => relations.filter((r) => connects(r, a, b));

/** Whether a previous relation lives on in the next schema. Throws 3018 when that is ambiguous. */
function survives(context: PlanContext, previous: Relation): boolean {
  const { renames } = context;
  const previousCount = between(context.previous.relations, previous.modelA, previous.modelB).length;
  const wasGenerated = previous.name === generateRelationName(previous.modelA, previous.modelB);
  const [nextA, nextB] = [renames.nextModel(previous.modelA), renames.nextModel(previous.modelB)];
  const candidates = between(context.next.relations, nextA, nextB);
  if (wasGenerated && previousCount === 1 && candidates.length > 1) throw ambiguousUnnamedRelation(previous.modelA, previous.modelB);
  const generated = generateRelationName(nextA, nextB);
  return candidates.some(
    (next) =>
      next.name === generated ||
      (next.name === previous.name && !renames.isRenameTarget(next.name)) ||
      (renames.isRenameSource(previous.name) && next.name === renames.nextRelation(previous.name)) ||
      (wasGenerated && previousCount === 1 && candidates.length === 1),
  );
}

/** Whether a next relation already existed in the previous schema. Throws 3018 when that is ambiguous. */
function existed(context: PlanContext, next: Relation): boolean {
  const { renames } = context;
  const nextCount = between(context.next.relations, next.modelA, next.modelB).length;
  const isGenerated = next.name === generateRelationName(next.modelA, next.modelB);
  const [previousA, previousB] = [renames.previousModel(next.modelA), renames.previousModel(next.modelB)];
  const candidates = between(context.previous.relations, previousA, previousB);
  if (isGenerated && nextCount === 1 && candidates.length > 1) {
    // Prisma names the first relation of the whole previous schema here; the relations in question
    // are the ones between these models.
    const [first] = candidates as [Relation];
    throw ambiguousRelation(first.modelA, first.modelB);
  }
  const generated = generateRelationName(previousA, previousB);
  return candidates.some(
    (previous) =>
      previous.name === generated ||
      (previous.name === next.name && !renames.isRenameTarget(next.name)) ||
      previous.name === renames.previousRelation(next.name) ||
      (isGenerated && nextCount === 1 && candidates.length === 1),
  );
}

/** The next relation an existing relation is updated to, if any. */
export function counterpartRelation(context: PlanContext, previous: Relation): Relation | undefined {
  const byName = context.next.relations.find((r) => r.name === context.renames.nextRelation(previous.name));
  if (byName) return byName;
  const wasAmbiguous = between(context.previous.relations, previous.modelA, previous.modelB).length > 1;
  const candidates = between(
    context.next.relations,
    context.renames.nextModel(previous.modelA),
    context.renames.nextModel(previous.modelB),
  );
  return !wasAmbiguous && candidates.length === 1 ? candidates[0] : undefined;
}

export function planDeleteRelations(context: PlanContext): DeleteRelation[] {
  return context.previous.relations
    .filter((relation) => !survives(context, relation))
    .map((relation) => ({
      type: 'DeleteRelation',
      name: relation.name,
      reason: `The relation \`${relation.name}\` between \`${relation.modelA}\` and \`${relation.modelB}\` is no longer in the datamodel.`,
    }));
}

export function planCreateRelations(context: PlanContext): CreateRelation[] {
  return context.next.relations
    .filter((relation) => !existed(context, relation))
    .map((relation) => ({
      type: 'CreateRelation',
      name: relation.name,
      reason: `The relation \`${relation.name}\` between \`${relation.modelA}\` and \`${relation.modelB}\` is new.`,
    }));
}

export function planUpdateRelations(context: PlanContext, deleted: readonly DeleteRelation[]): UpdateRelation[] {
  return context.previous.relations.flatMap((previous): UpdateRelation[] => {
    // A relation that is dropped is not also updated, even when a relation of its name remains.
    if (deleted.some((d) => d.name === previous.name)) return [];
    const next = counterpartRelation(context, previous);
    if (!next) return [];
    const clauses: string[] = [];
    if (previous.name !== next.name) clauses.push(`was renamed to \`${next.name}\``);
    if (previous.modelA !== next.modelA || previous.modelB !== next.modelB) {
      clauses.push(
        `now connects \`${next.modelA}\` and \`${next.modelB}\` instead of \`${previous.modelA}\` and \`${previous.modelB}\``,
      );
    }
    if (!sameManifestation(previous.manifestation, next.manifestation)) {
      clauses.push(`is now stored in ${describe(next.manifestation)} instead of ${describe(previous.manifestation)}`);
    }
    if (clauses.length === 0) return [];
    return [
      {
        type: 'UpdateRelation',
        name: previous.name,
        newName: previous.name === next.name ? null : next.name,
        reason: `The relation \`${previous.name}\` ${joinClauses(clauses)}.`,
      },
    ];
  });
}

export function sameManifestation(a: RelationManifestation, b: RelationManifestation): boolean {
  if (a.kind === 'inline' && b.kind === 'inline') {
    return a.inTableOfModel === b.inTableOfModel && a.referencingColumn === b.referencingColumn;
  }
  if (a.kind === 'table' && b.kind === 'table') {
    return a.table === b.table && a.modelAColumn === b.modelAColumn && a.modelBColumn === b.modelBColumn && a.idColumn === b.idColumn;
  }
  return false;
}

function describe(manifestation: RelationManifestation): string {
  if (manifestation.kind === 'inline') {
    return `the column \`${manifestation.referencingColumn}\` of the model \`${manifestation.inTableOfModel}\``;
  }
  const id = manifestation.idColumn === null ? '' : `, id column \`${manifestation.idColumn}\``;
  return `the link table \`${manifestation.table}\` (columns \`${manifestation.modelAColumn}\` and \`${manifestation.modelBColumn}\`${id})`;
}
