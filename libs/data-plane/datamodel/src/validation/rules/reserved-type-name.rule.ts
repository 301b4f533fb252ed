import type { ValidationRule } from '../validation-rule.js';

/** Names the generated API itself uses (spec §2.7). */
const RESERVED = new Set(['Mutation', 'Query', 'Subscription', 'Node', 'PageInfo', 'BatchPayload']);

export const reservedTypeNameRule: ValidationRule = {
  name: 'reserved-type-name',
  formats: ['1.0', '1.1'],
  phase: 'syntax',
  check({ doc, report }) {
    for (const type of doc.types) {
      if (RESERVED.has(type.name)) {
        report({
          type: type.name,
          description: `The type \`${type.name}\` has is using a reserved type name. Please rename it.`,
          position: type.position,
        });
      }
    }
  },
};
