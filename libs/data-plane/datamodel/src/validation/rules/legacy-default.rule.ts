import type { DocField } from '../../document/document.model.js';
import { argument, directive, hasDirective, isEnumName } from '../../document/document.queries.js';
import type { ValidationRule } from '../validation-rule.js';
import { fieldsOf, isInt32, isIsoDateTime, isJson, isNumberLiteral } from './rule-helpers.js';

/**
 * 1.0 defaults are strings for every type (`@default(value: "false")`, Appendix A), converted to the
 * field's type on deploy; the messages are those of Prisma's legacy validator. A typed literal
 * (`value: false`) is a 1.1 default and is rejected here so the two syntaxes are never mixed.
 */
export const legacyDefaultRule: ValidationRule = {
  name: 'legacy-default',
  formats: ['1.0'],
  phase: 'syntax',
  check({ doc, report }) {
    for (const { type, field } of fieldsOf(doc.types)) {
      const problem = { type: type.name, field: field.name };
      if (hasDirective(field, 'defaultValue')) {
        report({
          ...problem,
          description: `You are using a '@defaultValue' directive. Prisma uses '@default(value: "Value as String")' to declare default values.`,
          position: directive(field, 'defaultValue')?.position ?? field.position,
        });
      }
      const value = argument(directive(field, 'default'), 'value');
      if (!value) continue; // no @default, or reported by legacy-directive-arguments
      const v = value.value;
      if (field.isList) {
        report({ ...problem, description: 'List fields cannot have defaultValues.', position: value.position });
      } else if (v.kind !== 'string') {
        report({ ...problem, description: 'This argument must be a String.', position: value.position });
      } else if (isEnumName(doc, field.typeName)) {
        const declared = doc.enums.find((e) => e.name === field.typeName)?.values.some((e) => e.name === v.value);
        if (!declared) report({ ...problem, description: 'The defaultValue contains an invalid enumValue.', position: value.position });
      } else if (!converts(field, v.value)) {
        report({ ...problem, description: `Invalid value '${v.value}' for type ${field.typeName}.`, position: value.position });
      }
    }
  },
};

/** Whether Prisma's legacy string converter turns `text` into a value of the field's type. */
function converts(field: DocField, text: string): boolean {
  switch (field.typeName) {
    case 'String':
    case 'ID':
      return true;
    case 'Int':
      return isInt32(text);
    case 'Float':
      return isNumberLiteral(text);
    case 'Boolean':
      return text === 'true' || text === 'false';
    case 'DateTime':
      return isIsoDateTime(text);
    case 'Json':
      return isJson(text);
    default:
      return false; // UUID (Prisma's converter has no case for it) and relation fields
  }
}
