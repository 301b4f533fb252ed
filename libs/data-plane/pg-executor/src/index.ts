export { createPool, query, transaction, type PoolOptions, type Queryable } from './pool.js';
export { SqlExecutor } from './sql.executor.js';
export { StatementNames } from './statement.cache.js';
export { DatabaseError, classifyDatabaseError, type DatabaseErrorKind } from './database.errors.js';
export { WriteRunner, isRetriable, type StatementSession, type WriteRunnerOptions } from './write.runner.js';
export { NotificationListener, type NotificationListenerOptions } from './notification.listener.js';
