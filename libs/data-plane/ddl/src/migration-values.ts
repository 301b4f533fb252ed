// Spec §4.3: the value written into existing rows when a column becomes required (added as a
// required field, made required, or re-created with another type). The planner quotes the same
// value in its warnings, so the default comes from @refract/migration, the one place that
// computes it; the caller may pass its own function (ddlForSteps' `migrationValue` option).
import { migrationValue } from '@refract/migration';
import type { ScalarField, SchemaModel } from '@refract/schema-model';

/** A value for one row's column; sent as a query parameter, never spliced into the SQL text. */
export type MigrationValue = string | number | boolean;

export type MigrationValueFunction = (field: ScalarField, schema: SchemaModel) => MigrationValue;

/**
 * The field's `@default` (a partial DateTime made a full UTC timestamp), else `""`, `false`, `0`,
 * `1970-01-01T00:00:00.000Z`, `{}`, the first enum value, `DefaultCUIDMigrationValue` or
 * `550e8400-e29b-11d4-a716-446655440000`.
 */
export const defaultMigrationValue: MigrationValueFunction = (field, schema) => migrationValue(field, schema).value;
