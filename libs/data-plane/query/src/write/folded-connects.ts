// Which nested connects of a create the INSERT can write itself (spec §8.7 "connect inside a
// create"): the link is a column of the new row and the other side is a list, so Prisma checks
// nothing and detaches nothing. The connected node's id is then selected inside the insert, which
// makes "create a post connected to its author" one statement instead of three.
import type { SchemaModel } from '@refract/schema-model';
import type { UniqueWhere } from '../plan/read.plan.js';
import type { CreateNode, NestedWrite } from '../plan/write.plan.js';
import { linkOf } from '../sql/relation.link.js';
import { backArity } from './write.context.js';

export type FoldedConnect = NestedWrite & { readonly action: { readonly kind: 'connect'; readonly where: UniqueWhere } };

export function foldedConnects(schema: SchemaModel, node: CreateNode): FoldedConnect[] {
  const folded: FoldedConnect[] = [];
  const columns = new Set<string>();
  for (const write of node.nested) {
    if (write.action.kind !== 'connect') continue;
    const link = linkOf(schema, node.model, write.field);
    if (link.store.kind !== 'parentColumn' || backArity(schema, write.field) !== 'n' || columns.has(link.store.column)) continue;
    columns.add(link.store.column);
    folded.push(write as FoldedConnect);
  }
  return folded;
}
