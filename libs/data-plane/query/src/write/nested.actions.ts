// Nested writes on a relation field (spec §8.7), each with Prisma 1's checks: which combination of
// to-one/required sides refuses a change (3042), a child that must exist (3039) and be connected
// to the parent (3041), and which old links are removed before a new one is made.
import { relatedField } from '@refract/schema-model';
import { sql } from '@refract/sql';
import type { UniqueWhere } from '../plan/read.plan.js';
import type { CreateNode, NestedAction, NestedWrite } from '../plan/write.plan.js';
import { equalsFilter } from '../plan/filter.plan.js';
import { mutationErrors } from '../query.errors.js';
import { insertRows, usesRelayIds } from '../sql/node.statements.js';
import { connect, disconnectChildren, disconnectPair, disconnectParents, ids, idParameter, linkOf, type RelationLink } from '../sql/relation.link.js';
import { arityOf, backArity, referenceById, referenceOf, type Arity, type NodeTarget } from './write.context.js';
import { requiredRelationError, type WriteExecutor } from './write.executor.js';

interface Step {
  readonly executor: WriteExecutor;
  readonly parent: NodeTarget;
  readonly write: NestedWrite;
  readonly link: RelationLink;
  /** Spec §8.7: `p` the field written through, `c` the field on the other side. */
  readonly p: Arity;
  readonly c: Arity;
}

type Of<K extends NestedAction['kind']> = Extract<NestedAction, { kind: K }>;

export async function runNestedWrite(executor: WriteExecutor, parent: NodeTarget, write: NestedWrite, parentIsNew: boolean): Promise<void> {
  const link = linkOf(executor.schema, parent.model, write.field);
  const step: Step = { executor, parent, write, link, p: arityOf(write.field), c: backArity(executor.schema, write.field) };
  const { action } = write;
  switch (action.kind) {
    case 'create':
      return nestedCreate(step, action.create, parentIsNew);
    case 'connect':
      return nestedConnect(step, action, parentIsNew);
    case 'update':
      return nestedUpdate(step, action);
    case 'upsert':
      return nestedUpsert(step, action);
    case 'delete':
      return nestedDelete(step, action);
    case 'disconnect':
      return nestedDisconnect(step, action);
    case 'set':
      return nestedSet(step, action);
    case 'updateMany':
      return nestedUpdateMany(step, action);
    case 'deleteMany':
      return nestedDeleteMany(step, action);
  }
}

/** A create that is only its row: no nested writes, lists or relay id after the insert. */
function isPlainCreate(executor: WriteExecutor, write: NestedWrite): boolean {
  return write.action.kind === 'create' && write.action.create.nested.length === 0 && write.action.create.data.lists.length === 0 && !usesRelayIds(executor.schema);
}

/** Writes that run as one batch with the write before them (same list field, same kind). */
function batchesWith(executor: WriteExecutor, first: NestedWrite, next: NestedWrite): boolean {
  if (!first.field.isList || next.field !== first.field || next.action.kind !== first.action.kind) return false;
  if (first.action.kind === 'create') return isPlainCreate(executor, first) && isPlainCreate(executor, next);
  return first.action.kind === 'connect';
}

/**
 * Runs the nested writes of one node in order. Consecutive plain creates on the same list field
 * become one multi-row INSERT (and one link statement), consecutive connects one lookup and one
 * link statement: a list parent checks nothing per child (spec §8.7), so the batch means the same.
 */
export async function runNestedWrites(executor: WriteExecutor, parent: NodeTarget, writes: readonly NestedWrite[], parentIsNew: boolean): Promise<void> {
  for (let i = 0; i < writes.length; ) {
    const write = writes[i]!;
    let end = i + 1;
    while (end < writes.length && batchesWith(executor, write, writes[end]!)) end++;
    const batch = writes.slice(i, end);
    if (batch.length === 1) await runNestedWrite(executor, parent, write, parentIsNew);
    else if (write.action.kind === 'create') await nestedCreateMany(executor, parent, write, batch.map((w) => (w.action as Of<'create'>).create));
    else await nestedConnectMany(executor, parent, write, batch.map((w) => (w.action as Of<'connect'>).where));
    i = end;
  }
}

/** Connects under a list field: the children move here when their side is to-one. */
async function nestedConnectMany(executor: WriteExecutor, parent: NodeTarget, write: NestedWrite, wheres: readonly UniqueWhere[]): Promise<void> {
  const link = linkOf(executor.schema, parent.model, write.field);
  const c = backArity(executor.schema, write.field);
  const childIds = await executor.resolveAll(link.child, wheres, c === 'n' ? 'reference' : 'write');
  if (c !== 'n') await executor.rows(disconnectChildren(executor.schemaName, link, ids(link.child, childIds)));
  await executor.rows(connect(executor.schemaName, link, parent.id, childIds));
}

/** Plain creates under a list field: the parent side is a list, so Prisma checks nothing here. */
async function nestedCreateMany(executor: WriteExecutor, parent: NodeTarget, write: NestedWrite, creates: readonly CreateNode[]): Promise<void> {
  const link = linkOf(executor.schema, parent.model, write.field);
  const rows = creates.map((create) => create.data.scalars);
  if (link.store.kind === 'childColumn') {
    const inserted = await executor.rows(insertRows(executor.schemaName, link.child, rows, { column: link.store.column, value: idParameter(parent.model, parent.id) }));
    executor.recordCreated(link.child, inserted.map((row) => row.id));
    return;
  }
  const inserted = await executor.rows(insertRows(executor.schemaName, link.child, rows, null));
  executor.recordCreated(link.child, inserted.map((row) => row.id));
  await executor.rows(connect(executor.schemaName, link, parent.id, inserted.map((row) => row.id)));
}

function violated(step: Step): Error {
  return requiredRelationError(step.executor.schema, step.write.field);
}

/** Does the node have any link through the field (from its side)? */
function parentHasChild(step: Step): Promise<boolean> {
  return step.executor.hasLinks(step.link, [step.parent.id]);
}

function childHasParent(step: Step, childId: unknown): Promise<boolean> {
  const { schema } = step.executor;
  return step.executor.hasLinks(linkOf(schema, step.link.child, relatedField(schema, step.write.field)), [childId]);
}

async function nestedCreate(step: Step, create: CreateNode, parentIsNew: boolean): Promise<void> {
  const { executor, parent, link, p, c } = step;
  if (!parentIsNew) {
    if (p === '1!' && c === '1!') throw violated(step);
    if (p === '1' && c === '1!' && (await parentHasChild(step))) throw violated(step);
    // A to-one parent gets a new child: the old one is detached, not deleted.
    if (p !== 'n') await executor.rows(disconnectParents(executor.schemaName, link, ids(parent.model, [parent.id])));
  }
  if (link.store.kind === 'childColumn') {
    await executor.create(create, { column: link.store.column, parent: parent.model, parentId: parent.id });
    return;
  }
  const childId = await executor.create(create);
  await executor.rows(connect(executor.schemaName, link, parent.id, [childId]));
}

async function nestedConnect(step: Step, action: Of<'connect'>, parentIsNew: boolean): Promise<void> {
  const { executor, parent, link, p, c } = step;
  if (p === '1!' && c === '1!') throw violated(step);
  const childId = await executor.resolve(link.child, action.where, c === 'n' ? 'reference' : 'write');
  if (p === '1!' && c === '1' && (await childHasParent(step, childId))) throw violated(step);
  if (!parentIsNew) {
    if (p === '1' && c === '1!' && (await parentHasChild(step))) throw violated(step);
    if (p !== 'n') await executor.rows(disconnectParents(executor.schemaName, link, ids(parent.model, [parent.id])));
  }
  if (c !== 'n') await executor.rows(disconnectChildren(executor.schemaName, link, ids(link.child, [childId])));
  await executor.rows(connect(executor.schemaName, link, parent.id, [childId]));
}

type ConnectedKind = 'update' | 'delete' | 'disconnect';

/**
 * 3041 as Prisma 1.34 words it for each action (its nested update, delete and disconnect
 * interpreters name different nodes): an update names the child by the selector given, a delete
 * both nodes by id, a disconnect the parent by id when no child was selected, else the child by id.
 */
function notConnected(step: Step, kind: ConnectedKind, where: UniqueWhere | null, childId: unknown): Error {
  const { parent, link } = step;
  const relation = step.write.field.relationName;
  const parentById = referenceById(parent.model, parent.id);
  const childByModel = { model: link.child.name };
  switch (kind) {
    case 'update':
      return mutationErrors.nodesNotConnected(relation, { model: parent.model.name }, referenceOf(link.child, where));
    case 'delete':
      return mutationErrors.nodesNotConnected(relation, parentById, where === null ? childByModel : referenceById(link.child, childId));
    case 'disconnect':
      return where === null
        ? mutationErrors.nodesNotConnected(relation, parentById, childByModel)
        : mutationErrors.nodesNotConnected(relation, { model: parent.model.name }, referenceById(link.child, childId));
  }
}

/**
 * The child a to-one action concerns (the connected one; 3041 when none), or the child `where`
 * selects, which must exist (3039) and be connected to the parent (3041).
 */
async function connectedChild(step: Step, where: UniqueWhere | null, kind: ConnectedKind): Promise<unknown> {
  const { executor, parent, link } = step;
  const lock = kind === 'delete' ? 'delete' : kind === 'disconnect' && step.c === 'n' ? 'reference' : 'write';
  if (where === null) {
    const [childId] = await executor.matching(link.child, null, executor.childIds(link, [parent.id]), lock);
    if (childId === undefined) throw notConnected(step, kind, null, undefined);
    return childId;
  }
  const childId = await executor.resolve(link.child, where, lock);
  const connected = await executor.rows(sql`${executor.childIds(link, [parent.id])} WHERE l.id = ${idParameter(link.child, childId)}`);
  if (connected.length === 0) throw notConnected(step, kind, where, childId);
  return childId;
}

async function nestedUpdate(step: Step, action: Of<'update'>): Promise<void> {
  const childId = await connectedChild(step, action.where, 'update');
  await step.executor.update(action.update, { model: step.link.child, id: childId });
}

async function nestedUpsert(step: Step, action: Of<'upsert'>): Promise<void> {
  const { executor, parent, link } = step;
  const within = executor.childIds(link, [parent.id]);
  const filter = action.where === null ? null : equalsFilter(action.where.field, action.where.value);
  const [childId] = await executor.matching(link.child, filter, within);
  if (childId !== undefined) {
    await executor.update(action.update, { model: link.child, id: childId });
    return;
  }
  await nestedCreate(step, action.create, false);
}

async function nestedDelete(step: Step, action: Of<'delete'>): Promise<void> {
  const childId = await connectedChild(step, action.where, 'delete');
  await step.executor.deleteNodes(step.link.child, [childId]);
}

async function nestedDisconnect(step: Step, action: Of<'disconnect'>): Promise<void> {
  const { executor, parent, link, p, c } = step;
  if (p === '1!' || c === '1!') throw violated(step);
  const childId = await connectedChild(step, action.where, 'disconnect');
  await executor.rows(disconnectPair(executor.schemaName, link, parent.id, childId));
}

async function nestedSet(step: Step, action: Of<'set'>): Promise<void> {
  const { executor, parent, link, c } = step;
  await executor.rows(disconnectParents(executor.schemaName, link, ids(parent.model, [parent.id])));
  if (action.wheres.length === 0) return;
  const childIds = await executor.resolveAll(link.child, action.wheres, c === 'n' ? 'reference' : 'write');
  if (c !== 'n') await executor.rows(disconnectChildren(executor.schemaName, link, ids(link.child, childIds)));
  for (const childId of childIds) await executor.rows(connect(executor.schemaName, link, parent.id, [childId]));
}

async function nestedUpdateMany(step: Step, action: Of<'updateMany'>): Promise<void> {
  const { executor, parent, link } = step;
  const childIds = await executor.matching(link.child, action.filter, executor.childIds(link, [parent.id]));
  await executor.writeData(link.child, action.data, childIds);
}

async function nestedDeleteMany(step: Step, action: Of<'deleteMany'>): Promise<void> {
  const { executor, parent, link } = step;
  const childIds = await executor.matching(link.child, action.filter, executor.childIds(link, [parent.id]), 'delete');
  await executor.deleteNodes(link.child, childIds);
}
