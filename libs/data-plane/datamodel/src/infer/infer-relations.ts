// Stage 3b: relations (spec §3.2–3.4). Pairs relation fields into relations, names them, assigns
// sides A/B (kept stable from the previous schema), records onDelete per side, decides where each
// relation is stored, and adds hidden back-relation fields for one-sided relations.
import {
  generateRelationName,
  orderModels,
  type DatamodelFormat,
  type OnDelete,
  type Relation,
  type RelationField,
  type RelationManifestation,
  type RelationSide,
  type RenameLookup,
  type SchemaModel,
} from '@refract/schema-model';
import type { DatamodelDocument, DocField, DocType } from '../document/document.model.js';
import { enumArgument, findType, modelTypes, relationName, stringArgument } from '../document/document.queries.js';
import { DatamodelInferenceError } from '../errors/datamodel-error.js';
import { relatedDocField, relationFieldsOf } from '../relations/related-field.js';

export const MAGICAL_BACK_RELATION_PREFIX = '_MagicalBackRelation_';

interface End {
  readonly model: string;
  readonly field: DocField;
}

interface Group {
  readonly name: string;
  readonly explicit: boolean;
  readonly models: readonly [string, string];
  readonly ends: End[];
}

export interface InferredRelations {
  readonly relations: Relation[];
  /** Relation fields by model name and field name, including hidden back-relation fields. */
  readonly fields: Map<string, RelationField[]>;
}

export interface RelationContext {
  readonly doc: DatamodelDocument;
  readonly format: DatamodelFormat;
  readonly previous: SchemaModel | null;
  readonly renames: RenameLookup;
}

export function inferRelations(context: RelationContext): InferredRelations {
  const groups = groupRelationFields(context.doc);
  const relations: Relation[] = [];
  const fields = new Map<string, RelationField[]>();
  const add = (model: string, field: RelationField) => fields.set(model, [...(fields.get(model) ?? []), field]);

  for (const group of groups) {
    const [modelA, modelB] = stableModelOrder(group, context);
    const sides = assignSides(group, modelA, context);
    const onDeleteOf = (side: RelationSide): OnDelete => {
      const end = group.ends.find((e) => sides.get(e) === side);
      return end ? ((enumArgument(end.field, 'relation', 'onDelete') as OnDelete | undefined) ?? 'SET_NULL') : 'SET_NULL';
    };
    relations.push({
      name: group.name,
      modelA,
      modelB,
      modelAOnDelete: onDeleteOf('A'),
      modelBOnDelete: onDeleteOf('B'),
      manifestation: manifestation(group, modelA, modelB, sides, context),
    });
    for (const end of group.ends) {
      add(end.model, {
        kind: 'relation',
        name: end.field.name,
        relatedModel: end.field.typeName,
        relationName: group.name,
        relationSide: sides.get(end)!,
        isRequired: end.field.isRequired,
        isList: end.field.isList,
        isHidden: false,
      });
    }
    if (group.ends.length === 1) {
      const [end] = group.ends as [End];
      const side = sides.get(end) === 'A' ? 'B' : 'A';
      add(end.field.typeName, {
        kind: 'relation',
        name: `${MAGICAL_BACK_RELATION_PREFIX}${group.name}`,
        relatedModel: end.model,
        relationName: group.name,
        relationSide: side,
        isRequired: false,
        isList: true,
        isHidden: true,
      });
    }
  }
  return { relations, fields };
}

/** Relation fields grouped by relation name, in document order. */
function groupRelationFields(doc: DatamodelDocument): Group[] {
  const groups = new Map<string, Group>();
  for (const type of modelTypes(doc)) {
    for (const field of relationFieldsOf(doc, type)) {
      const back = relatedDocField(doc, type, field);
      const models = orderModels(type.name, field.typeName);
      const explicitName = relationName(field) ?? (back ? relationName(back) : undefined);
      const name = explicitName ?? generatedName(models);
      const existing = groups.get(name);
      if (!existing) {
        groups.set(name, { name, explicit: explicitName !== undefined, models, ends: [{ model: type.name, field }] });
      } else if (!existing.explicit && explicitName === undefined && existing.models.join() !== models.join()) {
        throw nameCollision(name, existing.models, models);
      } else if (existing.ends.length < 2) {
        existing.ends.push({ model: type.name, field });
      }
    }
  }
  return [...groups.values()];
}

function generatedName([modelA, modelB]: readonly [string, string]): string {
  const name = generateRelationName(modelA, modelB);
  if (name === undefined) {
    throw new DatamodelInferenceError(
      4004,
      `There was an error during the autogeneration of relation names.\nPrisma could not generate a valid name for the relation between ${modelA} and ${modelB}.\nPlease name the relation with \`@relation(name: "MyRelation")\`.`,
    );
  }
  return name;
}

function nameCollision(name: string, first: readonly string[], second: readonly string[]): DatamodelInferenceError {
  return new DatamodelInferenceError(
    4004,
    `There was an error during the autogeneration of relation names.\nPrisma generated the name ${name} twice, once for:\n` +
      `A relation between ${first[0]} and ${first[1]}\nA relation between ${second[0]} and ${second[1]}\n` +
      'Please name at least one of the relations.',
  );
}

/**
 * A relation keeps the A/B assignment it had in the previous schema, even when a model rename
 * changes the lexicographic order (spec §3.2), so that its link table columns keep their meaning.
 */
function stableModelOrder(group: Group, { previous, renames }: RelationContext): [string, string] {
  const [a, b] = group.models;
  if (!previous || a === b) return [a, b];
  const previousA = renames.previousModel(a);
  const previousB = renames.previousModel(b);
  const connects = (r: Relation) =>
    (r.modelA === previousA && r.modelB === previousB) || (r.modelA === previousB && r.modelB === previousA);
  const previousName = renames.previousRelation(group.name);
  const byName = previous.relations.find((r) => r.name === previousName && connects(r));
  const between = previous.relations.filter(connects);
  const equivalent = byName ?? (between.length === 1 ? between[0] : undefined);
  return equivalent && equivalent.modelA === previousB ? [b, a] : [a, b];
}

function assignSides(group: Group, modelA: string, { previous, renames }: RelationContext): Map<End, RelationSide> {
  const sides = new Map<End, RelationSide>();
  const [first, second] = group.ends;
  if (group.models[0] !== group.models[1]) {
    for (const end of group.ends) sides.set(end, end.model === modelA ? 'A' : 'B');
    return sides;
  }
  // Self relation: keep the sides of the previous schema when they were distinct; otherwise the
  // field with the smaller name is side A (a lone field is side A).
  const model = first!.model;
  const previousModel = previous?.models.find((m) => m.name === renames.previousModel(model));
  const previousSide = (end: End) => {
    const name = renames.previousField(model, end.field.name);
    const field = previousModel?.fields.find((f) => f.name === name);
    return field?.kind === 'relation' && !field.isHidden ? field.relationSide : undefined;
  };
  if (first && second) {
    const [p1, p2] = [previousSide(first), previousSide(second)];
    if (p1 && p2 && p1 !== p2) {
      sides.set(first, p1).set(second, p2);
    } else {
      const firstIsA = first.field.name < second.field.name;
      sides.set(first, firstIsA ? 'A' : 'B').set(second, firstIsA ? 'B' : 'A');
    }
  } else if (first) {
    sides.set(first, 'A');
  }
  return sides;
}

function manifestation(
  group: Group,
  modelA: string,
  modelB: string,
  sides: Map<End, RelationSide>,
  { doc, format }: RelationContext,
): RelationManifestation {
  const linkTable = (idColumn: string | null): RelationManifestation => ({
    kind: 'table',
    table: `_${group.name}`,
    modelAColumn: 'A',
    modelBColumn: 'B',
    idColumn,
  });
  // 1.0 stores every relation in a link table with an id column (Appendix A).
  if (format === '1.0') return linkTable('id');

  const relationTable = doc.types.find((t) => t.name === group.name && t.directives.some((d) => d.name === 'relationTable'));
  if (relationTable) return declaredLinkTable(doc, relationTable, modelA, modelB);

  const inline = (end: End): RelationManifestation => ({
    kind: 'inline',
    inTableOfModel: end.model,
    referencingColumn: stringArgument(end.field, 'db', 'name') ?? end.field.name,
  });
  const linkEnd = group.ends.find((e) => enumArgument(e.field, 'relation', 'link') !== undefined);
  const link = linkEnd ? enumArgument(linkEnd.field, 'relation', 'link') : undefined;
  if (link === 'TABLE') return linkTable(null);
  if (link === 'INLINE' && linkEnd && !linkEnd.field.isList) return inline(linkEnd);

  // Defaults (spec §2.6): 1:N inline on the to-one side; one-sided to-one inline; the rest tables.
  const toOne = group.ends.filter((e) => !e.field.isList);
  const toMany = group.ends.filter((e) => e.field.isList);
  if (group.ends.length === 2 && toOne.length === 1 && toMany.length === 1) return inline(toOne[0]!);
  if (group.ends.length === 1 && toOne.length === 1) return inline(toOne[0]!);
  // A 1:1 without `link` fails validation; side A holds the column if inference is asked anyway.
  if (toOne.length === 2) return inline([...sides.entries()].find(([, side]) => side === 'A')![0]);
  return linkTable(null);
}

/** A link table named and shaped by a `@relationTable` type (spec §3.4). */
function declaredLinkTable(doc: DatamodelDocument, table: DocType, modelA: string, modelB: string): RelationManifestation {
  const fields = table.fields.filter((f) => findType(doc, f.typeName) !== undefined);
  const column = (f: DocField | undefined, fallback: string) => (f ? (stringArgument(f, 'db', 'name') ?? f.name) : fallback);
  const [fieldA, fieldB] =
    modelA === modelB
      ? [fields[0], fields[1]]
      : [fields.find((f) => f.typeName === modelA), fields.find((f) => f.typeName === modelB)];
  const id = table.fields.find((f) => f.directives.some((d) => d.name === 'id'));
  return {
    kind: 'table',
    table: stringArgument(table, 'db', 'name') ?? table.name,
    modelAColumn: column(fieldA, 'A'),
    modelBColumn: column(fieldB, 'B'),
    idColumn: id ? column(id, 'id') : null,
  };
}
