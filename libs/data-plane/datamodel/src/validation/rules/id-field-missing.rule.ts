import { hasDirective, isRelationTableType } from '../../document/document.queries.js';
import type { ValidationRule } from '../validation-rule.js';

/**
 * 1.1 has no implicit `id` field, so every model must mark one (spec §2.2). Link tables and embedded
 * types are not models of their own and need none.
 */
export const idFieldMissingRule: ValidationRule = {
  name: 'id-field-missing',
  formats: ['1.1'],
  phase: 'syntax',
  check({ doc, report }) {
    for (const type of doc.types) {
      if (isRelationTableType(type) || hasDirective(type, 'embedded')) continue;
      if (type.fields.some((f) => hasDirective(f, 'id'))) continue;
      report({
        type: type.name,
        description: `One field of the type \`${type.name}\` must be marked as the id field with the \`@id\` directive.`,
        position: type.position,
      });
    }
  },
};
