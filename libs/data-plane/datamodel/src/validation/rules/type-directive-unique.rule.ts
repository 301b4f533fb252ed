import type { ValidationRule } from '../validation-rule.js';

/** A directive given twice on a type is ambiguous (which `@db` name wins?), so it is rejected. */
export const typeDirectiveUniqueRule: ValidationRule = {
  name: 'type-directive-unique',
  formats: ['1.0', '1.1'],
  phase: 'syntax',
  check({ doc, report }) {
    for (const type of doc.types) {
      const repeated = type.directives.find((d, i) => type.directives.findIndex((e) => e.name === d.name) !== i);
      if (!repeated) continue;
      report({
        type: type.name,
        description: `The type \`${type.name}\` specifies a directive more than once. Directives must appear exactly once on a type.`,
        position: repeated.position,
      });
    }
  },
};
