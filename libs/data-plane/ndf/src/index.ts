// @refract/ndf: Prisma 1's Normalized Data Format (spec §14): export and import of a project's
// nodes, lists and relations through ports the caller implements.
export { NdfError, type NdfErrorCode } from './ndf.errors.js';
export { FILE_TYPES, TERMINAL_CURSOR, type ExportCursor, type FileType } from './ndf.format.js';
export { NDF_LIMITS, type NdfLimits } from './ndf.limits.js';
export type { Row, RunStatement, RunTransaction } from './ndf.ports.js';
export { parseExportRequest, type ExportRequest } from './export/export.request.js';
export { exportSources, type ExportSource } from './export/export.sources.js';
export { pageStatement, type PageStart } from './export/page.statements.js';
export { exportNdf, exportResponseText, runExport, type ExportResult } from './export/export.run.js';
export { parseImportRequest, type ImportRequest } from './import/import.request.js';
export { importMessages } from './import/import.messages.js';
export { parseImportDateTime } from './import/scalar.input.js';
export type { BatchRow, ImportBatch } from './import/import.batches.js';
export { importNdf, planImport, runImport, type ImportOptions, type ImportPlan } from './import/import.run.js';
