import { directive, relationName } from '../../document/document.queries.js';
import type { ValidationRule } from '../validation-rule.js';
import { fieldsOf, isScalarOrEnumField } from './rule-helpers.js';

/**
 * `@relation` only means something on relation fields; on a scalar or enum field it is a mistake
 * (often a misspelt type). The 1.0 validator only objects when the directive names a relation.
 */
export const relationOnScalarRule: ValidationRule = {
  name: 'relation-on-scalar',
  formats: ['1.0', '1.1'],
  phase: 'syntax',
  check({ doc, format, report }) {
    for (const { type, field } of fieldsOf(doc.types)) {
      const d = directive(field, 'relation');
      if (!d || !isScalarOrEnumField(doc, field)) continue;
      if (format === '1.0' && relationName(field) === undefined) continue;
      report({
        type: type.name,
        field: field.name,
        description: `The field \`${field.name}\` is a scalar field and cannot specify the \`@relation\` directive.`,
        position: d.position,
      });
    }
  },
};
