import type { ValidationRule } from '../validation-rule.js';

/**
 * Field names must be unique within a type ignoring case, since columns are compared
 * case-insensitively (spec §2.7). Each colliding field is reported; the message ends in a space, as
 * Prisma's does.
 */
export const duplicateFieldNameRule: ValidationRule = {
  name: 'duplicate-field-name',
  formats: ['1.0', '1.1'],
  phase: 'syntax',
  check({ doc, report }) {
    for (const type of doc.types) {
      const names = type.fields.map((f) => f.name.toLowerCase());
      for (const field of type.fields) {
        if (names.filter((n) => n === field.name.toLowerCase()).length < 2) continue;
        report({
          type: type.name,
          field: field.name,
          description: `The type \`${type.name}\` has a duplicate fieldName. The detection of duplicates is performed case insensitive. `,
          position: field.position,
        });
      }
    }
  },
};
