import { findType, isEnumName, SCALAR_TYPE_NAMES } from '../../document/document.queries.js';
import type { ValidationRule } from '../validation-rule.js';
import { fieldsOf } from './rule-helpers.js';

/**
 * Every field type must be a scalar, a declared type or a declared enum. Checked on link tables too
 * (Prisma skips them and then crashes while reading the datamodel).
 */
export const missingTypeRule: ValidationRule = {
  name: 'missing-type',
  formats: ['1.0', '1.1'],
  phase: 'syntax',
  check({ doc, report }) {
    for (const { type, field } of fieldsOf(doc.types)) {
      const name = field.typeName;
      if (SCALAR_TYPE_NAMES.has(name) || findType(doc, name) || isEnumName(doc, name)) continue;
      report({
        type: type.name,
        field: field.name,
        // Prisma prints the type as written (`[Tag!]!`), not just the name inside it.
        description: `The field \`${field.name}\` has the type \`${field.typeString}\` but there's no type or enum declaration with that name.`,
        position: field.position,
      });
    }
  },
};
