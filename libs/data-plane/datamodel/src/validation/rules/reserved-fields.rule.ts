import type { DocField } from '../../document/document.model.js';
import { hasDirective } from '../../document/document.queries.js';
import type { ValidationRule } from '../validation-rule.js';
import { fieldsOf } from './rule-helpers.js';

interface Requirement {
  readonly types: readonly string[];
  readonly unique: boolean;
}

/** 1.0 system fields always exist as columns of a fixed type (Appendix A); a declaration must match. */
const RESERVED: ReadonlyMap<string, Requirement> = new Map([
  ['id', { types: ['ID', 'UUID'], unique: true }],
  ['createdAt', { types: ['DateTime'], unique: false }],
  ['updatedAt', { types: ['DateTime'], unique: false }],
]);

const isUnique = (field: DocField) => hasDirective(field, 'unique') || hasDirective(field, 'pqUnique');

export const reservedFieldsRule: ValidationRule = {
  name: 'reserved-fields',
  formats: ['1.0'],
  phase: 'syntax',
  check({ doc, report }) {
    for (const { type, field } of fieldsOf(doc.types)) {
      const requirement = RESERVED.get(field.name);
      if (!requirement) continue;
      // Exactly Prisma's FieldRequirement: required, not a list, and unique only where required.
      const valid =
        requirement.types.includes(field.typeName) && field.isRequired && isUnique(field) === requirement.unique;
      if (valid) continue;
      const unique = requirement.unique ? ' @unique' : '';
      const formats = requirement.types.map((t) => `${field.name}: ${t}!${unique}`).join(' or ');
      report({
        type: type.name,
        field: field.name,
        description: `The field \`${field.name}\` is reserved and has to have the format: ${formats}.`,
        position: field.position,
      });
    }
  },
};
