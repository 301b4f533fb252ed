import { argument, directive, modelTypes, relationName } from '../../document/document.queries.js';
import { relationFieldsOf } from '../../relations/related-field.js';
import { isValidRelationName } from '@refract/schema-model';
import type { ValidationRule } from '../validation-rule.js';

/**
 * Relation names become link table names (`_<Name>`), so they are held to a name pattern and
 * length (spec §2.5). The message's pattern omits `_`, which is allowed: that is Prisma's text.
 */
export const relationNameShapeRule: ValidationRule = {
  name: 'relation-name-shape',
  formats: ['1.0', '1.1'],
  phase: 'syntax',
  check({ doc, report }) {
    for (const type of modelTypes(doc)) {
      for (const field of relationFieldsOf(doc, type)) {
        const name = relationName(field);
        if (name === undefined || isValidRelationName(name)) continue;
        report({
          type: type.name,
          field: field.name,
          description: `The field \`${field.name}\` has an invalid name in the \`@relation\` directive. It can only have up to 54 characters and must have the shape [A-Z][a-zA-Z0-9]*`,
          position: argument(directive(field, 'relation'), 'name')?.position ?? field.position,
        });
      }
    }
  },
};
