import type { DatamodelDocument, DocField, DocType } from '../../document/document.model.js';
import { directive, findType, isRelationTableType, modelTypes, relationName } from '../../document/document.queries.js';
import { relatedDocField, relationFieldsOf } from '../../relations/related-field.js';
import type { ValidationRule } from '../validation-rule.js';
import { linkOf } from './rule-helpers.js';

/**
 * On a relation field `@db` names the foreign-key column, so it is only meaningful when the
 * relation is stored inline in this field's table (spec §2.3, §3.4). Fields of `@relationTable`
 * types are not checked: there `@db` names the link table's columns.
 */
export const dbOnRelationRule: ValidationRule = {
  name: 'db-on-relation',
  formats: ['1.1'],
  phase: 'syntax',
  check({ doc, report }) {
    for (const type of modelTypes(doc)) {
      for (const field of relationFieldsOf(doc, type)) {
        const d = directive(field, 'db');
        if (!d || holdsForeignKey(doc, type, field)) continue;
        report({
          type: type.name,
          field: field.name,
          description: `The field \`${field.name}\` specifies the \`@db\` directive. Relation fields must not specify this directive.`,
          position: d.position,
        });
      }
    }
  },
};

/**
 * Whether the relation's column lives in `type`'s table, behind `field`: a to-one field with
 * `link: INLINE`, or, with no `link` on either side, the to-one side of a 1:N or a one-sided to-one
 * (the defaults of spec §2.6). Relations stored in a declared link table never are.
 */
function holdsForeignKey(doc: DatamodelDocument, type: DocType, field: DocField): boolean {
  if (field.isList) return false;
  const back = relatedDocField(doc, type, field);
  const name = relationName(field) ?? (back && relationName(back));
  const linkTable = name !== undefined ? findType(doc, name) : undefined;
  if (linkTable && isRelationTableType(linkTable)) return false;
  const link = linkOf(field);
  if (link !== undefined) return link === 'INLINE';
  if (back && linkOf(back) !== undefined) return false;
  return back === undefined || back.isList;
}
