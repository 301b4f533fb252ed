import type { DocDirective } from '../../document/document.model.js';
import type { ValidationRule } from '../validation-rule.js';
import { argumentProblems, mustBeString, type DirectiveArguments } from './rule-helpers.js';

const RENAME: DirectiveArguments = { required: { oldName: mustBeString }, optional: {} };
const DB: DirectiveArguments = { required: { name: mustBeString }, optional: {} };

/**
 * Missing and badly typed arguments of the directives on types (`@rename`, and in 1.1 `@db`) and on
 * enums (`@rename`). Prisma does not check these and crashes on a `@rename` without `oldName`.
 */
export const typeDirectiveArgumentsRule: ValidationRule = {
  name: 'type-directive-arguments',
  formats: ['1.0', '1.1'],
  phase: 'syntax',
  check({ doc, format, report }) {
    const specs: Record<string, DirectiveArguments> = format === '1.1' ? { rename: RENAME, db: DB } : { rename: RENAME };
    const checkAll = (owner: string, directives: readonly DocDirective[], noun: string) => {
      for (const d of directives) {
        const spec = specs[d.name];
        if (!spec) continue;
        const missing = (a: string) => `The ${noun} \`${owner}\` specifies the directive \`@${d.name}\` but it's missing the required argument \`${a}\`.`;
        for (const p of argumentProblems(d, spec, missing)) report({ type: owner, ...p });
      }
    };
    for (const type of doc.types) checkAll(type.name, type.directives, 'type');
    for (const e of doc.enums) checkAll(e.name, e.directives, 'enum type');
  },
};
