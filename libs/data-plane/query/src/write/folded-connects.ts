// Which nested connects of a create the INSERT can write itself (spec §8.7 "connect inside a
// create"): the link is a column of the new row and the other side is a list, so Prisma checks
// nothing and detaches nothing. The connected node's id is then selected inside the insert, which
// makes "create a post connected to its author" one statement instead of three.
import type { Model, SchemaModel } from '@refract/schema-model';
import type { UniqueWhere } from '../plan/read.plan.js';
import type { CreateNode, NestedWrite } from '../plan/write.plan.js';
import { linkOf } from '../sql/relation.link.js';
import { backArity } from './write.context.js';

export interface FoldedConnect {
  readonly write: NestedWrite;
  /** The connected node: its model and selector. */
  readonly model: Model;
  readonly where: UniqueWhere;
  /** The new row's column that receives the connected node's id. */
  readonly column: string;
}

export function foldedConnects(schema: SchemaModel, node: CreateNode): FoldedConnect[] {
  const folded: FoldedConnect[] = [];
  const columns = new Set<string>();
  for (const write of node.nested) {
    if (write.action.kind !== 'connect') continue;
    const link = linkOf(schema, node.model, write.field);
    if (link.store.kind !== 'parentColumn' || backArity(schema, write.field) !== 'n' || columns.has(link.store.column)) continue;
    columns.add(link.store.column);
    folded.push({ write, model: write.model, where: write.action.where, column: link.store.column });
  }
  return folded;
}
