// Name lookups between the previous and the next schema, read back from a plan's steps: the
// checks and the describer get a plan, not the renames it was made from, and the steps say all
// they need — UpdateModel/UpdateRelation carry both names, CreateModel/CreateRelation mark names
// that did not exist before.
import { findModel, findRelation, type Model, type Relation, type SchemaModel } from '@refract/schema-model';
import type { MigrationStep } from './migration-step.js';

export class StepNames {
  constructor(
    private readonly steps: readonly MigrationStep[],
    private readonly previous: SchemaModel,
  ) {}

  /** The previous model that the next model `name` continues, if any. */
  previousModel(name: string): Model | undefined {
    if (this.steps.some((s) => s.type === 'CreateModel' && s.name === name)) return undefined;
    const update = this.steps.find((s) => s.type === 'UpdateModel' && s.newName === name);
    return findModel(this.previous, update?.type === 'UpdateModel' ? update.name : name);
  }

  /** The next name of the previous model `name`. */
  nextModelName(name: string): string {
    const update = this.steps.find((s) => s.type === 'UpdateModel' && s.name === name);
    return update?.type === 'UpdateModel' ? update.newName : name;
  }

  /** The previous relation that the next relation `name` continues, if any. */
  previousRelation(name: string): Relation | undefined {
    if (this.steps.some((s) => s.type === 'CreateRelation' && s.name === name)) return undefined;
    const update = this.steps.find((s) => s.type === 'UpdateRelation' && (s.newName ?? s.name) === name);
    return findRelation(this.previous, update?.type === 'UpdateRelation' ? update.name : name);
  }
}
