// `@rename(oldName:)` and `@relation(oldName:)` say that something was renamed rather than dropped
// and re-created. The datamodel stage infers this mapping beside the schema (it is temporary, so not
// part of the schema model); the migration stage plans with it. It lives here, in the model both
// stages share, because engine stages do not import each other.
import type { SchemaModel } from './schema.model.js';

/** Previous → next names, as `buildSchema` of `@refract/datamodel` returns them. */
export interface Renames {
  readonly models: readonly { readonly previous: string; readonly next: string }[];
  readonly enums: readonly { readonly previous: string; readonly next: string }[];
  /** `model` is the model's name in the next schema. */
  readonly fields: readonly { readonly model: string; readonly previous: string; readonly next: string }[];
  readonly relations: readonly { readonly previous: string; readonly next: string }[];
}

/** Name lookups in both directions (Prisma's `SchemaMapping`); an unmapped name maps to itself. */
export class RenameLookup {
  constructor(private readonly renames: Renames) {}

  /**
   * Only the renames whose old name exists in the previous schema. `@rename` is meant to be removed
   * after the deploy that used it; one left behind must not turn the model, enum, field or relation
   * it sits on into a new one (Prisma 1 then emits a CreateModel for an existing table and relies on
   * idempotent DDL).
   */
  static effective(renames: Renames, previous: SchemaModel): RenameLookup {
    const models = renames.models.filter((m) => previous.models.some((p) => p.name === m.previous));
    const modelLookup = new RenameLookup({ ...renames, models });
    return new RenameLookup({
      models,
      enums: renames.enums.filter((e) => previous.enums.some((p) => p.name === e.previous)),
      fields: renames.fields.filter((f) => {
        const model = previous.models.find((p) => p.name === modelLookup.previousModel(f.model));
        return model?.fields.some((p) => p.name === f.previous) ?? false;
      }),
      relations: renames.relations.filter((r) => previous.relations.some((p) => p.name === r.previous)),
    });
  }

  previousModel(next: string): string {
    return this.renames.models.find((m) => m.next === next)?.previous ?? next;
  }

  nextModel(previous: string): string {
    return this.renames.models.find((m) => m.previous === previous)?.next ?? previous;
  }

  previousEnum(next: string): string {
    return this.renames.enums.find((e) => e.next === next)?.previous ?? next;
  }

  nextEnum(previous: string): string {
    return this.renames.enums.find((e) => e.previous === previous)?.next ?? previous;
  }

  previousField(nextModel: string, next: string): string {
    return this.renames.fields.find((f) => f.model === nextModel && f.next === next)?.previous ?? next;
  }

  nextField(previousModel: string, previous: string): string {
    // Field renames are keyed by the next model, so a field of a renamed model is found through it.
    const nextModel = this.nextModel(previousModel);
    return this.renames.fields.find((f) => f.model === nextModel && f.previous === previous)?.next ?? previous;
  }

  previousRelation(next: string): string {
    return this.renames.relations.find((r) => r.next === next)?.previous ?? next;
  }

  nextRelation(previous: string): string {
    return this.renames.relations.find((r) => r.previous === previous)?.next ?? previous;
  }

  /** Some `@relation(oldName:)` gives `next` as the new name of a differently named relation. */
  isRenameTarget(next: string): boolean {
    return this.renames.relations.some((r) => r.next === next && r.previous !== r.next);
  }

  /** Some `@relation(oldName:)` names `previous` as the old name of a differently named relation. */
  isRenameSource(previous: string): boolean {
    return this.renames.relations.some((r) => r.previous === previous && r.next !== previous);
  }
}
