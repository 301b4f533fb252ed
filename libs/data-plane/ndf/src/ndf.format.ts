// The shapes of the Normalized Data Format (spec §14) shared by export and import.

export const FILE_TYPES = ['nodes', 'lists', 'relations'] as const;
export type FileType = (typeof FILE_TYPES)[number];

export function isFileType(value: unknown): value is FileType {
  return FILE_TYPES.some((type) => type === value);
}

/** Where an export continues: `table` indexes the file type's sources in schema order, `row` is the offset inside it. */
export interface ExportCursor {
  readonly table: number;
  readonly row: number;
  /** Ignored; 0 except in the terminal cursor. */
  readonly field: number;
  /** Ignored; 0 except in the terminal cursor. */
  readonly array: number;
}

/** Everything has been exported (the CLI stops when the cursor's sum is negative). */
export const TERMINAL_CURSOR: ExportCursor = { table: -1, row: -1, field: -1, array: -1 };
