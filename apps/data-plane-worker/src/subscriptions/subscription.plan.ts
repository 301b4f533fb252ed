// A subscription document, checked and planned against one project revision (spec §9.5): exactly
// one root field `camelCase(Model)`, its `where` (SubscriptionWhereInput) and the payload
// selection (`mutation`, `node`, `updatedFields`, `previousValues`, `__typename`), aliases and
// fragments included.
import {
  GraphQLError,
  getArgumentValues,
  getNamedType,
  getOperationAST,
  getVariableValues,
  type FieldNode,
  type GraphQLObjectType,
} from 'graphql';
import { rootFieldInfo } from '@refract/graphql-schema';
import { collectFields, fragmentsOf, planNodeSelection, subSelections, type NodeSelection, type PlanContext } from '@refract/query';
import { getModel, type Model } from '@refract/schema-model';
import type { ApiLimits, ProjectApi } from '../project/project.api.js';
import type { SubscriptionRequest } from './subscription.hub.js';

export type PayloadField =
  | { readonly key: string; readonly kind: 'typename'; readonly typename: string }
  | { readonly key: string; readonly kind: 'mutation' | 'updatedFields' }
  | { readonly key: string; readonly kind: 'node'; readonly selection: NodeSelection }
  /** `[response key, field name]` pairs of `previousValues { … }`, `__typename` as a name. */
  | { readonly key: string; readonly kind: 'previousValues'; readonly fields: readonly (readonly [string, string])[]; readonly typename: string };

export interface SubscriptionPlan {
  readonly model: Model;
  /** The response key of the root field. */
  readonly key: string;
  readonly where: Readonly<Record<string, unknown>> | null;
  readonly payload: readonly PayloadField[];
  readonly ctx: PlanContext;
}

export type PlannedSubscription = { readonly ok: true; readonly plan: SubscriptionPlan } | { readonly ok: false; readonly errors: readonly { readonly message: string }[] };

const failed = (message: string): PlannedSubscription => ({ ok: false, errors: [{ message }] });

export function planSubscription(api: ProjectApi, request: SubscriptionRequest, limits: ApiLimits): PlannedSubscription {
  // Parsed and validated once per query text, in the project API's document cache.
  let cached;
  try {
    cached = api.document(request.query);
  } catch {
    return failed('the GraphQL Query was not valid');
  }
  if (cached.errors) return { ok: false, errors: cached.errors.map((e) => ({ message: e.message })) };
  const { document } = cached;
  const operation = getOperationAST(document, request.operationName || undefined);
  if (!operation || operation.operation !== 'subscription') return failed('The provided query is not a subscription.');
  const subscriptionType = api.graphqlSchema.getSubscriptionType() as GraphQLObjectType;
  const coerced = getVariableValues(api.graphqlSchema, operation.variableDefinitions ?? [], request.variables ?? {});
  if (coerced.errors) return { ok: false, errors: coerced.errors.map((e) => ({ message: e.message })) };
  const ctx: PlanContext = { schema: api.schema, graphqlSchema: api.graphqlSchema, fragments: fragmentsOf(document), variables: coerced.coerced, limits };
  const roots = [...collectFields(ctx, subscriptionType, [operation.selectionSet])];
  if (roots.length !== 1) return failed('A subscription must select exactly one model.');
  const [key, nodes] = roots[0]!;
  const definition = subscriptionType.getFields()[nodes[0]!.name.value];
  const meaning = definition ? rootFieldInfo(definition) : undefined;
  if (!definition || !meaning?.model) return failed("The provided query doesn't include any known model name. Please check for the latest subscriptions API.");
  const model = getModel(api.schema, meaning.model);
  try {
    const args = getArgumentValues(definition, nodes[0]!, coerced.coerced);
    const payloadType = getNamedType(definition.type) as GraphQLObjectType;
    return { ok: true, plan: { model, key, where: (args.where as Record<string, unknown> | null | undefined) ?? null, payload: payloadFields(ctx, model, payloadType, nodes), ctx } };
  } catch (error) {
    return failed(error instanceof GraphQLError || error instanceof Error ? error.message : String(error));
  }
}

function payloadFields(ctx: PlanContext, model: Model, type: GraphQLObjectType, nodes: readonly FieldNode[]): PayloadField[] {
  return [...collectFields(ctx, type, subSelections(nodes))].map(([key, fieldNodes]): PayloadField => {
    const name = fieldNodes[0]!.name.value;
    switch (name) {
      case '__typename':
        return { key, kind: 'typename', typename: type.name };
      case 'mutation':
      case 'updatedFields':
        return { key, kind: name };
      case 'node':
        return { key, kind: 'node', selection: planNodeSelection(ctx, model, getNamedType(type.getFields().node!.type) as GraphQLObjectType, fieldNodes) };
      case 'previousValues': {
        const previousType = getNamedType(type.getFields().previousValues!.type) as GraphQLObjectType;
        const fields = [...collectFields(ctx, previousType, subSelections(fieldNodes))].map(([fieldKey, [node]]) => [fieldKey, node!.name.value] as const);
        return { key, kind: 'previousValues', fields, typename: previousType.name };
      }
      default:
        throw new Error(`The subscription payload has no field \`${name}\`.`);
    }
  });
}
