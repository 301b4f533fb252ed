import type { ValidationRule } from '../validation-rule.js';
import { fieldsOf } from './rule-helpers.js';

/** A directive given twice on a field is ambiguous (which arguments win?), so it is rejected. */
export const fieldDirectiveUniqueRule: ValidationRule = {
  name: 'field-directive-unique',
  formats: ['1.0', '1.1'],
  phase: 'syntax',
  check({ doc, report }) {
    for (const { type, field } of fieldsOf(doc.types)) {
      const repeated = field.directives.find((d, i) => field.directives.findIndex((e) => e.name === d.name) !== i);
      if (!repeated) continue;
      report({
        type: type.name,
        field: field.name,
        description: `The field \`${field.name}\` specifies a directive more than once. Directives must appear exactly once on a field.`,
        position: repeated.position,
      });
    }
  },
};
