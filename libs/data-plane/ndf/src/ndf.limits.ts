// Prisma 1's paging constants (spec §14.1; `maxImportExportSize = 1000000` in ApiDependencies).
// Tests lower them to cross page and response boundaries with a few rows.

export interface NdfLimits {
  /** Rows read per statement while exporting (nodes, list values or relation pairs). */
  readonly pageRows: number;
  /** An export response holds elements up to this many characters of JSON text in total. */
  readonly maxResponseChars: number;
}

export const NDF_LIMITS: NdfLimits = { pageRows: 1000, maxResponseChars: 1_000_000 };
