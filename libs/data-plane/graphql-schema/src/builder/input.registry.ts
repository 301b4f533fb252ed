// Input object types are first described as plain field lists, then pruned, then turned into
// graphql-js types. Prisma drops every input type that would have no fields, and with it every
// field or argument that needs it (spec §6.8 "Pruning"): `update`/`upsert` vanish from a nested
// relation input when the related model has nothing updatable, `updateX` when `XUpdateInput` is
// empty. Whether a type is empty is only known once the types it refers to are known, hence the
// two phases.
import { GraphQLInputObjectType, GraphQLList, GraphQLNonNull, type GraphQLInputType } from 'graphql';
import type { GraphQLEnumType, GraphQLScalarType } from 'graphql';

/** `optional` = `T`, `required` = `T!`, `list` = `[T!]` (the only list shape of this API's inputs). */
export type InputWrap = 'optional' | 'required' | 'list';

export type InputTarget = { readonly input: string } | { readonly leaf: GraphQLScalarType | GraphQLEnumType };

export interface InputFieldSpec {
  readonly name: string;
  readonly wrap: InputWrap;
  readonly target: InputTarget;
  readonly description?: string;
}

export class InputRegistry {
  private readonly specs = new Map<string, readonly InputFieldSpec[]>();
  private alive: ReadonlySet<string> | null = null;
  private readonly built = new Map<string, GraphQLInputObjectType>();

  /**
   * Declares the input type `name` (once; later calls reuse it) and returns its name. `fields` may
   * refer to `name` itself or to types being declared: a type is registered before its fields are
   * computed, so recursion ends.
   */
  define(name: string, fields: () => InputFieldSpec[]): string {
    if (this.specs.has(name)) return name;
    if (this.alive) throw new Error(`The input type ${name} was declared after pruning.`);
    this.specs.set(name, []);
    this.specs.set(name, fields());
    return name;
  }

  /**
   * Removes empty types, and types that require (`T!`) a removed type, until nothing changes; a
   * removed type's optional uses are dropped from the types that remain.
   */
  prune(): void {
    const alive = new Set(this.specs.keys());
    const isDead = (spec: InputFieldSpec) => 'input' in spec.target && !alive.has(spec.target.input);
    let changed = true;
    while (changed) {
      changed = false;
      for (const name of [...alive]) {
        const fields = this.specs.get(name)!;
        const needsDeadType = fields.some((f) => f.wrap === 'required' && isDead(f));
        if (needsDeadType || fields.every(isDead)) {
          alive.delete(name);
          changed = true;
        }
      }
    }
    this.alive = alive;
  }

  /** Whether `name` survived pruning. */
  has(name: string): boolean {
    return this.aliveSet().has(name);
  }

  /** The graphql-js type of a surviving input type, or undefined if it was pruned. */
  type(name: string): GraphQLInputObjectType | undefined {
    if (!this.has(name)) return undefined;
    let type = this.built.get(name);
    if (!type) {
      const specs = this.specs.get(name)!;
      type = new GraphQLInputObjectType({
        name,
        // A thunk: input types refer to each other in cycles (AND: [XWhereInput!]).
        fields: () =>
          Object.fromEntries(
            specs
              .filter((spec) => !('input' in spec.target) || this.has(spec.target.input))
              .map((spec) => [spec.name, { type: this.wrapped(spec), description: spec.description }]),
          ),
      });
      this.built.set(name, type);
    }
    return type;
  }

  /** The type of an argument or field declared with `spec`, or undefined when its input type was pruned. */
  argumentType(spec: Omit<InputFieldSpec, 'name'>): GraphQLInputType | undefined {
    if ('input' in spec.target && !this.has(spec.target.input)) return undefined;
    return this.wrapped(spec);
  }

  private wrapped(spec: Omit<InputFieldSpec, 'name'>): GraphQLInputType {
    const named = 'input' in spec.target ? this.type(spec.target.input)! : spec.target.leaf;
    if (spec.wrap === 'required') return new GraphQLNonNull(named);
    if (spec.wrap === 'list') return new GraphQLList(new GraphQLNonNull(named));
    return named;
  }

  private aliveSet(): ReadonlySet<string> {
    if (!this.alive) throw new Error('Input types must be pruned before they are used.');
    return this.alive;
  }
}
