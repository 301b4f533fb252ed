// One import request (spec §14.2) in ONE transaction: either every row of the request is written,
// or none is and the answer lists why. Prisma ran each batch on its own without a transaction, so
// a failure left the rows before it behind; Refract is stricter on purpose, so that an import the
// CLI reports as failed can be fixed and sent again as it is.
//
// Each batch runs as one statement under a savepoint. Only when it fails on the data (SQLSTATE
// class 22 or 23: a duplicate id, a missing node, a value too long) does the runner roll back to the
// savepoint and run the batch's rows one by one — each under its own savepoint — to name every row
// that fails, with Prisma's messages. Any other failure (a timeout, a lost connection) rejects the
// request as it is. After the last batch, any error rolls the whole transaction back.
import type { SchemaModel } from '@refract/schema-model';
import { sql } from '@refract/sql';
import type { RunStatement, RunTransaction } from '../ndf.ports.js';
import { listBatch, nodeBatches, relationBatch, type ImportBatch } from './import.batches.js';
import { databaseCause } from './import.messages.js';
import { parseImportRequest, type ImportRequest } from './import.request.js';
import { listAppends } from './list.rows.js';
import { nodeInserts } from './node.rows.js';
import { relationPairs } from './relation.rows.js';

export interface ImportPlan {
  readonly batches: readonly ImportBatch[];
  /** Rows refused before any statement (unknown fields, invalid values). */
  readonly errors: readonly string[];
}

/** The request's elements → the statements that write them, and the rows refused on sight (pure). */
export function planImport(schema: SchemaModel, schemaName: string, request: ImportRequest, now: Date): ImportPlan {
  switch (request.valueType) {
    case 'nodes': {
      const { inserts, errors } = nodeInserts(schema, request.values, now);
      return { batches: inserts.flatMap((insert) => nodeBatches(schema, schemaName, insert)), errors };
    }
    case 'lists': {
      const { appends, errors } = listAppends(schema, request.values);
      return { batches: appends.map((append) => listBatch(schemaName, append)), errors };
    }
    case 'relations':
      return { batches: relationPairs(schema, request.values).map((group) => relationBatch(schema, schemaName, group)), errors: [] };
  }
}

function isDataError(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && (code.startsWith('22') || code.startsWith('23'));
}

/** Runs a statement under a savepoint: its rows, or the data error it failed with (after rolling back to the savepoint). */
async function attempt(run: RunStatement, name: 'ndf_batch' | 'ndf_row', statement: Parameters<RunStatement>[0]): Promise<{ rows: number } | { error: unknown }> {
  await run(sql`SAVEPOINT ${sql.ident(name)}`);
  try {
    const rows = await run(statement);
    await run(sql`RELEASE SAVEPOINT ${sql.ident(name)}`);
    return { rows: rows.length };
  } catch (error) {
    if (!isDataError(error)) throw error;
    await run(sql`ROLLBACK TO SAVEPOINT ${sql.ident(name)}`);
    return { error };
  }
}

/** The errors of one batch: none when its statement succeeds, else the failing rows'. */
async function runBatch(run: RunStatement, batch: ImportBatch): Promise<string[]> {
  const whole = await attempt(run, 'ndf_batch', batch.statement);
  if ('rows' in whole && (!batch.returnsEachRow || whole.rows === batch.rows.length)) return [];
  // What the batch changed is kept while rows are tried alone: the request is rolled back anyway.
  const errors: string[] = [];
  for (const row of batch.rows) {
    const result = await attempt(run, 'ndf_row', row.statement());
    if ('error' in result) errors.push(row.failure(databaseCause(result.error)));
    else if (batch.returnsEachRow && result.rows === 0) errors.push(row.failure(row.missing ?? 'no row was changed'));
  }
  // Every row passes alone only if they failed together; name the batch's own cause then.
  if (errors.length === 0 && 'error' in whole) errors.push(batch.rows[0]!.failure(databaseCause(whole.error)));
  return errors;
}

class ImportRejected extends Error {
  constructor(readonly errors: readonly string[]) {
    super('the import was rolled back');
  }
}

/** Runs the plan in one transaction; resolves with `[]` when it committed, else with the errors (nothing written). */
export async function runImport(plan: ImportPlan, transaction: RunTransaction): Promise<string[]> {
  try {
    return await transaction(async (run) => {
      const errors = [...plan.errors];
      for (const batch of plan.batches) errors.push(...(await runBatch(run, batch)));
      if (errors.length > 0) throw new ImportRejected(errors);
      return [];
    });
  } catch (error) {
    if (error instanceof ImportRejected) return [...error.errors];
    throw error;
  }
}

export interface ImportOptions {
  /** The time written to missing `@createdAt`/`@updatedAt` values. */
  readonly now?: Date;
}

/** `POST …/import`: the request body → Prisma's answer, an array of error strings (throws NdfError for a malformed body). */
export async function importNdf(schema: SchemaModel, schemaName: string, body: unknown, transaction: RunTransaction, options: ImportOptions = {}): Promise<string[]> {
  const plan = planImport(schema, schemaName, parseImportRequest(body), options.now ?? new Date());
  if (plan.batches.length === 0 && plan.errors.length === 0) return [];
  return runImport(plan, transaction);
}
