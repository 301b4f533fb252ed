// Projects on a real PostgreSQL for the NDF tests: a schema built from a datamodel exactly as a
// deploy builds it, seeded with SQL; the library's ports over a pool; the export loop the CLI runs
// (spec §13.13); and a dump of everything a project stores, to compare two projects.
import { buildSchema } from '@refract/datamodel';
import { createProjectSchema, ddlForSteps, stepsToCreate } from '@refract/ddl';
import { query, transaction } from '@refract/pg-executor';
import { columnName, idField, scalarFields, scalarListTableName, tableName, type SchemaModel } from '@refract/schema-model';
import type { TestDatabase } from '@refract/shared/testing';
import { sql } from '@refract/sql';
import type pg from 'pg';
import { NDF_LIMITS, exportNdf, exportSources, importNdf, type FileType, type NdfLimits, type RunStatement, type RunTransaction } from '../src/index.js';

export interface Project {
  readonly schemaName: string;
  readonly schema: SchemaModel;
  readonly pool: pg.Pool;
  readonly run: RunStatement;
  readonly transaction: RunTransaction;
}

let projects = 0;
/** One pool per suite database: every statement names its schema, so projects can share it. */
const pools = new WeakMap<TestDatabase, pg.Pool>();

function poolOf(database: TestDatabase): pg.Pool {
  let pool = pools.get(database);
  if (!pool) {
    pool = database.pool({ max: 4 });
    pools.set(database, pool);
  }
  return pool;
}

/** A fresh project schema (`ndf$<pid>_<n>`) with the datamodel's tables and the seed rows. */
export async function createProject(database: TestDatabase, datamodel: string, seed = ''): Promise<Project> {
  const built = buildSchema(datamodel);
  if (!built.ok) throw new Error(`the datamodel is invalid: ${JSON.stringify(built.errors)}`);
  const schemaName = `ndf$${process.pid}_${projects++}`;
  const pool = poolOf(database);
  await transaction(pool, async (client) => {
    for (const statement of [createProjectSchema(schemaName), ...ddlForSteps(schemaName, null, built.schema, stepsToCreate(built.schema))]) await query(client, statement);
    if (seed) {
      await query(client, sql`SET LOCAL search_path TO ${sql.ident(schemaName)}`);
      await client.query(seed);
    }
  });
  return {
    schemaName,
    schema: built.schema,
    pool,
    run: (statement) => query(pool, statement),
    transaction: (work) => transaction(pool, (client) => work((statement) => query(client, statement))),
  };
}

/** Plain SQL with the project schema as search_path. */
export async function rows(project: Project, text: string): Promise<Record<string, unknown>[]> {
  const client = await project.pool.connect();
  try {
    await client.query(`SET search_path TO "${project.schemaName.replace(/"/g, '""')}"`);
    return (await client.query(text)).rows as Record<string, unknown>[];
  } finally {
    await client.query('RESET search_path').catch(() => undefined);
    client.release();
  }
}

export interface ExportResponse {
  readonly out: { readonly jsonElements: unknown[]; readonly size: number };
  readonly cursor: { readonly table: number; readonly row: number; readonly field: number; readonly array: number };
  readonly isFull: boolean;
}

export async function exportOnce(project: Project, body: unknown, limits: NdfLimits = NDF_LIMITS): Promise<ExportResponse> {
  return JSON.parse(await exportNdf(project.schema, project.schemaName, body, project.run, limits)) as ExportResponse;
}

/** What `prisma1 export` does for one file type: request from cursor 0 until the cursor's sum is negative; one file per response. */
export async function exportFiles(project: Project, fileType: FileType, limits: NdfLimits = NDF_LIMITS): Promise<ExportResponse[]> {
  const files: ExportResponse[] = [];
  let cursor: ExportResponse['cursor'] = { table: 0, row: 0, field: 0, array: 0 };
  while (cursor.table + cursor.row + cursor.field + cursor.array >= 0) {
    const response = await exportOnce(project, { fileType, cursor }, limits);
    files.push(response);
    cursor = response.cursor;
    if (files.length > 10_000) throw new Error('the export does not end');
  }
  return files;
}

/** What `prisma1 import` does with an export: every file of nodes, then lists, then relations; stops at the first error list. */
export async function importFiles(project: Project, files: Readonly<Record<FileType, readonly ExportResponse[]>>, keep: (element: unknown) => boolean = () => true): Promise<string[]> {
  for (const valueType of ['nodes', 'lists', 'relations'] as const) {
    for (const file of files[valueType]) {
      const errors = await importNdf(project.schema, project.schemaName, { valueType, values: file.out.jsonElements.filter(keep) }, project.transaction);
      if (errors.length > 0) return errors;
    }
  }
  return [];
}

export async function exportAll(project: Project, limits: NdfLimits = NDF_LIMITS): Promise<Record<FileType, ExportResponse[]>> {
  return { nodes: await exportFiles(project, 'nodes', limits), lists: await exportFiles(project, 'lists', limits), relations: await exportFiles(project, 'relations', limits) };
}

/**
 * Everything the project stores, in a form two projects of the same datamodel can be compared in:
 * model rows by id (inline relation columns included), list values in position order, link-table
 * pairs (without their random 1.0 row ids), `_RelayId` rows by model name (stable identifiers
 * differ between projects).
 */
export async function dump(project: Project): Promise<Record<string, unknown>> {
  const { schema, schemaName } = project;
  const result: Record<string, unknown> = {};
  const id = (table: string, column: string) => sql`${sql.ident(schemaName, table)} ORDER BY ${sql.ident(column)}`;
  for (const model of schema.models) {
    result[model.name] = await query(project.pool, sql`SELECT * FROM ${id(tableName(model), columnName(idField(model)))}`);
    for (const field of scalarFields(model).filter((f) => f.isList)) {
      const table = scalarListTableName(tableName(model), columnName(field));
      result[`${model.name}.${field.name}`] = await query(project.pool, sql`SELECT "nodeId", "position", "value" FROM ${sql.ident(schemaName, table)} ORDER BY "nodeId", "position"`);
    }
  }
  for (const source of exportSources(schema, 'relations')) {
    if (source.kind !== 'relations' || source.store.kind !== 'table') continue;
    const { table, aColumn, bColumn } = source.store;
    result[source.relation.name] = await query(project.pool, sql`SELECT ${sql.ident(aColumn)} AS a, ${sql.ident(bColumn)} AS b FROM ${sql.ident(schemaName, table)} ORDER BY 1, 2`);
  }
  if (schema.datamodelFormat === '1.0') {
    const names = new Map(schema.models.map((m) => [m.stableIdentifier, m.name]));
    const relay = await query<{ id: string; stableModelIdentifier: string }>(project.pool, sql`SELECT * FROM ${sql.ident(schemaName, '_RelayId')} ORDER BY "id"`);
    result._RelayId = relay.map((r) => ({ id: r.id, model: names.get(r.stableModelIdentifier) }));
  }
  return result;
}

/** Every element of the responses, parsed. */
export const elementsOf = (files: readonly ExportResponse[]): unknown[] => files.flatMap((f) => f.out.jsonElements);
