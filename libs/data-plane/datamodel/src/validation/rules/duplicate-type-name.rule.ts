import type { ValidationRule } from '../validation-rule.js';

/**
 * Type names must be unique ignoring case, because table names and the generated API names would
 * otherwise collide on case-insensitive systems (spec §2.7). Every type of a colliding group is
 * reported at its own position.
 */
export const duplicateTypeNameRule: ValidationRule = {
  name: 'duplicate-type-name',
  formats: ['1.0', '1.1'],
  phase: 'syntax',
  check({ doc, report }) {
    const counts = new Map<string, number>();
    for (const type of doc.types) counts.set(type.name.toLowerCase(), (counts.get(type.name.toLowerCase()) ?? 0) + 1);
    for (const type of doc.types) {
      if ((counts.get(type.name.toLowerCase()) ?? 0) < 2) continue;
      report({
        type: type.name,
        description: `The name of the type \`${type.name}\` occurs more than once. The detection of duplicates is performed case insensitive.`,
        position: type.position,
      });
    }
  },
};
