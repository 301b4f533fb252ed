import type { ValidationRule } from '../validation-rule.js';
import { anyValue, argumentProblems, fieldsOf, mustBeOneOf, mustBeString, type DirectiveArguments } from './rule-helpers.js';

// 1.0 names every relation (each one is a link table, Appendix A) and reports bad optional
// arguments with a terse message of its own (LegacyDataModelValidator.validateDirectiveRequirements).
const LEGACY_DIRECTIVES: Readonly<Record<string, DirectiveArguments>> = {
  relation: {
    required: { name: mustBeString },
    optional: {
      onDelete: mustBeOneOf(['CASCADE', 'SET_NULL'], 'not a valid value for onDelete'),
      oldName: (v) => (v.kind === 'string' ? undefined : 'not a valid value for oldName'),
    },
  },
  rename: { required: { oldName: mustBeString }, optional: {} },
  default: { required: { value: anyValue }, optional: {} },
};

/**
 * Missing and badly typed arguments of the 1.0 field directives. A required argument of the wrong
 * type counts as missing, as in Prisma's legacy validator.
 */
export const legacyDirectiveArgumentsRule: ValidationRule = {
  name: 'legacy-directive-arguments',
  formats: ['1.0'],
  phase: 'syntax',
  check({ doc, report }) {
    for (const { type, field } of fieldsOf(doc.types)) {
      for (const d of field.directives) {
        const spec = LEGACY_DIRECTIVES[d.name];
        if (!spec) continue;
        const missing = (a: string) =>
          `The field \`${field.name}\` specifies the directive \`@${d.name}\` but it's missing the required argument \`${a}\`.`;
        for (const p of argumentProblems(d, spec, missing, { wrongTypeIsMissing: true })) {
          report({ type: type.name, field: field.name, ...p });
        }
      }
    }
  },
};
