// The output types of a model (spec §6.3, §6.4, §6.9): its object type, connection, edge,
// aggregate and subscription payload, with the server's descriptions. Model, connection, edge and
// aggregate types carry `extensions.refract` (annotations/refract.extensions.ts) for the engine.
import {
  GraphQLInt,
  GraphQLList,
  GraphQLNonNull,
  GraphQLObjectType,
  GraphQLString,
  type GraphQLFieldConfigMap,
  type GraphQLOutputType,
} from 'graphql';
import type { Model, RelationField, ScalarField } from '@refract/schema-model';
import { objectTypeExtensions } from '../annotations/refract.extensions.js';
import {
  aggregateTypeName,
  connectionTypeName,
  edgeTypeName,
  previousValuesTypeName,
  subscriptionPayloadTypeName,
} from '../inflection/api-names.inflection.js';
import { implementsNode, relatedModel, visibleScalarFields } from './api-model.queries.js';
import type { BuildContext } from './build.context.js';
import { mutationTypeEnum, nodeInterface, pageInfoType } from './fixed.types.js';
import { argumentMap, listArgumentSpecs } from './list.arguments.js';

type Fields = GraphQLFieldConfigMap<unknown, unknown>;

/** A scalar field's output type: `T!`/`T`, and always `[T!]!` for lists. */
function scalarOutputType(ctx: BuildContext, field: ScalarField): GraphQLOutputType {
  const leaf = ctx.leafType(field);
  if (field.isList) return new GraphQLNonNull(new GraphQLList(new GraphQLNonNull(leaf)));
  return field.isRequired ? new GraphQLNonNull(leaf) : leaf;
}

function relationOutputField(ctx: BuildContext, field: RelationField): Fields[string] {
  const target = relatedModel(ctx.schema, field);
  const type = modelType(ctx, target);
  if (field.isList) {
    // List arguments are all optional, so none can make the field disappear.
    return { type: new GraphQLList(new GraphQLNonNull(type)), args: argumentMap(ctx, listArgumentSpecs(ctx, target)) ?? {} };
  }
  return { type: field.isRequired ? new GraphQLNonNull(type) : type };
}

/** The object type of a model: its visible fields in datamodel order, named as in the schema model. */
export function modelType(ctx: BuildContext, model: Model): GraphQLObjectType {
  return ctx.named(model.name, () => new GraphQLObjectType({
    name: model.name,
    interfaces: () => (implementsNode(model) ? [nodeInterface(ctx)] : []),
    fields: () =>
      Object.fromEntries(
        model.fields
          .filter((field) => !field.isHidden)
          .map((field) => [
            field.name,
            field.kind === 'scalar' ? { type: scalarOutputType(ctx, field) } : relationOutputField(ctx, field),
          ]),
      ),
    extensions: objectTypeExtensions({ model: model.name }),
  }));
}

export function connectionType(ctx: BuildContext, model: Model): GraphQLObjectType {
  const name = connectionTypeName(model.name);
  return ctx.named(name, () => new GraphQLObjectType({
    name,
    description: 'A connection to a list of items.',
    fields: () => ({
      pageInfo: { type: new GraphQLNonNull(pageInfoType(ctx)), description: 'Information to aid in pagination.' },
      edges: { type: new GraphQLNonNull(new GraphQLList(edgeType(ctx, model))), description: 'A list of edges.' },
      aggregate: { type: new GraphQLNonNull(aggregateType(ctx, model)) },
    }),
    extensions: objectTypeExtensions({ connectionOf: model.name }),
  }));
}

function edgeType(ctx: BuildContext, model: Model): GraphQLObjectType {
  const name = edgeTypeName(model.name);
  return ctx.named(name, () => new GraphQLObjectType({
    name,
    description: 'An edge in a connection.',
    fields: () => ({
      node: { type: new GraphQLNonNull(modelType(ctx, model)), description: 'The item at the end of the edge.' },
      cursor: { type: new GraphQLNonNull(GraphQLString), description: 'A cursor for use in pagination.' },
    }),
    extensions: objectTypeExtensions({ edgeOf: model.name }),
  }));
}

function aggregateType(ctx: BuildContext, model: Model): GraphQLObjectType {
  const name = aggregateTypeName(model.name);
  return ctx.named(name, () => new GraphQLObjectType({
    name,
    fields: { count: { type: new GraphQLNonNull(GraphQLInt) } },
    extensions: objectTypeExtensions({ aggregateOf: model.name }),
  }));
}

/** `XSubscriptionPayload`; `previousValues` only when the model has scalar fields to show. */
export function subscriptionPayloadType(ctx: BuildContext, model: Model): GraphQLObjectType {
  const name = subscriptionPayloadTypeName(model.name);
  return ctx.named(name, () => new GraphQLObjectType({
    name,
    fields: () => ({
      mutation: { type: new GraphQLNonNull(mutationTypeEnum(ctx)) },
      node: { type: modelType(ctx, model) },
      updatedFields: { type: new GraphQLList(new GraphQLNonNull(GraphQLString)) },
      ...(visibleScalarFields(model).length > 0 ? { previousValues: { type: previousValuesType(ctx, model) } } : {}),
    }),
  }));
}

/** The scalar, scalar-list and enum fields of a model as they were before a write. */
function previousValuesType(ctx: BuildContext, model: Model): GraphQLObjectType {
  const name = previousValuesTypeName(model.name);
  return ctx.named(name, () => new GraphQLObjectType({
    name,
    fields: () => Object.fromEntries(visibleScalarFields(model).map((field) => [field.name, { type: scalarOutputType(ctx, field) }])),
  }));
}
