// One mutation root field, run the Refract way (spec §8.1): planned (input checks), executed in ONE
// transaction through the caller's ports, and its result read inside that transaction with the
// same one-statement read compiler queries use, so the response shows the committed write and
// nothing else. A create that is a single INSERT runs without BEGIN/COMMIT: one statement is
// atomic on its own, and two round trips are saved.
import { getNamedType, isNonNullType, type FieldNode, type GraphQLField, type GraphQLObjectType, type OperationDefinitionNode } from 'graphql';
import { idField, type Model, type SchemaModel } from '@refract/schema-model';
import type { PlanContext } from './plan/read.planner.js';
import { planNodeSelection } from './plan/read.planner.js';
import type { NodeSelection } from './plan/read.plan.js';
import { collectFields, subSelections } from './plan/selection.collect.js';
import type { CreateNode } from './plan/write.plan.js';
import { planWriteField } from './plan/write.planner.js';
import { equalsFilter } from './plan/filter.plan.js';
import { compileInsertedRead, compileRead } from './sql/read.compiler.js';
import { usesRelayIds } from './sql/node.statements.js';
import { foldedConnects } from './write/folded-connects.js';
import type { WriteSession } from './write/write.context.js';
import type { ChangeEvent, ChangeRecorder } from './write/change.events.js';
import { WriteExecutor } from './write/write.executor.js';
import type { RootResult } from './read.operation.js';

export interface MutationPorts {
  /** Runs `work` in one transaction on one connection; commits when it resolves, rolls back otherwise. */
  transaction<T>(work: (session: WriteSession) => Promise<T>): Promise<T>;
  /** Statements outside an explicit transaction (each one commits on its own). */
  readonly autocommit: WriteSession;
  /** `executeRaw` (spec §15); absent when the project has no raw access. */
  executeRaw?(query: string): Promise<unknown>;
  /** Where change events go (spec §9.6); absent when the caller serves no subscriptions. */
  readonly changes?: ChangePublisher;
}

export interface ChangePublisher {
  /** Whether anyone subscribes to changes of the model. */
  wants(model: string): boolean;
  /** Writes the events in the mutation's own transaction, after its last write, before COMMIT. */
  publish(session: WriteSession, events: readonly ChangeEvent[]): Promise<void>;
}

/** A create whose whole write is its INSERT (no lists, relay ids or nested writes left over). */
function isSingleStatement(schema: SchemaModel, create: CreateNode): boolean {
  if (create.data.lists.length > 0 || usesRelayIds(schema)) return false;
  return foldedConnects(schema, create).length === create.nested.length;
}

/**
 * Whether a create's result can be read in its own INSERT statement: the statement's subqueries
 * see the database as it was before the insert, so a relation of a connected node that leads back
 * to the new row would miss it. Scalars of the new row and of the nodes it points at are safe.
 */
function readableInInsert(selection: NodeSelection): boolean {
  return selection.every((field) => (field.kind === 'toOne' || field.kind === 'toMany' ? field.selection.every((f) => f.kind === 'scalar' || f.kind === 'scalarList' || f.kind === 'typename') : true));
}

/** `{"count": n}` shaped by the BatchPayload selection (aliases, `__typename`). */
function batchPayloadText(ctx: PlanContext, type: GraphQLObjectType, nodes: readonly FieldNode[], count: number): string {
  const pairs = [...collectFields(ctx, type, subSelections(nodes))].map(([key, [node]]) => `${JSON.stringify(key)}:${node!.name.value === '__typename' ? JSON.stringify(type.name) : count}`);
  return `{${pairs.join(',')}}`;
}

/** Runs one mutation root field; returns its value as JSON text. */
export async function runMutationField(ctx: PlanContext, schemaName: string, definition: GraphQLField<unknown, unknown>, nodes: readonly FieldNode[], ports: MutationPorts): Promise<string> {
  const plan = planWriteField({ schema: ctx.schema, variables: ctx.variables, now: new Date() }, definition, nodes[0]!);
  if (plan.kind === 'executeRaw') {
    if (!ports.executeRaw) throw new Error('executeRaw is not enabled for this project.');
    return JSON.stringify(await ports.executeRaw(plan.query));
  }
  const type = getNamedType(definition.type) as GraphQLObjectType;
  const executorOn = (session: WriteSession, changes: ChangeRecorder | null = null) => new WriteExecutor({ schema: ctx.schema, schemaName, session, changes });
  // One transaction whose change events are written in it, just before it commits.
  const inTransaction = <T>(work: (executor: WriteExecutor, session: WriteSession) => Promise<T>): Promise<T> =>
    ports.transaction(async (session) => {
      const publisher = ports.changes;
      const changes: ChangeRecorder | null = publisher ? { wants: (model) => publisher.wants(model), events: [] } : null;
      const result = await work(executorOn(session, changes), session);
      if (publisher && changes && changes.events.length > 0) await publisher.publish(session, changes.events);
      return result;
    });
  if (plan.kind === 'updateMany' || plan.kind === 'deleteMany') {
    // Batch mutations report no events (spec §9.6).
    const count = await ports.transaction(async (session) => {
      const executor = executorOn(session);
      const matched = await executor.matching(plan.model, plan.filter, null, plan.kind === 'deleteMany' ? 'delete' : 'write');
      if (plan.kind === 'updateMany') await executor.writeData(plan.model, plan.data, matched);
      else await executor.deleteNodes(plan.model, matched);
      return matched.length;
    });
    return batchPayloadText(ctx, type, nodes, count);
  }
  const selection = planNodeSelection(ctx, plan.model, type, nodes);
  const read = async (session: WriteSession, model: Model, id: unknown): Promise<string> => {
    const statement = compileRead({ kind: 'findUnique', model, where: { field: idField(model), value: id }, selection }, { schema: ctx.schema, schemaName });
    const [row] = await session.rows(statement);
    return (row?.result as string | null | undefined) ?? 'null';
  };
  if (plan.kind === 'create' && !ports.changes?.wants(plan.model.name) && isSingleStatement(ctx.schema, plan.create)) {
    const executor = executorOn(ports.autocommit);
    if (!readableInInsert(selection)) return read(ports.autocommit, plan.model, await executor.create(plan.create));
    // One round trip: the insert and the read of its result in one statement.
    const { statement, folded } = executor.insertOf(plan.create, null, 'row');
    const [row] = await executor.rows(compileInsertedRead(statement, plan.model, selection, { schema: ctx.schema, schemaName }));
    if (row?.result === null || row?.result === undefined) return executor.missingConnect(plan.model, folded);
    return row.result as string;
  }
  return inTransaction(async (executor, session) => {
    const { model } = plan;
    switch (plan.kind) {
      case 'create':
        return read(session, model, await executor.create(plan.create));
      case 'update': {
        const id = await executor.resolve(model, plan.where);
        await executor.update(plan.update, { model, id });
        return read(session, model, id);
      }
      case 'upsert': {
        // Spec §8.4: the create branch ignores `where`.
        const [id] = await executor.matching(model, equalsFilter(plan.where.field, plan.where.value));
        if (id === undefined) return read(session, model, await executor.create(plan.create));
        await executor.update(plan.update, { model, id });
        return read(session, model, id);
      }
      case 'delete': {
        // Spec §8.5: the node as it was before it was deleted.
        const id = await executor.resolve(model, plan.where, 'delete');
        const before = await read(session, model, id);
        await executor.recordDeleted(model, id);
        await executor.deleteNodes(model, [id]);
        return before;
      }
    }
  });
}

/**
 * Every root field of a mutation operation, one after the other (GraphQL runs mutation fields
 * serially), each in its own transaction; a failed field does not stop the next ones.
 */
export async function runMutationOperation(ctx: PlanContext, schemaName: string, operation: OperationDefinitionNode, ports: MutationPorts): Promise<RootResult[]> {
  const mutationType = ctx.graphqlSchema.getMutationType();
  if (!mutationType) throw new Error('The schema has no mutations.');
  const results: RootResult[] = [];
  for (const [key, nodes] of collectFields(ctx, mutationType, [operation.selectionSet])) {
    const name = nodes[0]!.name.value;
    if (name === '__typename') {
      results.push({ key, text: JSON.stringify(mutationType.name) });
      continue;
    }
    const definition = mutationType.getFields()[name]!;
    try {
      results.push({ key, text: await runMutationField(ctx, schemaName, definition, nodes, ports) });
    } catch (error) {
      results.push({ key, error, nodes, nonNull: isNonNullType(definition.type) });
    }
  }
  return results;
}
