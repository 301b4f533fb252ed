// What counts as a change of a field (Prisma 1 `MigrationStepsInferrer.fieldsToUpdate`): its name,
// type, uniqueness, requiredness, list-ness, column and behaviour. Defaults, enum names and relation
// names do not: they need no DDL, and the management API reports them only beside other changes.
import { columnName, type Field, type FieldBehaviour, type ScalarField, type ScalarTypeIdentifier } from '@refract/schema-model';

/** Prisma's type identifier: a scalar type, or `Relation` for every relation field. */
export type FieldTypeIdentifier = ScalarTypeIdentifier | 'Relation';

export function typeIdentifier(field: Field): FieldTypeIdentifier {
  return field.kind === 'scalar' ? field.type : 'Relation';
}

export type FieldChange = 'name' | 'type' | 'unique' | 'required' | 'list' | 'column' | 'behaviour';

/** The attributes that differ, in a fixed order (the order the step's reason lists them in). */
export function fieldChanges(previous: Field, next: Field): FieldChange[] {
  const changes: FieldChange[] = [];
  if (previous.name !== next.name) changes.push('name');
  if (typeIdentifier(previous) !== typeIdentifier(next)) changes.push('type');
  if (isUnique(previous) !== isUnique(next)) changes.push('unique');
  if (previous.isRequired !== next.isRequired) changes.push('required');
  if (previous.isList !== next.isList) changes.push('list');
  if (columnChanges(previous, next)) changes.push('column');
  if (!sameBehaviour(behaviourOf(previous), behaviourOf(next))) changes.push('behaviour');
  return changes;
}

export function isUnique(field: Field): boolean {
  return field.kind === 'scalar' && field.isUnique;
}

export function column(field: Field): string | null {
  return field.kind === 'scalar' ? columnName(field) : null;
}

/**
 * The column changes beyond what a rename implies: `@db(name: "title")` on `title` is no change,
 * nor is the new column name of a renamed field without `@db` (that is the rename). Relation fields
 * have no column of their own; a scalar turning into one is a change of type.
 */
function columnChanges(previous: Field, next: Field): boolean {
  if (previous.kind !== 'scalar' || next.kind !== 'scalar') return false;
  const explicit = (field: ScalarField) => (field.dbName === field.name ? null : field.dbName);
  return columnName(previous) !== columnName(next) && explicit(previous) !== explicit(next);
}

/** Relation fields have no behaviour. */
export function behaviourOf(field: Field): FieldBehaviour | null {
  return field.kind === 'scalar' ? field.behaviour : null;
}

function sameBehaviour(a: FieldBehaviour | null, b: FieldBehaviour | null): boolean {
  if (a === null || b === null) return a === b;
  if (a.kind !== b.kind) return false;
  if (a.kind === 'id' && b.kind === 'id') {
    const [s, t] = [a.sequence, b.sequence];
    const sameSequence =
      s === null || t === null
        ? s === t
        : s.name === t.name && s.initialValue === t.initialValue && s.allocationSize === t.allocationSize;
    return a.strategy === b.strategy && sameSequence;
  }
  if (a.kind === 'scalarList' && b.kind === 'scalarList') return a.strategy === b.strategy;
  return true;
}

/** How a behaviour reads in a step's reason. */
export function describeBehaviour(value: FieldBehaviour | null): string {
  if (value === null) return 'none';
  switch (value.kind) {
    case 'id':
      return value.sequence ? `@id(strategy: ${value.strategy}) @sequence(name: "${value.sequence.name}")` : `@id(strategy: ${value.strategy})`;
    case 'createdAt':
      return '@createdAt';
    case 'updatedAt':
      return '@updatedAt';
    case 'scalarList':
      return `@scalarList(strategy: ${value.strategy})`;
  }
}
