import type { ValidationRule } from '../validation-rule.js';

/** Enum values are stored as text in a column of bounded length and follow Prisma's naming (spec §2.4). */
const VALID_VALUE = /^[A-Z][a-zA-Z0-9_]*$/;
const MAX_VALUE_LENGTH = 191;

/**
 * One error per enum: a lower-case first letter gets its own explanation (the common mistake);
 * otherwise every invalid value is listed.
 */
export const enumValuesRule: ValidationRule = {
  name: 'enum-values',
  formats: ['1.0', '1.1'],
  phase: 'syntax',
  check({ doc, report }) {
    for (const e of doc.enums) {
      const names = e.values.map((v) => v.name);
      const invalid = names.filter((n) => n.length > MAX_VALUE_LENGTH || !VALID_VALUE.test(n));
      const prefix = `The enum type \`${e.name}\` contains invalid enum values.`;
      let description: string | undefined;
      if (names.some((n) => startsLowerCase(n))) description = `${prefix} The first character of each value must be an uppercase letter.`;
      else if (invalid.length > 0) description = `${prefix} Those are invalid: ${invalid.map((n) => `\`${n}\``).join(', ')}.`;
      if (description) report({ type: e.name, description, position: e.position });
    }
  },
};

function startsLowerCase(name: string): boolean {
  const first = name.charAt(0);
  return first !== first.toUpperCase() && first === first.toLowerCase();
}
