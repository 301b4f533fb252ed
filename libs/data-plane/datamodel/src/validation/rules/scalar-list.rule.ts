import { directive } from '../../document/document.queries.js';
import type { ValidationRule } from '../validation-rule.js';
import { fieldsOf } from './rule-helpers.js';

/** `@scalarList` configures how a list is stored, so it makes no sense on a single value. */
export const scalarListRule: ValidationRule = {
  name: 'scalar-list',
  formats: ['1.1'],
  phase: 'syntax',
  check({ doc, report }) {
    for (const { type, field } of fieldsOf(doc.types)) {
      const d = directive(field, 'scalarList');
      if (!d || field.isList) continue;
      report({
        type: type.name,
        field: field.name,
        description: `Fields that are marked as \`@scalarList\` must be lists, e.g. \`[${field.typeName}]\`.`,
        position: d.position,
      });
    }
  },
};
