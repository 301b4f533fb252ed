import type { ValidationRule } from '../validation-rule.js';

/** Two enums of one name would be two GraphQL types of one name. Reported once, at the repeat. */
export const enumDuplicateRule: ValidationRule = {
  name: 'enum-duplicate',
  formats: ['1.0', '1.1'],
  phase: 'syntax',
  check({ doc, report }) {
    doc.enums.forEach((e, i) => {
      if (doc.enums.findIndex((other) => other.name === e.name) === i) return;
      report({
        type: e.name,
        description: `The enum type \`${e.name}\` is defined twice in the schema. Enum names must be unique.`,
        position: e.position,
      });
    });
  },
};
