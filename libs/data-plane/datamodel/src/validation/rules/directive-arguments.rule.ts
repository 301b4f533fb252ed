import type { ValidationRule, ConnectorCapabilities } from '../validation-rule.js';
import {
  anyValue,
  argumentProblems,
  fieldsOf,
  mustBeInt,
  mustBeOneOf,
  mustBeString,
  type DirectiveArguments,
} from './rule-helpers.js';

/** The arguments of the 1.1 field directives (spec §2.3); directives not listed take none we check. */
function fieldDirectives(capabilities: ConnectorCapabilities): Readonly<Record<string, DirectiveArguments>> {
  // TABLE is only offered where link tables exist, as in Prisma's RelationLinkArgument.
  const links = capabilities.relationTables ? ['INLINE', 'TABLE'] : ['INLINE'];
  return {
    relation: {
      required: {},
      optional: {
        name: mustBeString,
        onDelete: mustBeOneOf(['CASCADE', 'SET_NULL'], 'Valid values for the argument `onDelete` are: CASCADE,SET_NULL.'),
        link: mustBeOneOf(links, `Valid values for the argument \`link\` are: ${links.join(',')}.`),
        oldName: mustBeString,
      },
    },
    db: { required: { name: mustBeString }, optional: {} },
    rename: { required: { oldName: mustBeString }, optional: {} },
    default: { required: { value: anyValue }, optional: {} },
    sequence: { required: { name: mustBeString, initialValue: mustBeInt, allocationSize: mustBeInt }, optional: {} },
    id: {
      required: {},
      optional: {
        strategy: mustBeOneOf(['AUTO', 'NONE', 'SEQUENCE'], 'Valid values for the strategy argument of `@id` are: AUTO, NONE, SEQUENCE.'),
      },
    },
    // PostgreSQL stores scalar lists in their own tables only (spec §2.2).
    scalarList: {
      required: {},
      optional: { strategy: mustBeOneOf(['RELATION'], 'Valid values for the strategy argument of `@scalarList` are: RELATION.') },
    },
  };
}

/** Missing and badly typed arguments of the 1.1 field directives. */
export const directiveArgumentsRule: ValidationRule = {
  name: 'directive-arguments',
  formats: ['1.1'],
  phase: 'syntax',
  check({ doc, capabilities, report }) {
    const specs = fieldDirectives(capabilities);
    for (const { type, field } of fieldsOf(doc.types)) {
      for (const d of field.directives) {
        const spec = specs[d.name];
        if (!spec) continue;
        const missing = (a: string) =>
          `The field \`${field.name}\` specifies the directive \`@${d.name}\` but it's missing the required argument \`${a}\`.`;
        for (const p of argumentProblems(d, spec, missing)) report({ type: type.name, field: field.name, ...p });
      }
    }
  },
};
