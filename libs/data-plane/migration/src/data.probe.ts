// The questions the destructive-change checks ask about the data already in the database (spec
// §5.4). A port: the data-plane worker answers them with `SELECT … LIMIT 1`-style queries; tests
// answer them from a table of facts. Every name is a name of the PREVIOUS schema — that is what the
// database holds while a deploy is being checked.
import type { RelationSide } from '@refract/schema-model';

export interface DataProbe {
  /** The model's table has at least one row. */
  modelHasRows(model: string): Promise<boolean>;
  /**
   * Some node has no value for the field: its column is NULL, or — for a to-one relation field —
   * it is connected to no node through it. Never asked for list fields.
   */
  fieldHasNulls(model: string, field: string): Promise<boolean>;
  /** Two nodes share a non-NULL value of the (scalar, non-list) field. */
  fieldHasDuplicates(model: string, field: string): Promise<boolean>;
  /** The relation connects at least one pair of nodes. */
  relationHasRows(relation: string): Promise<boolean>;
  /** A node on `side` of the relation is connected to more than one node of the other side. */
  relationHasDuplicates(relation: string, side: RelationSide): Promise<boolean>;
  /** Some node holds `value` in the enum field (for a list field: among its values). */
  enumValueInUse(model: string, field: string, value: string): Promise<boolean>;
}
