// A DataProbe answered from a table of facts about the (previous) database — input data for the
// destructive checks, stated the way a test reads: `{ rows: ['Post'], nulls: ['Post.title'] }`.
import type { RelationSide } from '@refract/schema-model';
import type { DataProbe } from '../src/data.probe.js';

export interface Facts {
  /** Models whose table has rows. */
  readonly rows?: readonly string[];
  /** `Model.field` with a NULL value (or, for a relation field, an unconnected node). */
  readonly nulls?: readonly string[];
  /** `Model.field` with a repeated value. */
  readonly duplicates?: readonly string[];
  /** Relations that connect at least one pair. */
  readonly relationRows?: readonly string[];
  /** `Relation.A` / `Relation.B`: a node of that side is connected more than once. */
  readonly relationDuplicates?: readonly string[];
  /** `Model.field` → the enum values stored in it. */
  readonly enumValues?: Readonly<Record<string, readonly string[]>>;
}

export interface FactProbe extends DataProbe {
  /** Every question asked, in order (`modelHasRows(Post)`), to show what a check needs. */
  readonly asked: string[];
}

export function factProbe(facts: Facts = {}): FactProbe {
  const asked: string[] = [];
  const answer = (question: string, value: boolean) => {
    asked.push(question);
    return Promise.resolve(value);
  };
  return {
    asked,
    modelHasRows: (model) => answer(`modelHasRows(${model})`, facts.rows?.includes(model) ?? false),
    fieldHasNulls: (model, field) => answer(`fieldHasNulls(${model}.${field})`, facts.nulls?.includes(`${model}.${field}`) ?? false),
    fieldHasDuplicates: (model, field) =>
      answer(`fieldHasDuplicates(${model}.${field})`, facts.duplicates?.includes(`${model}.${field}`) ?? false),
    relationHasRows: (relation) => answer(`relationHasRows(${relation})`, facts.relationRows?.includes(relation) ?? false),
    relationHasDuplicates: (relation, side: RelationSide) =>
      answer(`relationHasDuplicates(${relation}.${side})`, facts.relationDuplicates?.includes(`${relation}.${side}`) ?? false),
    enumValueInUse: (model, field, value) =>
      answer(`enumValueInUse(${model}.${field}, ${value})`, facts.enumValues?.[`${model}.${field}`]?.includes(value) ?? false),
  };
}
