import type { DatamodelDocument, DocType } from '../../document/document.model.js';
import { findType, hasDirective, isRelationTableType, modelTypes, relationName } from '../../document/document.queries.js';
import { relationFieldsOf } from '../../relations/related-field.js';
import type { ValidationRule } from '../validation-rule.js';

/**
 * A `@relationTable` type names the link table of the relation of the same name (spec §3.4). It
 * must be used by such a relation, point at that relation's two models, and hold nothing but the
 * two relation fields (and a deprecated id, which only draws a warning).
 */
export const relationTableRule: ValidationRule = {
  name: 'relation-table',
  formats: ['1.1'],
  phase: 'semantic',
  check({ doc, report, warn }) {
    const tables = doc.types.filter(isRelationTableType);
    const unreferenced = tables.filter((t) => usersOf(doc, t).length === 0);
    for (const table of unreferenced) {
      report({ type: table.name, description: `The link table \`${table.name}\` is not referenced in any relation field.`, position: table.position });
    }
    // Prisma reports only the missing references when there are any: the type check would fail too.
    if (unreferenced.length === 0) {
      for (const table of tables.filter((t) => !linksTheRightTypes(doc, t))) {
        report({ type: table.name, description: `The link table \`${table.name}\` is not referencing the right types.`, position: table.position });
      }
    }
    for (const table of tables) {
      const links = table.fields.filter((f) => findType(doc, f.typeName));
      if (links.length !== 2) {
        report({ type: table.name, description: 'A link table must specify exactly two relation fields.', position: table.position });
      }
      for (const field of table.fields.filter((f) => !links.includes(f))) {
        const problem = { type: table.name, field: field.name, position: field.position };
        if (!hasDirective(field, 'id')) report({ ...problem, description: 'A link table must not specify any additional scalar fields.' });
        else if (field.typeName !== 'ID') report({ ...problem, description: 'The id field of a link table must be of type `ID!`.' });
        else {
          warn({
            ...problem,
            description:
              'Id fields on link tables are deprecated and will soon loose support. Please remove it from your datamodel to remove the underlying column.',
          });
        }
      }
    }
  },
};

/** The model fields whose relation is named after the link table. */
function usersOf(doc: DatamodelDocument, table: DocType) {
  return modelTypes(doc).flatMap((type) =>
    relationFieldsOf(doc, type)
      .filter((f) => relationName(f) === table.name)
      .map((field) => ({ type, field })),
  );
}

/** The models the table's fields point at must be exactly the models its relation joins. */
function linksTheRightTypes(doc: DatamodelDocument, table: DocType): boolean {
  const joined = new Set(usersOf(doc, table).flatMap(({ type, field }) => [type.name, field.typeName]));
  const linked = new Set(table.fields.map((f) => f.typeName).filter((name) => findType(doc, name)));
  return joined.size === linked.size && [...joined].every((name) => linked.has(name));
}
