import type { DatamodelDocument, DocField } from '../../document/document.model.js';
import { findType } from '../../document/document.queries.js';
import type { ValidationRule } from '../validation-rule.js';
import { fieldsOf, isScalarOrEnumField, scalarWrongFormat } from './rule-helpers.js';

/**
 * Lists of lists (`[[String]]`) can be stored neither as scalar lists nor as relations, in either
 * format. Prisma 1.1 does not check this and fails later; we report it with Prisma's wrong-format
 * messages (DeployErrors.invalidScalarType, and the older relationFieldTypeWrong for relations).
 */
export const nestedListRule: ValidationRule = {
  name: 'nested-list',
  formats: ['1.0', '1.1'],
  phase: 'syntax',
  check({ doc, report }) {
    for (const { type, field } of fieldsOf(doc.types)) {
      const description = field.listDepth > 1 ? wrongFormat(doc, field) : undefined;
      if (description) report({ type: type.name, field: field.name, description, position: field.position });
    }
  },
};

function wrongFormat(doc: DatamodelDocument, field: DocField): string | undefined {
  if (isScalarOrEnumField(doc, field)) return scalarWrongFormat(field);
  if (!findType(doc, field.typeName)) return undefined; // reported by missing-type
  const t = field.typeName;
  return `The relation field \`${field.name}\` has the wrong format: \`${field.typeString}\` Possible Formats: \`${t}\`, \`${t}!\`, \`[${t}!]!\``;
}
