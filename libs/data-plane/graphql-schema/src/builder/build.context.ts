// What the builders of one schema share: the schema model, the input registry, and caches so that
// each named type is created once (graphql-js rejects two types with the same name).
import {
  GraphQLBoolean,
  GraphQLEnumType,
  GraphQLFloat,
  GraphQLID,
  GraphQLInt,
  GraphQLString,
  type GraphQLNamedType,
  type GraphQLScalarType,
} from 'graphql';
import { findEnum, type ScalarField, type SchemaModel } from '@refract/schema-model';
import { GraphQLDateTime } from '../scalars/date-time.scalar.js';
import { GraphQLJson } from '../scalars/json.scalar.js';
import { GraphQLUUID } from '../scalars/uuid.scalar.js';
import { InputRegistry } from './input.registry.js';

export class BuildContext {
  readonly inputs = new InputRegistry();
  private readonly types = new Map<string, GraphQLNamedType>();

  constructor(readonly schema: SchemaModel) {}

  /** The type called `name`, created by `create` the first time it is asked for. */
  named<T extends GraphQLNamedType>(name: string, create: () => T): T {
    let type = this.types.get(name);
    if (!type) {
      type = create();
      this.types.set(name, type);
    }
    return type as T;
  }

  /** The GraphQL type of a scalar or enum field's values (spec §2.1), without list or non-null. */
  leafType(field: ScalarField): GraphQLScalarType | GraphQLEnumType {
    switch (field.type) {
      case 'Cuid':
        return GraphQLID;
      case 'String':
        return GraphQLString;
      case 'Int':
        return GraphQLInt;
      case 'Float':
        return GraphQLFloat;
      case 'Boolean':
        return GraphQLBoolean;
      case 'DateTime':
        return GraphQLDateTime;
      case 'Json':
        return GraphQLJson;
      case 'UUID':
        return GraphQLUUID;
      case 'Enum':
        return this.enumType(field.enum!);
    }
  }

  private enumType(name: string): GraphQLEnumType {
    return this.named(name, () => {
      const definition = findEnum(this.schema, name);
      if (!definition) throw new Error(`The schema has no enum \`${name}\`.`);
      // Values are their own names: the engine stores enum values as text (spec §2.1).
      return new GraphQLEnumType({ name, values: Object.fromEntries(definition.values.map((v) => [v, { value: v }])) });
    });
  }
}
