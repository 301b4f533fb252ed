import { directive, enumArgument } from '../../document/document.queries.js';
import type { ValidationRule } from '../validation-rule.js';
import { fieldsOf } from './rule-helpers.js';

/** `@sequence` configures the database sequence of an Int id; anywhere else it would be ignored. */
export const sequenceDirectiveRule: ValidationRule = {
  name: 'sequence-directive',
  formats: ['1.1'],
  phase: 'syntax',
  check({ doc, report }) {
    for (const { type, field } of fieldsOf(doc.types)) {
      const d = directive(field, 'sequence');
      if (!d) continue;
      const isSequenceId = enumArgument(field, 'id', 'strategy') === 'SEQUENCE' && field.typeName === 'Int';
      if (isSequenceId) continue;
      report({
        type: type.name,
        field: field.name,
        description:
          'The directive `@sequence` must only be specified for fields that are marked as id, are of type `Int` and use the sequence strategy. E.g. `id: Int! @id(strategy: SEQUENCE)`.',
        position: d.position,
      });
    }
  },
};
