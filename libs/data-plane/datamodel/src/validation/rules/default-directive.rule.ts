import type { DocEnum, DocField, DocValue } from '../../document/document.model.js';
import { argument, directive } from '../../document/document.queries.js';
import type { ValidationRule } from '../validation-rule.js';
import { fieldsOf, isInt32, isIsoDateTime, isJson, isScalarOrEnumField, typeCode } from './rule-helpers.js';

/**
 * 1.1 defaults are typed literals (spec §2.3): the literal's kind must match the field's type, an
 * enum default must be a declared value, and `ID`/`UUID` fields take no default at all (Prisma has
 * no case for them). Beyond Prisma, which accepts these and then fails while reading the datamodel,
 * DateTime and Json strings must parse and Int literals must fit 32 bits; and Float also takes an
 * Int literal, as the spec says.
 */
export const defaultDirectiveRule: ValidationRule = {
  name: 'default-directive',
  formats: ['1.1'],
  phase: 'syntax',
  check({ doc, report }) {
    for (const { type, field } of fieldsOf(doc.types)) {
      const d = directive(field, 'default');
      if (!d) continue;
      const problem = { type: type.name, field: field.name };
      // Prisma lets enum lists through here; a list has no single default, so we do not.
      if (field.isList || !isScalarOrEnumField(doc, field)) {
        report({ ...problem, description: 'The `@default` directive must only be placed on scalar fields that are not lists.', position: d.position });
        continue;
      }
      const given = argument(d, 'value');
      if (!given) continue; // reported by directive-arguments
      const { value, position } = given;
      const enumType = doc.enums.find((e) => e.name === field.typeName);
      if (enumType && value.kind === 'enum' && !enumType.values.some((v) => v.name === value.value)) {
        const valid = enumType.values.map((v) => v.name).join(', ');
        report({ ...problem, description: `The default value is invalid for this enum. Valid values are: ${valid}.`, position });
      } else if (!fits(field, value, enumType)) {
        report({
          ...problem,
          // `rendered` is the literal as GraphQL prints it, quotes included: `"false"`.
          description: `The value ${value.rendered} is not a valid default for fields of type ${typeCode(doc, field)}.`,
          position,
        });
      }
    }
  },
};

function fits(field: DocField, value: DocValue, enumType: DocEnum | undefined): boolean {
  if (enumType) return value.kind === 'enum';
  switch (field.typeName) {
    case 'String':
      return value.kind === 'string';
    case 'Int':
      return value.kind === 'int' && isInt32(value.value);
    case 'Float':
      return value.kind === 'int' || value.kind === 'float';
    case 'Boolean':
      return value.kind === 'boolean';
    case 'DateTime':
      return value.kind === 'string' && isIsoDateTime(value.value);
    case 'Json':
      return value.kind === 'string' && isJson(value.value);
    default:
      return false; // ID and UUID
  }
}
