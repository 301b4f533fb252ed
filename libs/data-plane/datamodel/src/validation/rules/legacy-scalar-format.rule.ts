import { SCALAR_TYPE_NAMES } from '../../document/document.queries.js';
import type { ValidationRule } from '../validation-rule.js';
import { fieldsOf, scalarWrongFormat } from './rule-helpers.js';

/**
 * 1.0 scalar lists must have non-null items (`[T!]`, `[T!]!`), because 1.0 list tables cannot hold
 * nulls (Appendix A). Only built-in scalars are checked, as in Prisma's legacy validator; nested
 * lists are reported by nested-list.
 */
export const legacyScalarFormatRule: ValidationRule = {
  name: 'legacy-scalar-format',
  formats: ['1.0'],
  phase: 'syntax',
  check({ doc, report }) {
    for (const { type, field } of fieldsOf(doc.types)) {
      if (!SCALAR_TYPE_NAMES.has(field.typeName) || field.listDepth !== 1 || field.itemsRequired) continue;
      report({
        type: type.name,
        field: field.name,
        description: scalarWrongFormat(field),
        position: field.position,
      });
    }
  },
};
