import { modelTypes } from '../../document/document.queries.js';
import { relationFieldsOf } from '../../relations/related-field.js';
import type { ValidationRule } from '../validation-rule.js';
import { previousRelationName, type FieldOfType } from './rule-helpers.js';

/**
 * The two fields that share a relation name must point at each other's models; otherwise the name
 * joins fields of unrelated models. Like Prisma, the first and the last field with the name are
 * compared (more than two are reported by relation-ambiguity).
 */
export const relationTypeMismatchRule: ValidationRule = {
  name: 'relation-type-mismatch',
  formats: ['1.0', '1.1'],
  phase: 'syntax',
  check({ doc, report }) {
    const byName = new Map<string, FieldOfType[]>();
    for (const type of modelTypes(doc)) {
      for (const field of relationFieldsOf(doc, type)) {
        const name = previousRelationName(field);
        if (name !== undefined) byName.set(name, [...(byName.get(name) ?? []), { type, field }]);
      }
    }
    for (const ends of byName.values()) {
      const [first, last] = [ends[0], ends[ends.length - 1]];
      if (!first || !last || ends.length < 2) continue;
      for (const [end, other] of [[first, last], [last, first]] as const) {
        if (end.field.typeName === other.type.name) continue;
        report({
          type: end.type.name,
          field: end.field.name,
          description: `The relation field \`${end.field.name}\` has the type \`${end.field.typeString}\`. But the other directive for this relation appeared on the type \`${other.type.name}\``,
          position: end.field.position,
        });
      }
    }
  },
};
