import { directive, hasDirective } from '../../document/document.queries.js';
import type { ValidationRule } from '../validation-rule.js';
import { fieldsOf } from './rule-helpers.js';

/**
 * `@createdAt` fields are set to "now" by the server, so they must hold one DateTime (Prisma only
 * checks the type name; a list cannot hold a timestamp either), and cannot also be `@updatedAt`.
 */
export const createdAtRule: ValidationRule = {
  name: 'created-at',
  formats: ['1.1'],
  phase: 'syntax',
  check({ doc, report }) {
    for (const { type, field } of fieldsOf(doc.types)) {
      const d = directive(field, 'createdAt');
      if (!d) continue;
      const problem = { type: type.name, field: field.name };
      if (field.typeName !== 'DateTime' || field.isList) {
        report({ ...problem, description: 'Fields that are marked as `@createdAt` must be of type `DateTime!` or `DateTime`.', position: field.position });
      }
      if (hasDirective(field, 'updatedAt')) {
        report({ ...problem, description: 'Fields cannot be marked simultaneously with `@createdAt` and `@updatedAt`.', position: d.position });
      }
    }
  },
};
