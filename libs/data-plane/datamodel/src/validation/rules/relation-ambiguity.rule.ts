import type { DocField } from '../../document/document.model.js';
import { modelTypes, relationName } from '../../document/document.queries.js';
import { relationFieldsOf } from '../../relations/related-field.js';
import type { ValidationRule } from '../validation-rule.js';
import { isSelfRelation, previousRelationName, relationCount } from './rule-helpers.js';

/**
 * When a model has several fields pointing at the same model, the relations cannot be paired by
 * type alone: each of those fields must name its relation, and a name may join at most the two
 * ends of one relation (spec §2.5). Prisma checks only the model that holds the ambiguous fields.
 */
export const relationAmbiguityRule: ValidationRule = {
  name: 'relation-ambiguity',
  formats: ['1.0', '1.1'],
  phase: 'syntax',
  check({ doc, report }) {
    for (const type of modelTypes(doc)) {
      const byTarget = new Map<string, DocField[]>();
      for (const field of relationFieldsOf(doc, type)) byTarget.set(field.typeName, [...(byTarget.get(field.typeName) ?? []), field]);
      const ambiguous = [...byTarget.values()].filter((fields) => fields.length > 1).flat();
      for (const field of ambiguous) {
        const problem = (description: string) => report({ type: type.name, field: field.name, description, position: field.position });
        const count = relationCount(doc, type, field);
        const name = previousRelationName(field) ?? '';
        if (relationName(field) === undefined) {
          problem(`The relation field \`${field.name}\` must specify a \`@relation\` directive: \`@relation(name: "MyRelation")\``);
        } else if (!isSelfRelation(type, field) && count > 2) {
          problem(`A relation directive cannot appear more than twice. Relation name: '${name}'`);
        } else if (isSelfRelation(type, field) && count !== 1 && count !== 2) {
          problem(`A relation directive for a self relation must appear either 1 or 2 times. Relation name: '${name}'`);
        }
      }
    }
  },
};
