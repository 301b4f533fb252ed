import { findType, modelTypes, relationName } from '../../document/document.queries.js';
import { relationFieldsOf } from '../../relations/related-field.js';
import type { ValidationRule } from '../validation-rule.js';
import { isSelfRelation, previousRelationName, relationCount } from './rule-helpers.js';

/**
 * A relation named on one side only, while the other model has an unnamed field pointing back, is
 * ambiguous: it could be one relation or two one-sided ones. Prisma asks for the name on both sides;
 * the 1.0 validator explains the ambiguity at length.
 */
export const relationNameBothSidesRule: ValidationRule = {
  name: 'relation-name-both-sides',
  formats: ['1.0', '1.1'],
  phase: 'syntax',
  check({ doc, format, report }) {
    for (const type of modelTypes(doc)) {
      for (const field of relationFieldsOf(doc, type)) {
        const name = previousRelationName(field);
        if (relationName(field) === undefined || name === undefined) continue;
        if (isSelfRelation(type, field) || relationCount(doc, type, field) !== 1) continue;
        const other = findType(doc, field.typeName);
        const unnamedBack = other ? relationFieldsOf(doc, other).filter((f) => f.typeName === type.name && relationName(f) === undefined) : [];
        if (unnamedBack.length === 0) continue;
        const [a, b] = [type.name, field.typeName];
        report({
          type: type.name,
          field: field.name,
          description: format === '1.0' ? legacyMessage(name, a, b) : message(name, a, b),
          position: field.position,
        });
      }
    }
  },
};

// The trailing space is Prisma's (DeployErrors.relationDirectiveWithNameArgumentMustAppearTwice).
const message = (name: string, a: string, b: string) =>
  `You are trying to set the relation '${name}' from \`${a}\` to \`${b}\` and are only providing a relation directive with a name on \`${a}\`. ` +
  `Please also provide the same named relation directive on the relation field on \`${b}\` pointing towards \`${a}\`. `;

const legacyMessage = (name: string, a: string, b: string) =>
  `You are trying to set the relation '${name}' from \`${a}\` to \`${b}\` and are only providing a relation directive on \`${a}\`. ` +
  `Since there is also a relation field without a relation directive on \`${b}\` pointing towards \`${a}\` that is ambiguous. ` +
  `Please provide the same relation directive on \`${b}\` if this is supposed to be the same relation. ` +
  `If you meant to create two separate relations without backrelations please provide a relation directive with a different name on \`${b}\`.`;
