import { findType, hasDirective, modelTypes } from '../../document/document.queries.js';
import { relatedDocField, relationFieldsOf } from '../../relations/related-field.js';
import type { ValidationRule } from '../validation-rule.js';
import { linkOf } from './rule-helpers.js';

/**
 * Where a relation is stored (spec §2.6): a 1:1 relation has no natural side for its column, so one
 * side must say `link`; only one side may say it; and a list field cannot hold an inline column.
 * Each end of a relation is reported on its own, as Prisma does. A relation with an embedded type
 * is stored inside its parent and needs no link.
 */
export const linkModeRule: ValidationRule = {
  name: 'link-mode',
  formats: ['1.1'],
  phase: 'semantic',
  check({ doc, report }) {
    for (const type of modelTypes(doc)) {
      for (const field of relationFieldsOf(doc, type)) {
        const back = relatedDocField(doc, type, field);
        const [own, opposite] = [linkOf(field), back && linkOf(back)];
        const problem = (description: string) => report({ type: type.name, field: field.name, description, position: field.position });
        const embedded = hasDirective(type, 'embedded') || hasDirective(findType(doc, field.typeName) ?? type, 'embedded');
        if (back && !embedded && !field.isList && !back.isList && own === undefined && opposite === undefined) {
          problem(
            `The field \`${field.name}\` must provide a relation link mode. Either specify it on this field or the opposite field. Valid values are: \`@relation(link: TABLE)\`,\`@relation(link: INLINE)\``,
          );
        }
        if (back && own !== undefined && opposite !== undefined) {
          // The closing brace is in Prisma's message (DeployErrors.moreThanOneRelationStrategy).
          problem(
            `The \`link\` argument must be specified only on one side of a relation. The field \`${field.name}\` provides a link mode and the opposite field \`${back.name}\` as well.}`,
          );
        }
        if (field.isList && own === 'INLINE') {
          const hint =
            back && !back.isList
              ? `You could fix this by putting \`link: INLINE\` on the opposite field \`${back.name}\` in the model \`${field.typeName}\`.`
              : 'You could fix this by using the strategy `TABLE` instead.';
          problem(`This connector does not support the \`INLINE\` strategy for list relation fields. ${hint}`);
        }
      }
    }
  },
};
