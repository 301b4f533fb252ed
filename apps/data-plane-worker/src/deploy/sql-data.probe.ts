// The worker's answers to the destructive-change checks (spec §5.4): existence queries against the
// project's tables as the PREVIOUS schema laid them out. A table that does not exist yet holds no
// data, so a missing table answers "no".
import { scalarListTableName } from '@refract/ddl';
import type { DataProbe } from '@refract/migration';
import { columnName, getModel, getRelation, idField, relationFields, scalarFields, tableName, type RelationSide, type SchemaModel } from '@refract/schema-model';
import { sql, type Sql } from '@refract/sql';
import type pg from 'pg';
import { query } from '@refract/pg-executor';

const UNDEFINED_TABLE = '42P01';
const INVALID_SCHEMA = '3F000';

export class SqlDataProbe implements DataProbe {
  constructor(
    private readonly pool: pg.Pool,
    private readonly schemaName: string,
    private readonly schema: SchemaModel,
  ) {}

  private table(name: string): Sql {
    return sql.ident(this.schemaName, name);
  }

  private async exists(statement: Sql): Promise<boolean> {
    try {
      return (await query(this.pool, statement)).length > 0;
    } catch (error) {
      const code = (error as { code?: string }).code;
      if (code === UNDEFINED_TABLE || code === INVALID_SCHEMA) return false;
      throw error;
    }
  }

  private model(name: string) {
    const model = getModel(this.schema, name);
    return { model, table: this.table(tableName(model)), id: sql.ident(columnName(idField(model))) };
  }

  modelHasRows(model: string): Promise<boolean> {
    return this.exists(sql`SELECT 1 FROM ${this.model(model).table} LIMIT 1`);
  }

  fieldHasNulls(modelName: string, fieldName: string): Promise<boolean> {
    const { model, table, id } = this.model(modelName);
    const scalar = scalarFields(model).find((f) => f.name === fieldName);
    if (scalar) return this.exists(sql`SELECT 1 FROM ${table} WHERE ${sql.ident(columnName(scalar))} IS NULL LIMIT 1`);
    const field = relationFields(model).find((f) => f.name === fieldName);
    if (!field) return Promise.resolve(false);
    const relation = getRelation(this.schema, field.relationName);
    const m = relation.manifestation;
    if (m.kind === 'table') {
      const own = sql.ident(field.relationSide === 'A' ? m.modelAColumn : m.modelBColumn);
      return this.exists(sql`SELECT 1 FROM ${table} t WHERE NOT EXISTS (SELECT 1 FROM ${this.table(m.table)} l WHERE l.${own} = t.${id}) LIMIT 1`);
    }
    if (m.inTableOfModel === modelName && (relation.modelA !== relation.modelB || field.relationSide === 'A')) {
      return this.exists(sql`SELECT 1 FROM ${table} WHERE ${sql.ident(m.referencingColumn)} IS NULL LIMIT 1`);
    }
    const holder = this.model(m.inTableOfModel);
    return this.exists(
      sql`SELECT 1 FROM ${table} t WHERE NOT EXISTS (SELECT 1 FROM ${holder.table} h WHERE h.${sql.ident(m.referencingColumn)} = t.${id}) LIMIT 1`,
    );
  }

  fieldHasDuplicates(modelName: string, fieldName: string): Promise<boolean> {
    const { model, table } = this.model(modelName);
    const field = scalarFields(model).find((f) => f.name === fieldName);
    if (!field) return Promise.resolve(false);
    const column = sql.ident(columnName(field));
    return this.exists(sql`SELECT 1 FROM ${table} WHERE ${column} IS NOT NULL GROUP BY ${column} HAVING count(*) > 1 LIMIT 1`);
  }

  relationHasRows(relationName: string): Promise<boolean> {
    const m = getRelation(this.schema, relationName).manifestation;
    if (m.kind === 'table') return this.exists(sql`SELECT 1 FROM ${this.table(m.table)} LIMIT 1`);
    return this.exists(sql`SELECT 1 FROM ${this.model(m.inTableOfModel).table} WHERE ${sql.ident(m.referencingColumn)} IS NOT NULL LIMIT 1`);
  }

  relationHasDuplicates(relationName: string, side: RelationSide): Promise<boolean> {
    const relation = getRelation(this.schema, relationName);
    const m = relation.manifestation;
    if (m.kind === 'table') {
      const column = sql.ident(side === 'A' ? m.modelAColumn : m.modelBColumn);
      return this.exists(sql`SELECT 1 FROM ${this.table(m.table)} GROUP BY ${column} HAVING count(*) > 1 LIMIT 1`);
    }
    // An inline column holds one reference per row: only the referenced side can repeat.
    const holderSide: RelationSide = relation.modelA === m.inTableOfModel ? 'A' : 'B';
    if (side === holderSide && relation.modelA !== relation.modelB) return Promise.resolve(false);
    const column = sql.ident(m.referencingColumn);
    return this.exists(sql`SELECT 1 FROM ${this.model(m.inTableOfModel).table} WHERE ${column} IS NOT NULL GROUP BY ${column} HAVING count(*) > 1 LIMIT 1`);
  }

  enumValueInUse(modelName: string, fieldName: string, value: string): Promise<boolean> {
    const { model, table } = this.model(modelName);
    const field = scalarFields(model).find((f) => f.name === fieldName);
    if (!field) return Promise.resolve(false);
    if (field.isList) {
      return this.exists(sql`SELECT 1 FROM ${this.table(scalarListTableName(tableName(model), columnName(field)))} WHERE "value" = ${value} LIMIT 1`);
    }
    return this.exists(sql`SELECT 1 FROM ${table} WHERE ${sql.ident(columnName(field))} = ${value} LIMIT 1`);
  }
}
