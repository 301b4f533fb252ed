// The query plan (pipeline stage 7): what one top-level read field asks for, resolved against the
// schema model and with its arguments validated. Plain data; the SQL compiler (stage 8) turns it
// into one statement.
import type { Model, RelationField, ScalarField } from '@refract/schema-model';

/** Scalar filter operators (spec §6.5): the suffix of a `where` key, `equals` for none. */
export type ScalarOperator =
  | 'equals'
  | 'not'
  | 'in'
  | 'not_in'
  | 'lt'
  | 'lte'
  | 'gt'
  | 'gte'
  | 'contains'
  | 'not_contains'
  | 'starts_with'
  | 'not_starts_with'
  | 'ends_with'
  | 'not_ends_with';

/** A `where` input resolved against the model (spec §7.2). */
export type Filter =
  | { readonly kind: 'and'; readonly filters: readonly Filter[] }
  | { readonly kind: 'or'; readonly filters: readonly Filter[] }
  /** `NOT: [a, b]` means `NOT a AND NOT b`. */
  | { readonly kind: 'not'; readonly filters: readonly Filter[] }
  | { readonly kind: 'scalar'; readonly field: ScalarField; readonly operator: ScalarOperator; readonly value: unknown }
  /** `f: {…}` (filter) or `f: null` (no related node). */
  | { readonly kind: 'toOne'; readonly field: RelationField; readonly model: Model; readonly filter: Filter | null }
  | { readonly kind: 'toMany'; readonly field: RelationField; readonly model: Model; readonly quantifier: 'some' | 'every' | 'none'; readonly filter: Filter };

export interface OrderBy {
  readonly field: ScalarField;
  readonly direction: 'ASC' | 'DESC';
}

/** `where`, `orderBy`, `skip`, `after`, `before`, `first`, `last` of a list (spec §7.4), validated. */
export interface ListArguments {
  readonly filter: Filter | null;
  readonly orderBy: OrderBy | null;
  readonly skip: number;
  readonly first: number | null;
  readonly last: number | null;
  /** Cursor ids, already converted to the id type. */
  readonly after: string | number | null;
  readonly before: string | number | null;
}

/** A response key (alias or field name) and what goes under it, in selection order. */
export type SelectedField =
  | { readonly key: string; readonly kind: 'typename'; readonly typename: string }
  | { readonly key: string; readonly kind: 'scalar'; readonly field: ScalarField }
  | { readonly key: string; readonly kind: 'scalarList'; readonly field: ScalarField }
  | { readonly key: string; readonly kind: 'toOne'; readonly field: RelationField; readonly model: Model; readonly selection: NodeSelection }
  | {
      readonly key: string;
      readonly kind: 'toMany';
      readonly field: RelationField;
      readonly model: Model;
      readonly args: ListArguments;
      readonly selection: NodeSelection;
    };

export type NodeSelection = readonly SelectedField[];

type Typename = { readonly key: string; readonly kind: 'typename'; readonly typename: string };

export type ConnectionField =
  | Typename
  | {
      readonly key: string;
      readonly kind: 'pageInfo';
      readonly fields: readonly (Typename | { readonly key: string; readonly kind: 'hasNextPage' | 'hasPreviousPage' | 'startCursor' | 'endCursor' })[];
    }
  | {
      readonly key: string;
      readonly kind: 'edges';
      readonly fields: readonly (Typename | { readonly key: string; readonly kind: 'cursor' } | { readonly key: string; readonly kind: 'node'; readonly selection: NodeSelection })[];
    }
  | { readonly key: string; readonly kind: 'aggregate'; readonly fields: readonly (Typename | { readonly key: string; readonly kind: 'count' })[] };

/** A unique selector (`XWhereUniqueInput`) reduced to its one field (spec §7.1). */
export interface UniqueWhere {
  readonly field: ScalarField;
  readonly value: unknown;
}

export type ReadPlan =
  | { readonly kind: 'findUnique'; readonly model: Model; readonly where: UniqueWhere; readonly selection: NodeSelection }
  | { readonly kind: 'findMany'; readonly model: Model; readonly args: ListArguments; readonly selection: NodeSelection }
  | { readonly kind: 'connection'; readonly model: Model; readonly args: ListArguments; readonly selection: readonly ConnectionField[] }
  /** `node(id)`: each model that implements Node, with the selection its type gets. */
  | { readonly kind: 'node'; readonly id: string; readonly candidates: readonly { readonly model: Model; readonly selection: NodeSelection }[] };
