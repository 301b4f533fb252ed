import { hasDirective } from '../../document/document.queries.js';
import type { ValidationRule } from '../validation-rule.js';
import { fieldsOf } from './rule-helpers.js';

/** The id types PostgreSQL can generate or store as a primary key (spec §2.3), in Prisma's order. */
const ID_TYPES = ['ID', 'UUID', 'Int'];

/** The id field is the primary key: it must be required and of a key type. */
export const idDirectiveRule: ValidationRule = {
  name: 'id-directive',
  formats: ['1.1'],
  phase: 'syntax',
  check({ doc, report }) {
    for (const { type, field } of fieldsOf(doc.types)) {
      if (!hasDirective(field, 'id')) continue;
      const problem = { type: type.name, field: field.name, position: field.position };
      if (!field.isRequired) report({ ...problem, description: 'Fields that are marked as id must be required.' });
      if (!ID_TYPES.includes(field.typeName)) {
        const valid = ID_TYPES.map((t) => `\`${t}!\``).join(',');
        report({ ...problem, description: `The field \`${field.name}\` is marked as id must have one of the following types: ${valid}.` });
      }
    }
  },
};
