export { createPool, query, transaction, type PoolOptions, type Queryable } from './pool.js';
export { ReadExecutor } from './read.executor.js';
export { StatementNames } from './statement.cache.js';
export { DatabaseError, classifyDatabaseError, type DatabaseErrorKind } from './database.errors.js';
