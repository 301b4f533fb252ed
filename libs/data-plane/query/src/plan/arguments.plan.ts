// Validates and normalises the arguments of list fields (spec §7.4 step 1) and unique selectors
// (spec §7.1). Errors carry Prisma's codes; nothing here touches the database.
import { idField, scalarFields, type Model, type ScalarField, type SchemaModel } from '@refract/schema-model';
import { queryErrors } from '../query.errors.js';
import { planFilter } from './filter.plan.js';
import type { ListArguments, OrderBy, UniqueWhere } from './read.plan.js';

export interface PlanLimits {
  /** Largest `first`/`last` accepted (error 2041 beyond). */
  readonly maxPageSize: number;
}

function orderByOf(model: Model, value: unknown): OrderBy | null {
  if (typeof value !== 'string') return null;
  const cut = value.lastIndexOf('_');
  const name = value.slice(0, cut);
  const direction = value.slice(cut + 1);
  const field = scalarFields(model).find((f) => f.name === name && !f.isList && !f.isHidden);
  if (!field || (direction !== 'ASC' && direction !== 'DESC')) throw new Error(`${model.name} cannot be ordered by \`${value}\`.`);
  return { field, direction };
}

const UUID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A cursor is the node's id as a string (spec §7.4 step 7), converted back to the id type. */
export function cursorValue(model: Model, cursor: unknown): string | number | null {
  if (cursor === null || cursor === undefined) return null;
  const text = String(cursor);
  const id = idField(model);
  if (id.type === 'Int') {
    if (!/^-?\d{1,10}$/.test(text) || Math.abs(Number(text)) > 2_147_483_647) throw queryErrors.invalidCursor(text, model.name);
    return Number(text);
  }
  if (id.type === 'UUID' && !UUID_PATTERN.test(text)) throw queryErrors.invalidCursor(text, model.name);
  return text;
}

function count(value: unknown): number | null {
  return value === null || value === undefined ? null : (value as number);
}

export function planListArguments(schema: SchemaModel, model: Model, args: Record<string, unknown>, limits: PlanLimits): ListArguments {
  const first = count(args.first);
  const last = count(args.last);
  const skip = count(args.skip);
  if (first !== null && first < 0) throw queryErrors.negativeFirst();
  if (last !== null && last < 0) throw queryErrors.negativeLast();
  if (skip !== null && skip < 0) throw queryErrors.negativeSkip();
  if (first !== null && last !== null) throw queryErrors.firstAndLast();
  const page = first ?? last;
  if (page !== null && page > limits.maxPageSize) throw queryErrors.tooManyNodes(page, limits.maxPageSize);
  return {
    filter: planFilter(schema, model, args.where as Record<string, unknown> | null | undefined),
    orderBy: orderByOf(model, args.orderBy),
    skip: skip ?? 0,
    first,
    last,
    after: cursorValue(model, args.after),
    before: cursorValue(model, args.before),
  };
}

/** Exactly one unique field with a non-null value (3040 for none, 3045 for several). */
export function planUniqueWhere(model: Model, where: Record<string, unknown>): UniqueWhere {
  const given = Object.entries(where).filter(([, value]) => value !== null && value !== undefined);
  if (given.length === 0) throw queryErrors.noUniqueValue(model.name);
  if (given.length > 1) throw queryErrors.severalUniqueValues(model.name);
  const [name, value] = given[0]!;
  const field = scalarFields(model).find((f): f is ScalarField => f.name === name && f.isUnique);
  if (!field) throw new Error(`${model.name} has no unique field \`${name}\`.`);
  return { field, value };
}
