export { compile, isSql, sql, SqlError, type CompiledSql, type Sql, type SqlValue } from './sql.template.js';
