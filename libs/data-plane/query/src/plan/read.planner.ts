// Pipeline stage 7 for reads: one top-level query field (its AST, the generated schema, the
// coerced variables) → a ReadPlan. The root field's meaning comes from the `refract` extension
// the schema stage puts on it; every nested field is resolved by name against the schema model,
// because model types' GraphQL field names are the schema model's field names.
import {
  getArgumentValues,
  getNamedType,
  isObjectType,
  type FieldNode,
  type GraphQLField,
  type GraphQLObjectType,
} from 'graphql';
import { rootFieldInfo } from '@refract/graphql-schema';
import { findField, getModel, idField, type Model, type SchemaModel } from '@refract/schema-model';
import { planListArguments, planUniqueWhere, type PlanLimits } from './arguments.plan.js';
import type { ConnectionField, NodeSelection, ReadPlan, SelectedField } from './read.plan.js';
import { collectFields, subSelections, type CollectContext } from './selection.collect.js';

export interface PlanContext extends CollectContext {
  readonly schema: SchemaModel;
  readonly limits: PlanLimits;
}

function objectType(ctx: PlanContext, field: GraphQLField<unknown, unknown>): GraphQLObjectType {
  const type = getNamedType(field.type);
  if (!isObjectType(type)) throw new Error(`The field \`${field.name}\` does not return an object type.`);
  return type;
}

function fieldDefinition(type: GraphQLObjectType, name: string): GraphQLField<unknown, unknown> {
  const field = type.getFields()[name];
  if (!field) throw new Error(`The type ${type.name} has no field \`${name}\`.`);
  return field;
}

function argumentsOf(ctx: PlanContext, definition: GraphQLField<unknown, unknown>, node: FieldNode): Record<string, unknown> {
  return getArgumentValues(definition, node, ctx.variables as Record<string, unknown>);
}

/** The selection on a node of `model`, seen as the GraphQL object type `type`. */
export function planNodeSelection(ctx: PlanContext, model: Model, type: GraphQLObjectType, nodes: readonly FieldNode[]): NodeSelection {
  const selection: SelectedField[] = [];
  for (const [key, fieldNodes] of collectFields(ctx, type, subSelections(nodes))) {
    const node = fieldNodes[0]!;
    const name = node.name.value;
    if (name === '__typename') {
      selection.push({ key, kind: 'typename', typename: type.name });
      continue;
    }
    const field = findField(model, name);
    if (!field || field.isHidden) throw new Error(`The model ${model.name} has no visible field \`${name}\`.`);
    if (field.kind === 'scalar') {
      selection.push({ key, kind: field.isList ? 'scalarList' : 'scalar', field });
      continue;
    }
    const related = getModel(ctx.schema, field.relatedModel);
    const definition = fieldDefinition(type, name);
    const relatedType = objectType(ctx, definition);
    const nested = planNodeSelection(ctx, related, relatedType, fieldNodes);
    if (field.isList) {
      const args = planListArguments(ctx.schema, related, argumentsOf(ctx, definition, node), ctx.limits);
      selection.push({ key, kind: 'toMany', field, model: related, args, selection: nested });
    } else {
      selection.push({ key, kind: 'toOne', field, model: related, selection: nested });
    }
  }
  return selection;
}

function planConnectionSelection(ctx: PlanContext, model: Model, type: GraphQLObjectType, nodes: readonly FieldNode[]): ConnectionField[] {
  const selection: ConnectionField[] = [];
  for (const [key, fieldNodes] of collectFields(ctx, type, subSelections(nodes))) {
    const name = fieldNodes[0]!.name.value;
    if (name === '__typename') {
      selection.push({ key, kind: 'typename', typename: type.name });
      continue;
    }
    const childType = objectType(ctx, fieldDefinition(type, name));
    const children = collectFields(ctx, childType, subSelections(fieldNodes));
    const typename = (childKey: string) => ({ key: childKey, kind: 'typename' as const, typename: childType.name });
    switch (name) {
      case 'pageInfo':
        selection.push({
          key,
          kind: 'pageInfo',
          fields: [...children].map(([childKey, [child]]) => {
            const childName = child!.name.value;
            if (childName === '__typename') return typename(childKey);
            return { key: childKey, kind: childName as 'hasNextPage' | 'hasPreviousPage' | 'startCursor' | 'endCursor' };
          }),
        });
        break;
      case 'edges':
        selection.push({
          key,
          kind: 'edges',
          fields: [...children].map(([childKey, childNodes]) => {
            const childName = childNodes[0]!.name.value;
            if (childName === '__typename') return typename(childKey);
            if (childName === 'cursor') return { key: childKey, kind: 'cursor' as const };
            const nodeType = objectType(ctx, fieldDefinition(childType, 'node'));
            return { key: childKey, kind: 'node' as const, selection: planNodeSelection(ctx, model, nodeType, childNodes) };
          }),
        });
        break;
      case 'aggregate':
        selection.push({
          key,
          kind: 'aggregate',
          fields: [...children].map(([childKey, [child]]) => (child!.name.value === '__typename' ? typename(childKey) : { key: childKey, kind: 'count' as const })),
        });
        break;
      default:
        throw new Error(`The connection type ${type.name} has no field \`${name}\`.`);
    }
  }
  return selection;
}

/** Models whose object type implements Node and can hold the id (spec §7.6). */
function nodeCandidates(ctx: PlanContext, nodes: readonly FieldNode[]): { model: Model; selection: NodeSelection }[] {
  const candidates: { model: Model; selection: NodeSelection }[] = [];
  const nodeInterface = ctx.graphqlSchema.getType('Node');
  for (const model of ctx.schema.models) {
    const type = ctx.graphqlSchema.getType(model.name);
    if (!isObjectType(type) || !type.getInterfaces().some((i) => i === nodeInterface)) continue;
    if (!['Cuid', 'String'].includes(idField(model).type)) continue;
    candidates.push({ model, selection: planNodeSelection(ctx, model, type, nodes) });
  }
  return candidates;
}

/** Plans one top-level field of a query operation. */
export function planReadField(ctx: PlanContext, definition: GraphQLField<unknown, unknown>, nodes: readonly FieldNode[]): ReadPlan {
  const meaning = rootFieldInfo(definition);
  if (!meaning) throw new Error(`The root field \`${definition.name}\` has no query meaning.`);
  const args = argumentsOf(ctx, definition, nodes[0]!);
  if (meaning.operation === 'node') return { kind: 'node', id: String(args.id), candidates: nodeCandidates(ctx, nodes) };
  const model = getModel(ctx.schema, meaning.model ?? '');
  const type = objectType(ctx, definition);
  switch (meaning.operation) {
    case 'findUnique':
      return { kind: 'findUnique', model, where: planUniqueWhere(model, args.where as Record<string, unknown>), selection: planNodeSelection(ctx, model, type, nodes) };
    case 'findMany':
      return { kind: 'findMany', model, args: planListArguments(ctx.schema, model, args, ctx.limits), selection: planNodeSelection(ctx, model, type, nodes) };
    case 'connection':
      return { kind: 'connection', model, args: planListArguments(ctx.schema, model, args, ctx.limits), selection: planConnectionSelection(ctx, model, type, nodes) };
    default:
      throw new Error(`The root field \`${definition.name}\` is not a read.`);
  }
}
