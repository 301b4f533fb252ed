// Resolves a coerced `XWhereInput` value into a Filter (spec §6.5, §7.2). The keys are the ones
// the generated schema declares, so an unknown key means the schema and this table disagree: that
// is a bug, reported as such, not a user error.
import { getModel, type Model, type RelationField, type ScalarField, type SchemaModel } from '@refract/schema-model';
import { queryErrors } from '../query.errors.js';
import type { Filter, ScalarOperator } from './read.plan.js';

type KeyMeaning =
  | { readonly kind: 'scalar'; readonly field: ScalarField; readonly operator: ScalarOperator }
  | { readonly kind: 'toOne'; readonly field: RelationField }
  | { readonly kind: 'toMany'; readonly field: RelationField; readonly quantifier: 'some' | 'every' | 'none' };

const SCALAR_SUFFIXES: readonly ScalarOperator[] = [
  'not',
  'in',
  'not_in',
  'lt',
  'lte',
  'gt',
  'gte',
  'contains',
  'not_contains',
  'starts_with',
  'not_starts_with',
  'ends_with',
  'not_ends_with',
];

const keyTables = new WeakMap<Model, ReadonlyMap<string, KeyMeaning>>();

/** Every key `XWhereInput` may hold for the model, computed once per model object. */
function keysOf(model: Model): ReadonlyMap<string, KeyMeaning> {
  let table = keyTables.get(model);
  if (table) return table;
  const keys = new Map<string, KeyMeaning>();
  for (const field of model.fields) {
    if (field.isHidden) continue;
    if (field.kind === 'scalar') {
      if (field.isList || field.type === 'Json') continue;
      keys.set(field.name, { kind: 'scalar', field, operator: 'equals' });
      for (const suffix of SCALAR_SUFFIXES) keys.set(`${field.name}_${suffix}`, { kind: 'scalar', field, operator: suffix });
    } else if (field.isList) {
      for (const quantifier of ['every', 'some', 'none'] as const) keys.set(`${field.name}_${quantifier}`, { kind: 'toMany', field, quantifier });
    } else {
      keys.set(field.name, { kind: 'toOne', field });
    }
  }
  table = keys;
  keyTables.set(model, table);
  return table;
}

function list(value: unknown): readonly Record<string, unknown>[] {
  if (value === null || value === undefined) return [];
  return (Array.isArray(value) ? value : [value]) as Record<string, unknown>[];
}

/** The filter of one `where` object: its keys combined with AND. Null when it has no keys. */
export function planFilter(schema: SchemaModel, model: Model, where: Record<string, unknown> | null | undefined): Filter | null {
  if (where === null || where === undefined) return null;
  const filters: Filter[] = [];
  const keys = keysOf(model);
  for (const [key, value] of Object.entries(where)) {
    if (value === undefined) continue;
    if (key === 'AND' || key === 'OR' || key === 'NOT') {
      const parts = list(value).map((part) => planFilter(schema, model, part) ?? { kind: 'and' as const, filters: [] });
      filters.push({ kind: key === 'AND' ? 'and' : key === 'OR' ? 'or' : 'not', filters: parts });
      continue;
    }
    const meaning = keys.get(key);
    if (!meaning) throw new Error(`The where input of ${model.name} has no key \`${key}\`.`);
    switch (meaning.kind) {
      case 'scalar':
        filters.push({ kind: 'scalar', field: meaning.field, operator: meaning.operator, value });
        break;
      case 'toOne': {
        const related = getModel(schema, meaning.field.relatedModel);
        const filter = value === null ? null : (planFilter(schema, related, value as Record<string, unknown>) ?? { kind: 'and', filters: [] });
        filters.push({ kind: 'toOne', field: meaning.field, model: related, filter });
        break;
      }
      case 'toMany': {
        if (value === null) throw queryErrors.toManyNullFilter(meaning.field.name);
        const related = getModel(schema, meaning.field.relatedModel);
        const filter = planFilter(schema, related, value as Record<string, unknown>) ?? { kind: 'and', filters: [] };
        filters.push({ kind: 'toMany', field: meaning.field, model: related, quantifier: meaning.quantifier, filter });
        break;
      }
    }
  }
  if (filters.length === 0) return null;
  return filters.length === 1 ? filters[0]! : { kind: 'and', filters };
}

/** `field = value`: the filter a unique selector or a node id stands for. */
export function equalsFilter(field: ScalarField, value: unknown): Filter {
  return { kind: 'scalar', field, operator: 'equals', value };
}
