// Stage 3: document (+ previous schema) -> schema model (spec §3). Assumes a document that passed
// validation; its only own errors are the ones Prisma 1 raises during inference (4004).
import {
  RenameLookup,
  SCHEMA_MODEL_FORMAT,
  createCuid,
  deepFreeze,
  type DatamodelFormat,
  type Field,
  type Model,
  type SchemaModel,
} from '@refract/schema-model';
import type { DatamodelDocument } from '../document/document.model.js';
import { isRelationField, modelTypes, stringArgument } from '../document/document.queries.js';
import { inferRelations } from './infer-relations.js';
import { LEGACY_SYSTEM_FIELDS, hiddenSystemField, inferScalarField } from './infer-scalar-field.js';
import { inferRenames } from './renames.js';

export interface InferOptions {
  /** The schema of the project's current revision: stable identifiers and relation sides carry over. */
  readonly previous?: SchemaModel | null;
  /** Makes new stable identifiers; injectable so tests are deterministic. */
  readonly newIdentifier?: () => string;
  /** Prisma 1's `LOWERCASED_TABLE_NAMES=1` (spec §3.1). */
  readonly lowercaseTableNames?: boolean;
}

export function inferSchema(doc: DatamodelDocument, format: DatamodelFormat, options: InferOptions = {}): SchemaModel {
  const previous = options.previous ?? null;
  const newIdentifier = options.newIdentifier ?? createCuid;
  const renames = new RenameLookup(inferRenames(doc));
  const { relations, fields: relationFields } = inferRelations({ doc, format, previous, renames });

  const models: Model[] = modelTypes(doc).map((type) => {
    const byName = new Map((relationFields.get(type.name) ?? []).map((f) => [f.name, f]));
    const declared: Field[] = type.fields.map((field) =>
      isRelationField(doc, field) ? byName.get(field.name)! : inferScalarField(doc, field, format),
    );
    const hiddenBackRelations = [...byName.values()].filter((f) => f.isHidden);
    const hiddenSystem =
      format === '1.0'
        ? LEGACY_SYSTEM_FIELDS.filter((name) => !type.fields.some((f) => f.name === name)).map(hiddenSystemField)
        : [];
    const previousModel = previous?.models.find((m) => m.name === renames.previousModel(type.name));
    const dbName = format === '1.1' ? (stringArgument(type, 'db', 'name') ?? null) : null;
    return {
      name: type.name,
      stableIdentifier: previousModel?.stableIdentifier ?? newIdentifier(),
      dbName: options.lowercaseTableNames ? (dbName ?? type.name).toLowerCase() : dbName,
      fields: [...declared, ...hiddenSystem, ...hiddenBackRelations],
    };
  });

  return deepFreeze({
    format: SCHEMA_MODEL_FORMAT,
    datamodelFormat: format,
    models,
    relations,
    enums: doc.enums.map((e) => ({ name: e.name, values: e.values.map((v) => v.name) })),
  });
}
