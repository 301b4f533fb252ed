// What the statements of one step may look up: both schemas, the other steps, and where things
// are at this point of the migration. The steps run in STEP_ORDER (spec §5.1), which fixes the
// names objects have when a step's statements run:
//
//   Delete*        previous names (nothing has been renamed yet)
//   UpdateField    previous table names; fields already updated by an earlier UpdateField have
//                  their next column names. List tables and unique indexes are named after the
//                  previous table too, and sequences after the previous model name.
//   UpdateModel    moves the table, its list tables, unique indexes and sequence to the next names
//   UpdateRelation, Create*   next names
import type { MigrationStep, UpdateField } from '@refract/migration';
import {
  columnName,
  findField,
  findModel,
  findRelation,
  idField,
  tableName,
  type Field,
  type Model,
  type Relation,
  type ScalarField,
  type SchemaModel,
} from '@refract/schema-model';
import { DdlError } from '../ddl.error.js';
import { defaultMigrationValue, type MigrationValue, type MigrationValueFunction } from '../migration-values.js';
import { idColumnOf, type IdColumn } from '../statements/model.ddl.js';
import type { ModelKey } from '../statements/relation.ddl.js';
import type { ScalarListTable } from '../statements/scalar-list.ddl.js';

export interface DdlOptions {
  /** The value existing rows get when a column becomes required; default {@link defaultMigrationValue}. */
  readonly migrationValue?: MigrationValueFunction;
}

export class StepContext {
  private readonly migrationValueOf: MigrationValueFunction;

  constructor(
    readonly schemaName: string,
    private readonly previousSchema: SchemaModel | null,
    readonly next: SchemaModel,
    private readonly steps: readonly MigrationStep[],
    /** Index of the step whose statements are being built. */
    private readonly position: number,
    options: DdlOptions,
  ) {
    this.migrationValueOf = options.migrationValue ?? defaultMigrationValue;
  }

  get previous(): SchemaModel {
    if (this.previousSchema === null) {
      throw new DdlError('PREVIOUS_SCHEMA_REQUIRED', `The step ${this.describe()} needs the previous schema.`);
    }
    return this.previousSchema;
  }

  migrationValue(field: ScalarField): MigrationValue {
    return this.migrationValueOf(field, this.next);
  }

  previousModel(name: string): Model {
    return this.model(this.previous, name, 'previous');
  }

  nextModel(name: string): Model {
    return this.model(this.next, name, 'next');
  }

  previousField(model: string, name: string): Field {
    return this.field(this.previousModel(model), name, 'previous');
  }

  nextField(model: string, name: string): Field {
    return this.field(this.nextModel(model), name, 'next');
  }

  previousRelation(name: string): Relation {
    return this.relation(this.previous, name, 'previous');
  }

  nextRelation(name: string): Relation {
    return this.relation(this.next, name, 'next');
  }

  /** True when the migration creates the model, so its table cannot have rows yet. */
  createsModel(nextModel: string): boolean {
    return this.steps.some((s) => s.type === 'CreateModel' && s.name === nextModel);
  }

  createsField(nextModel: string, field: string): boolean {
    return this.steps.some((s) => s.type === 'CreateField' && s.model === nextModel && s.name === field);
  }

  /** The next schema's model that a previous model became (renamed by an UpdateModel step, or kept). */
  successor(previousModel: string): Model {
    const update = this.steps.find((s) => s.type === 'UpdateModel' && s.name === previousModel);
    return this.nextModel(update?.type === 'UpdateModel' ? update.newName : previousModel);
  }

  /** The key of a model in the next schema: its table and id column, as CreateRelation sees them. */
  nextKey(nextModel: string): ModelKey {
    const model = this.nextModel(nextModel);
    return { table: tableName(model), ...idColumnOf(model.name, idField(model)) };
  }

  /** During the UpdateField phase: a model's id column as the UpdateField steps so far left it. */
  currentId(previousModel: string): IdColumn {
    const model = this.previousModel(previousModel);
    const id = idField(model);
    const update = this.updateBefore(previousModel, id.name);
    const current = update ? this.nextField(update.newModel, update.newName ?? update.name) : id;
    if (current.kind !== 'scalar') throw new DdlError('UNSUPPORTED_CHANGE', `The id field of \`${previousModel}\` cannot become a relation.`);
    return idColumnOf(model.name, current);
  }

  /** During the UpdateField phase: a model's list tables as the steps so far left them. */
  currentListTables(previousModel: string): ScalarListTable[] {
    const model = this.previousModel(previousModel);
    return model.fields.flatMap((field) => {
      if (this.before((s) => s.type === 'DeleteField' && s.model === previousModel && s.name === field.name)) return [];
      const update = this.updateBefore(previousModel, field.name);
      const current = update ? this.nextField(update.newModel, update.newName ?? update.name) : field;
      return current.kind === 'scalar' && current.isList ? [{ modelTable: tableName(model), column: columnName(current), type: current.type }] : [];
    });
  }

  /** Relations of the previous schema that touch the model and were not deleted by this migration. */
  survivingRelationsOf(previousModel: string): Relation[] {
    const deleted = new Set(this.steps.flatMap((s) => (s.type === 'DeleteRelation' ? [s.name] : [])));
    return this.previous.relations.filter((r) => (r.modelA === previousModel || r.modelB === previousModel) && !deleted.has(r.name));
  }

  private updateBefore(model: string, field: string): UpdateField | undefined {
    const found = this.steps.slice(0, this.position).find((s) => s.type === 'UpdateField' && s.model === model && s.name === field);
    return found?.type === 'UpdateField' ? found : undefined;
  }

  private before(test: (step: MigrationStep) => boolean): boolean {
    return this.steps.slice(0, this.position).some(test);
  }

  private model(schema: SchemaModel, name: string, which: string): Model {
    const model = findModel(schema, name);
    if (!model) throw new DdlError('UNKNOWN_NAME', `The step ${this.describe()} names the model \`${name}\`, which the ${which} schema does not have.`);
    return model;
  }

  private field(model: Model, name: string, which: string): Field {
    const field = findField(model, name);
    if (!field) {
      throw new DdlError('UNKNOWN_NAME', `The step ${this.describe()} names the field \`${model.name}.${name}\`, which the ${which} schema does not have.`);
    }
    return field;
  }

  private relation(schema: SchemaModel, name: string, which: string): Relation {
    const relation = findRelation(schema, name);
    if (!relation) {
      throw new DdlError('UNKNOWN_NAME', `The step ${this.describe()} names the relation \`${name}\`, which the ${which} schema does not have.`);
    }
    return relation;
  }

  private describe(): string {
    const step = this.steps[this.position];
    return step ? `#${this.position + 1} (${step.type})` : `#${this.position + 1}`;
  }
}
