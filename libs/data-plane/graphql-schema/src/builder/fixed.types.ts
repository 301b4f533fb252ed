// The fixed types every project schema shares (spec §6.4, §6.9), with the server's descriptions.
import {
  GraphQLBoolean,
  GraphQLEnumType,
  GraphQLID,
  GraphQLInterfaceType,
  GraphQLNonNull,
  GraphQLObjectType,
  GraphQLString,
} from 'graphql';
import { BATCH_PAYLOAD_TYPE, MUTATION_TYPE_ENUM, NODE_INTERFACE, PAGE_INFO_TYPE } from '../inflection/api-names.inflection.js';
import { GraphQLLong } from '../scalars/long.scalar.js';
import type { BuildContext } from './build.context.js';

export function nodeInterface(ctx: BuildContext): GraphQLInterfaceType {
  return ctx.named(NODE_INTERFACE, () => new GraphQLInterfaceType({
    name: NODE_INTERFACE,
    description: 'An object with an ID',
    fields: { id: { type: new GraphQLNonNull(GraphQLID), description: 'The id of the object.' } },
  }));
}

export function pageInfoType(ctx: BuildContext): GraphQLObjectType {
  return ctx.named(PAGE_INFO_TYPE, () => new GraphQLObjectType({
    name: PAGE_INFO_TYPE,
    description: 'Information about pagination in a connection.',
    fields: {
      hasNextPage: { type: new GraphQLNonNull(GraphQLBoolean), description: 'When paginating forwards, are there more items?' },
      hasPreviousPage: { type: new GraphQLNonNull(GraphQLBoolean), description: 'When paginating backwards, are there more items?' },
      startCursor: { type: GraphQLString, description: 'When paginating backwards, the cursor to continue.' },
      endCursor: { type: GraphQLString, description: 'When paginating forwards, the cursor to continue.' },
    },
  }));
}

export function batchPayloadType(ctx: BuildContext): GraphQLObjectType {
  return ctx.named(BATCH_PAYLOAD_TYPE, () => new GraphQLObjectType({
    name: BATCH_PAYLOAD_TYPE,
    fields: {
      count: { type: new GraphQLNonNull(GraphQLLong), description: 'The number of nodes that have been affected by the Batch operation.' },
    },
  }));
}

export function mutationTypeEnum(ctx: BuildContext): GraphQLEnumType {
  return ctx.named(MUTATION_TYPE_ENUM, () => new GraphQLEnumType({
    name: MUTATION_TYPE_ENUM,
    values: { CREATED: { value: 'CREATED' }, UPDATED: { value: 'UPDATED' }, DELETED: { value: 'DELETED' } },
  }));
}
