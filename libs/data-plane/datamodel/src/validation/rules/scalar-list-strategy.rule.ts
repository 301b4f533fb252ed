import { argument, directive, modelTypes } from '../../document/document.queries.js';
import type { ValidationRule } from '../validation-rule.js';
import { fieldsOf, isScalarOrEnumField } from './rule-helpers.js';

/**
 * Without `@scalarList(strategy: RELATION)` a scalar list defaults to the EMBEDDED strategy, which
 * PostgreSQL cannot store (spec §2.2). Prisma finds this only once the datamodel is otherwise
 * valid, hence the semantic phase; a wrong `strategy` value is reported by directive-arguments.
 */
export const scalarListStrategyRule: ValidationRule = {
  name: 'scalar-list-strategy',
  formats: ['1.1'],
  phase: 'semantic',
  check({ doc, report }) {
    for (const { type, field } of fieldsOf(modelTypes(doc))) {
      if (!field.isList || !isScalarOrEnumField(doc, field)) continue;
      const d = directive(field, 'scalarList');
      if (argument(d, 'strategy')) continue;
      report({
        type: type.name,
        field: field.name,
        description: 'Valid values for the strategy argument of `@scalarList` are: RELATION.',
        position: d?.position ?? field.position,
      });
    }
  },
};
