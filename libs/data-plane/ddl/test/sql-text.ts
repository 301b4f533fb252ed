// Statements as reviewable text: one per line, parameters appended as a comment.
import { compile, type Sql } from '@refract/sql';

export function sqlText(statements: readonly Sql[]): string {
  return statements
    .map((statement) => {
      const { text, values } = compile(statement);
      return values.length === 0 ? `${text};` : `${text}; -- ${JSON.stringify(values)}`;
    })
    .join('\n');
}
