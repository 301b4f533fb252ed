// `{"valueType": "nodes" | "lists" | "relations", "values": [ … ]}` (spec §14.2): the content of
// one file of an export. Anything else fails the request (HTTP 500).
import { NdfError, describeJson } from '../ndf.errors.js';
import { FILE_TYPES, isFileType, type FileType } from '../ndf.format.js';

export interface ImportRequest {
  readonly valueType: FileType;
  readonly values: readonly unknown[];
}

export function parseImportRequest(body: unknown): ImportRequest {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    throw new NdfError(`The import request must be a JSON object with valueType and values, not ${describeJson(body)}.`);
  }
  const { valueType, values } = body as { valueType?: unknown; values?: unknown };
  if (!isFileType(valueType)) throw new NdfError(`The import request's valueType must be one of ${FILE_TYPES.join(', ')}, not ${describeJson(valueType)}.`);
  if (!Array.isArray(values)) throw new NdfError(`The import request's values must be an array, not ${describeJson(values)}.`);
  return { valueType, values };
}
