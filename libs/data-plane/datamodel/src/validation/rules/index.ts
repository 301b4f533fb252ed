// Every validation rule, in the order Prisma 1 runs its checks (types, fields, relations, enums),
// so that errors are listed in the order users know: DataModelValidatorImpl.validateInternal runs
// global checks, then per model (missing types, id, relations, duplicate fields), then field
// directives, enums, type directives and renames; the semantic post-validations come last. The
// 1.0-only rules sit where LegacyDataModelValidator runs the same kind of check.
import type { ValidationRule } from '../validation-rule.js';
import { createdAtRule } from './created-at.rule.js';
import { dbOnRelationRule } from './db-on-relation.rule.js';
import { defaultDirectiveRule } from './default-directive.rule.js';
import { directiveArgumentsRule } from './directive-arguments.rule.js';
import { duplicateFieldNameRule } from './duplicate-field-name.rule.js';
import { duplicateTypeNameRule } from './duplicate-type-name.rule.js';
import { embeddedTypeRule } from './embedded-type.rule.js';
import { enumDuplicateRule } from './enum-duplicate.rule.js';
import { enumValuesRule } from './enum-values.rule.js';
import { fieldDirectiveUniqueRule } from './field-directive-unique.rule.js';
import { idDirectiveRule } from './id-directive.rule.js';
import { idFieldMissingRule } from './id-field-missing.rule.js';
import { legacyDefaultRule } from './legacy-default.rule.js';
import { legacyDirectiveArgumentsRule } from './legacy-directive-arguments.rule.js';
import { legacyScalarFormatRule } from './legacy-scalar-format.rule.js';
import { linkModeRule } from './link-mode.rule.js';
import { missingTypeRule } from './missing-type.rule.js';
import { nestedListRule } from './nested-list.rule.js';
import { relationAmbiguityRule } from './relation-ambiguity.rule.js';
import { relationNameBothSidesRule } from './relation-name-both-sides.rule.js';
import { relationNameShapeRule } from './relation-name-shape.rule.js';
import { relationOnScalarRule } from './relation-on-scalar.rule.js';
import { relationTableSupportRule } from './relation-table-support.rule.js';
import { relationTableRule } from './relation-table.rule.js';
import { relationTypeMismatchRule } from './relation-type-mismatch.rule.js';
import { reservedFieldsRule } from './reserved-fields.rule.js';
import { reservedTypeNameRule } from './reserved-type-name.rule.js';
import { scalarListStrategyRule } from './scalar-list-strategy.rule.js';
import { scalarListRule } from './scalar-list.rule.js';
import { sequenceDirectiveRule } from './sequence-directive.rule.js';
import { typeDirectiveArgumentsRule } from './type-directive-arguments.rule.js';
import { typeDirectiveUniqueRule } from './type-directive-unique.rule.js';
import { typeRenameCycleRule } from './type-rename-cycle.rule.js';
import { updatedAtRule } from './updated-at.rule.js';

export const ALL_RULES: readonly ValidationRule[] = [
  // Global
  reservedTypeNameRule,
  duplicateTypeNameRule,
  // Per model
  reservedFieldsRule,
  missingTypeRule,
  idFieldMissingRule,
  relationAmbiguityRule,
  relationTypeMismatchRule,
  relationNameBothSidesRule,
  relationNameShapeRule,
  duplicateFieldNameRule,
  nestedListRule,
  legacyScalarFormatRule,
  // Field directives
  fieldDirectiveUniqueRule,
  directiveArgumentsRule,
  legacyDirectiveArgumentsRule,
  defaultDirectiveRule,
  legacyDefaultRule,
  relationOnScalarRule,
  dbOnRelationRule,
  sequenceDirectiveRule,
  idDirectiveRule,
  createdAtRule,
  updatedAtRule,
  scalarListRule,
  // Enums
  enumDuplicateRule,
  enumValuesRule,
  // Type directives and renames
  typeDirectiveUniqueRule,
  typeDirectiveArgumentsRule,
  embeddedTypeRule,
  relationTableSupportRule,
  typeRenameCycleRule,
  // Semantic post-validations (only when everything above passed)
  linkModeRule,
  scalarListStrategyRule,
  relationTableRule,
];
