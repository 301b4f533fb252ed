// The only doors to the database: the caller runs the statements this library builds.
import type { Sql } from '@refract/sql';

export type Row = Record<string, unknown>;

/** Runs one statement and resolves with its rows; rejects with the driver's error (SQLSTATE in `code`). */
export type RunStatement = (statement: Sql) => Promise<readonly Row[]>;

/**
 * Runs `work` in ONE transaction on one connection, its statements through the `run` it is given:
 * commits when `work` resolves, rolls back when it rejects (and rejects with the same error).
 */
export type RunTransaction = <T>(work: (run: RunStatement) => Promise<T>) => Promise<T>;
