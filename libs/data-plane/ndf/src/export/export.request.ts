// `{"fileType": "nodes" | "lists" | "relations", "cursor": {"table", "row", "field", "array"}}`
// (spec §14.1). Anything else fails the request (HTTP 500): an unknown file type would otherwise
// export nothing and look like an empty project.
import { NdfError, describeJson } from '../ndf.errors.js';
import { FILE_TYPES, isFileType, type ExportCursor, type FileType } from '../ndf.format.js';

export interface ExportRequest {
  readonly fileType: FileType;
  readonly cursor: ExportCursor;
}

const isCount = (value: unknown): value is number => typeof value === 'number' && Number.isSafeInteger(value) && value >= 0;

export function parseExportRequest(body: unknown): ExportRequest {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    throw new NdfError(`The export request must be a JSON object with fileType and cursor, not ${describeJson(body)}.`);
  }
  const { fileType, cursor } = body as { fileType?: unknown; cursor?: unknown };
  if (!isFileType(fileType)) throw new NdfError(`The export request's fileType must be one of ${FILE_TYPES.join(', ')}, not ${describeJson(fileType)}.`);
  if (typeof cursor !== 'object' || cursor === null) throw new NdfError(`The export request's cursor must be an object {table, row, field, array}, not ${describeJson(cursor)}.`);
  const { table, row, field = 0, array = 0 } = cursor as Record<string, unknown>;
  if (!isCount(table) || !isCount(row)) {
    throw new NdfError(`The export cursor's table and row must be non-negative integers: ${describeJson(cursor)}.`);
  }
  if (typeof field !== 'number' || typeof array !== 'number') throw new NdfError(`The export cursor's field and array must be numbers: ${describeJson(cursor)}.`);
  return { fileType, cursor: { table, row, field: 0, array: 0 } };
}
