// The machine-readable contract between this schema and the query engine, carried in graphql-js
// `extensions` under the key `refract`. The engine executes documents itself (there are no
// resolvers): it looks at a root field to know which operation on which model was asked for, and at
// an object type to know which model (or connection, edge, aggregate) a selection set reads.
// Plain data, so the schema stays serialisable and the engine needs no knowledge of names.
import type { GraphQLField, GraphQLNamedType } from 'graphql';

export const REFRACT_EXTENSION = 'refract';

export const ROOT_OPERATIONS = [
  'findMany',
  'findUnique',
  'connection',
  'node',
  'create',
  'update',
  'delete',
  'upsert',
  'updateMany',
  'deleteMany',
  'executeRaw',
  'subscribe',
] as const;

export type RootOperation = (typeof ROOT_OPERATIONS)[number];

/** On every field of Query, Mutation and Subscription. `model` is null for `node` and `executeRaw`. */
export interface RootFieldInfo {
  readonly operation: RootOperation;
  readonly model: string | null;
}

/** On the object types the engine materialises: a model's type and its connection, edge and aggregate types. */
export type ObjectTypeInfo =
  | { readonly model: string }
  | { readonly connectionOf: string }
  | { readonly edgeOf: string }
  | { readonly aggregateOf: string };

/** The `extensions` value of a root field. */
export function rootFieldExtensions(info: RootFieldInfo): { readonly refract: RootFieldInfo } {
  return { [REFRACT_EXTENSION]: info } as { readonly refract: RootFieldInfo };
}

/** The `extensions` value of an annotated object type. */
export function objectTypeExtensions(info: ObjectTypeInfo): { readonly refract: ObjectTypeInfo } {
  return { [REFRACT_EXTENSION]: info } as { readonly refract: ObjectTypeInfo };
}

function refractOf(extensions: unknown): Record<string, unknown> | undefined {
  if (typeof extensions !== 'object' || extensions === null) return undefined;
  const value = (extensions as Record<string, unknown>)[REFRACT_EXTENSION];
  return typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : undefined;
}

/** What a root field does, or undefined for any other field. */
export function rootFieldInfo(field: Pick<GraphQLField<unknown, unknown>, 'extensions'>): RootFieldInfo | undefined {
  const info = refractOf(field.extensions);
  if (!info || !ROOT_OPERATIONS.includes(info.operation as RootOperation)) return undefined;
  if (typeof info.model !== 'string' && info.model !== null) return undefined;
  return { operation: info.operation as RootOperation, model: info.model };
}

/** What an object type stands for, or undefined for types without annotation (inputs, PageInfo, …). */
export function objectTypeInfo(type: Pick<GraphQLNamedType, 'extensions'>): ObjectTypeInfo | undefined {
  const info = refractOf(type.extensions);
  if (!info) return undefined;
  for (const key of ['model', 'connectionOf', 'edgeOf', 'aggregateOf'] as const) {
    const value = info[key];
    if (typeof value === 'string') return { [key]: value } as ObjectTypeInfo;
  }
  return undefined;
}

/** The schema-model model a model object type represents (`User` for type `User`), else undefined. */
export function modelOfType(type: Pick<GraphQLNamedType, 'extensions'>): string | undefined {
  const info = objectTypeInfo(type);
  return info && 'model' in info ? info.model : undefined;
}
