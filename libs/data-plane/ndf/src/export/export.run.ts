// One export request (spec §14.1): from the cursor on, read the file type's sources in schema order,
// a page of `pageRows` rows at a time, and keep elements while their JSON text stays within
// `maxResponseChars`. The first element that does not fit ends the response (`isFull`, cursor at
// that element); running out of sources ends the export (terminal cursor). Memory per request:
// one page of rows plus the elements kept, never a whole table.
import type { SchemaModel } from '@refract/schema-model';
import { TERMINAL_CURSOR, type ExportCursor } from '../ndf.format.js';
import { NDF_LIMITS, type NdfLimits } from '../ndf.limits.js';
import type { RunStatement } from '../ndf.ports.js';
import { parseExportRequest, type ExportRequest } from './export.request.js';
import { exportSources } from './export.sources.js';
import { pageRow, pageStatement, type PageRow, type PageStart } from './page.statements.js';

export interface ExportResult {
  /** Each element's JSON text, in order. */
  readonly elements: readonly string[];
  /** Total characters of the elements' JSON text. */
  readonly size: number;
  readonly cursor: ExportCursor;
  readonly isFull: boolean;
}

const cursorAt = (table: number, row: number): ExportCursor => ({ table, row, field: 0, array: 0 });

export async function runExport(schema: SchemaModel, schemaName: string, request: ExportRequest, run: RunStatement, limits: NdfLimits = NDF_LIMITS): Promise<ExportResult> {
  const sources = exportSources(schema, request.fileType);
  const elements: string[] = [];
  let size = 0;
  for (let table = request.cursor.table, row = request.cursor.row; table < sources.length; table++, row = 0) {
    const source = sources[table]!;
    let start: PageStart = { offset: row };
    for (;;) {
      const page: PageRow[] = (await run(pageStatement(schemaName, source, start, limits.pageRows))).map(pageRow);
      let read = 0;
      for (const item of page) {
        // An element larger than a whole response still goes out alone, so an export always advances.
        if (size + item.element.length > limits.maxResponseChars && elements.length > 0) {
          return { elements, size, cursor: cursorAt(table, row), isFull: true };
        }
        elements.push(item.element);
        size += item.element.length;
        row += item.rows;
        read += item.rows;
      }
      if (read < limits.pageRows || page.length === 0) break;
      start = { after: page[page.length - 1]!.key };
    }
  }
  return { elements, size, cursor: TERMINAL_CURSOR, isFull: false };
}

/** The response body as JSON text, elements spliced in unparsed: `{"out":{"jsonElements","size"},"cursor","isFull"}`. */
export function exportResponseText(result: ExportResult): string {
  return `{"out":{"jsonElements":[${result.elements.join(',')}],"size":${result.size}},"cursor":${JSON.stringify(result.cursor)},"isFull":${result.isFull}}`;
}

/** `POST …/export`: the request body → the response body (throws NdfError for a malformed body). */
export async function exportNdf(schema: SchemaModel, schemaName: string, body: unknown, run: RunStatement, limits: NdfLimits = NDF_LIMITS): Promise<string> {
  return exportResponseText(await runExport(schema, schemaName, parseExportRequest(body), run, limits));
}
