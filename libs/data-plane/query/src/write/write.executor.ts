// Runs a write plan inside one transaction (spec §8): creates, updates and deletes nodes, and hands
// the nested writes to `runNestedWrites` in the order the plan holds (Prisma's order). Every node a
// write addresses is locked (see `NodeLock`) before a rule is checked against it, so the rules of
// spec §8.7 still hold when many transactions write the same nodes at once.
import { columnName, idField, relatedField, relationFields, scalarFields, tableName, type Model, type RelationField, type SchemaModel } from '@refract/schema-model';
import { sql, type Sql } from '@refract/sql';
import type { Filter, UniqueWhere } from '../plan/read.plan.js';
import type { CreateNode, NodeData, UpdateNode } from '../plan/write.plan.js';
import { mutationErrors, type QueryError } from '../query.errors.js';
import {
  deleteListValues,
  deleteNodes,
  deleteRelayIds,
  insertListValues,
  insertNode,
  insertRelayId,
  lockedIds,
  lockedIdsByValues,
  updateNodes,
  usesRelayIds,
  type ConnectedColumn,
  type NodeLock,
} from '../sql/node.statements.js';
import { childrenOf, ids, idParameter, linkOf, type RelationLink } from '../sql/relation.link.js';
import { parameter } from '../sql/scalar.value.js';
import { whereCondition } from '../sql/where.clause.js';
import { previousValuesRead, updatedFieldsOf } from './change.events.js';
import { foldedConnects, type FoldedConnect } from './folded-connects.js';
import { violationError } from './violation.errors.js';
import { runNestedWrites } from './nested.actions.js';
import { backArity, onDeleteOf, type NodeTarget, type Row, type WriteContext } from './write.context.js';

/** A new child's row may hold its parent's id: then the link is written by the insert itself. */
export interface ParentColumn {
  readonly column: string;
  readonly parent: Model;
  readonly parentId: unknown;
}

export class WriteExecutor {
  private nextAlias = 0;

  constructor(readonly ctx: WriteContext) {}

  get schema(): SchemaModel {
    return this.ctx.schema;
  }

  get schemaName(): string {
    return this.ctx.schemaName;
  }

  /** Runs one statement; constraint violations become Prisma's errors (spec §8.9). */
  async rows(statement: Sql): Promise<readonly Row[]> {
    try {
      return await this.ctx.session.rows(statement);
    } catch (error) {
      throw violationError(this.ctx, error) ?? error;
    }
  }

  alias(): string {
    return `w${this.nextAlias++}`;
  }

  linkOf(parent: Model, field: RelationField): RelationLink {
    return linkOf(this.schema, parent, field);
  }

  /** The id of the node `where` selects, locked; 3039 when there is none. */
  async resolve(model: Model, where: UniqueWhere, lock: NodeLock = 'write'): Promise<unknown> {
    const row = this.alias();
    const found = await this.rows(lockedIds(this.schemaName, model, row, sql`${sql.ident(row, columnName(where.field))} = ${parameter(where.field, where.value)}`, lock));
    if (found.length === 0) throw mutationErrors.nodeNotFound(model.name, where.field.name, where.value);
    return found[0]!.id;
  }

  /**
   * The ids of the nodes the selectors name, in their order, with one statement per selector
   * field; 3039 for the first one that names no node.
   */
  async resolveAll(model: Model, wheres: readonly UniqueWhere[], lock: NodeLock = 'write'): Promise<unknown[]> {
    const found = new Map<UniqueWhere, unknown>();
    for (const field of new Set(wheres.map((w) => w.field))) {
      const selectors = wheres.filter((w) => w.field === field);
      const rows = await this.rows(lockedIdsByValues(this.schemaName, model, field, selectors.map((w) => w.value), lock));
      for (const row of rows) found.set(selectors[Number(row.ord) - 1]!, row.id);
    }
    const missing = wheres.find((where) => !found.has(where));
    if (missing) throw mutationErrors.nodeNotFound(model.name, missing.field.name, missing.value);
    return wheres.map((where) => found.get(where));
  }

  /** Ids of the nodes matching `filter` (all when null), locked. */
  async matching(model: Model, filter: Filter | null, within: Sql | null = null, lock: NodeLock = 'write'): Promise<unknown[]> {
    const row = this.alias();
    const conditions = [
      ...(filter ? [whereCondition({ schema: this.schema, schemaName: this.schemaName, nextAlias: 0 }, model, filter, row)] : []),
      ...(within ? [sql`${sql.ident(row, columnName(idField(model)))} IN (${within})`] : []),
    ];
    const found = await this.rows(lockedIds(this.schemaName, model, row, conditions.length ? sql.join(conditions, sql` AND `) : sql`true`, lock));
    return found.map((r) => r.id);
  }

  /** `SELECT id FROM (children of parents)`: the ids linked to the parents through `link`. */
  childIds(link: RelationLink, parentIds: readonly unknown[]): Sql {
    return sql`SELECT l.id FROM (${childrenOf(this.schemaName, link, ids(link.parent, parentIds))}) AS l`;
  }

  async hasLinks(link: RelationLink, parentIds: readonly unknown[]): Promise<boolean> {
    return (await this.rows(sql`${this.childIds(link, parentIds)} LIMIT 1`)).length > 0;
  }

  /**
   * The INSERT of a new node, with the connects it can write itself (see folded-connects.ts) and
   * the parent's id when the new row holds it.
   */
  insertOf(node: CreateNode, parentColumn: ParentColumn | null, returning: 'id' | 'row' = 'id'): { statement: Sql; folded: FoldedConnect[] } {
    const { model } = node;
    const folded = foldedConnects(this.schema, node);
    const connected: ConnectedColumn[] = folded.map((write) => {
      const source = this.alias();
      const { where } = write;
      return {
        column: write.column,
        source: sql`SELECT ${sql.ident(source, columnName(idField(write.model)))} AS id FROM ${sql.ident(this.schemaName, tableName(write.model))} AS ${sql.ident(source)} WHERE ${sql.ident(source, columnName(where.field))} = ${parameter(where.field, where.value)}`,
      };
    });
    const columns = parentColumn ? [{ column: parentColumn.column, source: sql`SELECT ${idParameter(parentColumn.parent, parentColumn.parentId)} AS id` }, ...connected] : connected;
    return { statement: insertNode(this.schemaName, model, node.data.scalars, columns, returning), folded };
  }

  /** After an insert that wrote no row: names the first connected node that is missing (3039). */
  async missingConnect(model: Model, folded: readonly FoldedConnect[]): Promise<never> {
    for (const write of folded) await this.resolve(write.model, write.where);
    throw new Error(`The insert into ${model.name} wrote no row.`);
  }

  /** Creates the node and its nested writes; returns its id. */
  async create(node: CreateNode, parentColumn: ParentColumn | null = null): Promise<unknown> {
    const { model } = node;
    const { statement, folded } = this.insertOf(node, parentColumn);
    const inserted = await this.rows(statement);
    if (inserted.length === 0) await this.missingConnect(model, folded);
    const id = inserted[0]!.id;
    this.recordCreated(model, [id]);
    if (usesRelayIds(this.schema)) await this.rows(insertRelayId(this.schemaName, model, id));
    for (const list of node.data.lists) await this.rows(insertListValues(this.schemaName, model, list, ids(model, [id])));
    const target: NodeTarget = { model, id };
    const done = new Set(folded.map((f) => f.write));
    await runNestedWrites(this, target, node.nested.filter((write) => !done.has(write)), true);
    return id;
  }

  /** Reports new nodes to subscriptions (spec §9.6). */
  recordCreated(model: Model, nodeIds: readonly unknown[]): void {
    const { changes } = this.ctx;
    if (!changes?.wants(model.name)) return;
    for (const nodeId of nodeIds) changes.events.push({ model: model.name, mutation: 'CREATED', nodeId, updatedFields: null, previousValues: null });
  }

  /** Reads what a node is before an update or delete that subscriptions are told about. */
  private async previousValues(model: Model, nodeId: unknown): Promise<string | null> {
    const [row] = await this.rows(previousValuesRead(this.schema, this.schemaName, model, nodeId));
    return (row?.result as string | null | undefined) ?? null;
  }

  /** The node of a top-level delete, before it goes (spec §9.6: only top-level deletes report). */
  async recordDeleted(model: Model, nodeId: unknown): Promise<void> {
    const { changes } = this.ctx;
    if (!changes?.wants(model.name)) return;
    changes.events.push({ model: model.name, mutation: 'DELETED', nodeId, updatedFields: null, previousValues: await this.previousValues(model, nodeId) });
  }

  /** Writes the node's scalars, lists and nested writes. */
  async update(node: UpdateNode, target: NodeTarget): Promise<void> {
    const { changes } = this.ctx;
    if (changes?.wants(node.model.name)) {
      const previousValues = await this.previousValues(node.model, target.id);
      changes.events.push({ model: node.model.name, mutation: 'UPDATED', nodeId: target.id, updatedFields: updatedFieldsOf(node.data), previousValues });
    }
    await this.writeData(node.model, node.data, [target.id]);
    await runNestedWrites(this, target, node.nested, false);
  }

  /** The same scalar and list values for every node in `nodeIds`. */
  async writeData(model: Model, data: NodeData, nodeIds: readonly unknown[]): Promise<void> {
    if (nodeIds.length === 0) return;
    const list = ids(model, nodeIds);
    if (data.scalars.length > 0) await this.rows(updateNodes(this.schemaName, model, data.scalars, list));
    for (const values of data.lists) {
      await this.rows(deleteListValues(this.schemaName, model, values.field, list));
      if (values.values.length > 0) await this.rows(insertListValues(this.schemaName, model, values, list));
    }
  }

  /**
   * Deletes the nodes (spec §8.5, §8.8): cascades first, then the required-relation check, then
   * scalar-list rows, relay ids and the rows (link rows and inline references go with them through
   * the foreign keys). `cameThrough` is the field leading back to the node a cascade came from: it
   * is neither followed nor checked again.
   */
  async deleteNodes(model: Model, nodeIds: readonly unknown[], cameThrough: RelationField | null = null, seen: Set<string> = new Set()): Promise<void> {
    const fresh = nodeIds.filter((id) => !seen.has(`${model.name}:${String(id)}`));
    if (fresh.length === 0) return;
    for (const id of fresh) seen.add(`${model.name}:${String(id)}`);
    const fields = relationFields(model).filter((f) => f !== cameThrough);
    for (const field of fields) {
      if (onDeleteOf(this.schema, field) !== 'CASCADE') continue;
      const link = this.linkOf(model, field);
      const children = await this.matching(link.child, null, this.childIds(link, fresh), 'delete');
      await this.deleteNodes(link.child, children, relatedField(this.schema, field), seen);
    }
    for (const field of fields) {
      if (backArity(this.schema, field) !== '1!') continue;
      const link = this.linkOf(model, field);
      const others = link.child === model ? sql` WHERE NOT (l.id = ANY(${ids(model, fresh)}))` : sql``;
      const left = await this.rows(sql`SELECT l.id FROM (${this.childIds(link, fresh)}) AS l${others} LIMIT 1`);
      if (left.length > 0) throw requiredRelationError(this.schema, field);
    }
    const list = ids(model, fresh);
    for (const field of scalarFields(model)) {
      if (field.isList) await this.rows(deleteListValues(this.schemaName, model, field, list));
    }
    if (usesRelayIds(this.schema)) await this.rows(deleteRelayIds(this.schemaName, fresh));
    await this.rows(deleteNodes(this.schemaName, model, list));
  }
}

export function requiredRelationError(schema: SchemaModel, field: RelationField): QueryError {
  const relation = schema.relations.find((r) => r.name === field.relationName)!;
  return mutationErrors.requiredRelationViolated(relation.name, relation.modelA, relation.modelB);
}
