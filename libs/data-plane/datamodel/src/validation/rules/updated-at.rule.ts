import { hasDirective } from '../../document/document.queries.js';
import type { ValidationRule } from '../validation-rule.js';
import { fieldsOf } from './rule-helpers.js';

/**
 * `@updatedAt` fields are set to "now" on every update, so they must hold one DateTime. Prisma's
 * message has no backticks around `@updatedAt`, unlike the `@createdAt` one.
 */
export const updatedAtRule: ValidationRule = {
  name: 'updated-at',
  formats: ['1.1'],
  phase: 'syntax',
  check({ doc, report }) {
    for (const { type, field } of fieldsOf(doc.types)) {
      if (!hasDirective(field, 'updatedAt') || (field.typeName === 'DateTime' && !field.isList)) continue;
      report({
        type: type.name,
        field: field.name,
        description: 'Fields that are marked as @updatedAt must be of type `DateTime!` or `DateTime`.',
        position: field.position,
      });
    }
  },
};
