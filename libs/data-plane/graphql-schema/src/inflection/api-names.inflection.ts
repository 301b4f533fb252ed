// Every name the CRUD API generates (spec §6), in one place (STYLE.md 8): the generated Prisma
// client embeds these names in its variable definitions (`$data: PostCreateInput!`), so one wrong
// letter breaks every client. Builders never concatenate names themselves.
import { englishPlural } from './english.inflector.js';

/** `name` with its first character upper-cased (Scala's `capitalize`). */
export function capitalize(name: string): string {
  return name.charAt(0).toUpperCase() + name.slice(1);
}

/**
 * The server's camelCase: only the first character is lower-cased (`ABC` → `aBC`,
 * `BillingInfoes` → `billingInfoes`).
 */
export function camelCase(name: string): string {
  return name.charAt(0).toLowerCase() + name.slice(1);
}

/**
 * Prisma 1's plural of a model name (spec §6.1): evo-inflector, then `s`/`es` when the word does
 * not inflect, then the first letter upper-cased as the server does (`Goose` → `Geese`; the
 * client-side port leaves it `geese`).
 */
export function plural(name: string): string {
  const inflected = englishPlural(name);
  const result = inflected !== name ? inflected : name.endsWith('s') ? `${name}es` : `${name}s`;
  return capitalize(result);
}

// ——— fixed names ———

export const QUERY_TYPE = 'Query';
export const MUTATION_TYPE = 'Mutation';
export const SUBSCRIPTION_TYPE = 'Subscription';
export const NODE_INTERFACE = 'Node';
export const PAGE_INFO_TYPE = 'PageInfo';
export const BATCH_PAYLOAD_TYPE = 'BatchPayload';
export const MUTATION_TYPE_ENUM = 'MutationType';
export const PRISMA_DATABASE_ENUM = 'PrismaDatabase';
export const NODE_QUERY = 'node';
export const EXECUTE_RAW_MUTATION = 'executeRaw';

// ——— root fields (spec §6.2) ———

/** `users`, `categories`, `billingInfoes`. */
export function listQueryName(model: string): string {
  return camelCase(plural(model));
}

export function singleQueryName(model: string): string {
  return camelCase(model);
}

export function connectionQueryName(model: string): string {
  return `${listQueryName(model)}Connection`;
}

export function createMutationName(model: string): string {
  return `create${model}`;
}

export function updateMutationName(model: string): string {
  return `update${model}`;
}

export function deleteMutationName(model: string): string {
  return `delete${model}`;
}

export function upsertMutationName(model: string): string {
  return `upsert${model}`;
}

/** The plural is used as is, not camel-cased: `updateManyCategories`. */
export function updateManyMutationName(model: string): string {
  return `updateMany${plural(model)}`;
}

export function deleteManyMutationName(model: string): string {
  return `deleteMany${plural(model)}`;
}

export function subscriptionFieldName(model: string): string {
  return camelCase(model);
}

// ——— output types (spec §6.4, §6.9) ———

export function connectionTypeName(model: string): string {
  return `${model}Connection`;
}

export function edgeTypeName(model: string): string {
  return `${model}Edge`;
}

export function aggregateTypeName(model: string): string {
  return `Aggregate${model}`;
}

export function subscriptionPayloadTypeName(model: string): string {
  return `${model}SubscriptionPayload`;
}

export function previousValuesTypeName(model: string): string {
  return `${model}PreviousValues`;
}

// ——— filters and ordering (spec §6.5, §6.6) ———

export function whereInputName(model: string): string {
  return `${model}WhereInput`;
}

export function scalarWhereInputName(model: string): string {
  return `${model}ScalarWhereInput`;
}

export function whereUniqueInputName(model: string): string {
  return `${model}WhereUniqueInput`;
}

export function subscriptionWhereInputName(model: string): string {
  return `${model}SubscriptionWhereInput`;
}

export function orderByEnumName(model: string): string {
  return `${model}OrderByInput`;
}

export type OrderDirection = 'ASC' | 'DESC';

/** `title_ASC`. */
export function orderByValueName(field: string, direction: OrderDirection): string {
  return `${field}_${direction}`;
}

/** The suffixes of scalar filters, in the server's order (spec §6.5). */
export const SCALAR_FILTER_SUFFIXES = {
  base: ['', '_not'],
  inclusion: ['_in', '_not_in'],
  alphanumeric: ['_lt', '_lte', '_gt', '_gte'],
  string: ['_contains', '_not_contains', '_starts_with', '_not_starts_with', '_ends_with', '_not_ends_with'],
} as const;

export const TO_MANY_FILTER_SUFFIXES = ['_every', '_some', '_none'] as const;

/** `title_not_in`, `posts_some`; the empty suffix gives the field name itself. */
export function filterFieldName(field: string, suffix: string): string {
  return `${field}${suffix}`;
}

// ——— create inputs (spec §6.7) ———

export function createInputName(model: string): string {
  return `${model}CreateInput`;
}

/** `UserCreateWithoutPostsInput`: the create input of `model` nested under its relation field `backField`. */
export function createWithoutInputName(model: string, backField: string): string {
  return `${model}CreateWithout${capitalize(backField)}Input`;
}

/**
 * The nested create input of a relation field pointing at `model`; `backField` is the field of
 * `model` on the other side, null when that side is hidden (one-sided relation).
 */
export function createRelationInputName(model: string, arity: 'One' | 'Many', backField: string | null): string {
  const without = backField === null ? '' : `Without${capitalize(backField)}`;
  return `${model}Create${arity}${without}Input`;
}

/** `PostCreatetagsInput`: the field name is appended verbatim, not capitalised. */
export function scalarListCreateInputName(model: string, field: string): string {
  return `${model}Create${field}Input`;
}

// ——— update inputs (spec §6.8) ———

export type UpdateArity = 'Many' | 'One' | 'OneRequired';

export function updateInputName(model: string): string {
  return `${model}UpdateInput`;
}

/** Nested update data: `UserUpdateWithoutPostsDataInput`, or `UserUpdateDataInput` for a hidden back field. */
export function updateDataInputName(model: string, backField: string | null): string {
  return backField === null ? `${model}UpdateDataInput` : `${model}UpdateWithout${capitalize(backField)}DataInput`;
}

export function updateManyMutationInputName(model: string): string {
  return `${model}UpdateManyMutationInput`;
}

export function updateManyDataInputName(model: string): string {
  return `${model}UpdateManyDataInput`;
}

/** `UserUpdateOneRequiredWithoutPostsInput`, `CategoryUpdateManyInput`. */
export function updateRelationInputName(model: string, arity: UpdateArity, backField: string | null): string {
  const without = backField === null ? '' : `Without${capitalize(backField)}`;
  return `${model}Update${arity}${without}Input`;
}

export function updateWithWhereUniqueInputName(model: string, backField: string | null): string {
  return backField === null
    ? `${model}UpdateWithWhereUniqueNestedInput`
    : `${model}UpdateWithWhereUniqueWithout${capitalize(backField)}Input`;
}

export function updateManyWithWhereNestedInputName(model: string): string {
  return `${model}UpdateManyWithWhereNestedInput`;
}

/** `PostUpdatetagsInput`. */
export function scalarListUpdateInputName(model: string, field: string): string {
  return `${model}Update${field}Input`;
}

export function upsertWithWhereUniqueInputName(model: string, backField: string | null): string {
  return backField === null
    ? `${model}UpsertWithWhereUniqueNestedInput`
    : `${model}UpsertWithWhereUniqueWithout${capitalize(backField)}Input`;
}

export function upsertNestedInputName(model: string, backField: string | null): string {
  return backField === null ? `${model}UpsertNestedInput` : `${model}UpsertWithout${capitalize(backField)}Input`;
}
