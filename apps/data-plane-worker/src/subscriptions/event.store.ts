// The statements behind subscriptions, all on the management schema: the events table (an outbox
// written in each mutation's transaction), and the interest table that says which models anyone
// subscribes to. NOTIFY wakes every worker after a commit; the rows themselves are the truth.
import type { ChangeEvent } from '@refract/query';
import { sql, type Sql } from '@refract/sql';
import { MANAGEMENT_SCHEMA } from '../store/management-schema.js';

export const EVENTS_CHANNEL = 'refract_events';
export const INTEREST_CHANNEL = 'refract_interest';

const m = (table: string) => sql.ident(MANAGEMENT_SCHEMA, table);

/** An event as stored: what a subscription needs to filter it and build its payload. */
export interface StoredEvent {
  readonly id: string;
  readonly model: string;
  readonly mutation: ChangeEvent['mutation'];
  readonly nodeId: unknown;
  readonly updatedFields: readonly string[] | null;
  readonly previousValues: Readonly<Record<string, unknown>> | null;
  /** When the event was written, in ms since the epoch: right before its transaction committed. */
  readonly writtenAt: number;
}

/**
 * Held from the moment a transaction numbers its events until it commits: events of one project
 * get ids in commit order, so "everything after id N" never skips one that commits later.
 */
export function lockProjectEvents(projectId: string): Sql {
  return sql`SELECT pg_advisory_xact_lock(hashtextextended(${projectId}, 72002))`;
}

/** Inserts the events and wakes the cluster's listeners (NOTIFY is sent at commit). */
export function insertEvents(projectId: string, events: readonly ChangeEvent[]): Sql {
  const rows = events.map(
    // clock_timestamp(), not now(): the events are the transaction's last write, so this is about
    // its commit time, which delivery delays are measured from.
    (e) => sql`(${projectId}, ${e.model}, ${e.mutation}, ${JSON.stringify(e.nodeId)}::jsonb, ${e.updatedFields === null ? null : JSON.stringify(e.updatedFields)}::jsonb, ${e.previousValues}::jsonb, clock_timestamp())`,
  );
  return sql`WITH inserted AS (INSERT INTO ${m('Event')} ("projectId", "model", "mutation", "nodeId", "updatedFields", "previousValues", "createdAt") VALUES ${sql.join(rows)} RETURNING "id")
    SELECT pg_notify(${EVENTS_CHANNEL}, ${projectId}) FROM (SELECT 1 FROM inserted LIMIT 1) AS any_event`;
}

/** The project's events after `afterId`, in id (= commit) order, at most `limit`. */
export function eventsAfter(projectId: string, afterId: string, limit: number): Sql {
  // Ordered by the bigint column (qualified): the output column `id` is its text, which sorts "10" before "9".
  return sql`SELECT e."id"::text AS "id", e."model", e."mutation", e."nodeId", e."updatedFields", e."previousValues", (extract(epoch FROM e."createdAt") * 1000)::float8 AS "writtenAt"
    FROM ${m('Event')} AS e WHERE e."projectId" = ${projectId} AND e."id" > ${afterId}::bigint ORDER BY e."id" LIMIT ${limit}`;
}

/** The newest event id of the project ('0' when it has none): where a new live feed starts. */
export function lastEventId(projectId: string): Sql {
  return sql`SELECT coalesce(max("id"), 0)::text AS "id" FROM ${m('Event')} WHERE "projectId" = ${projectId}`;
}

export function pruneEvents(retentionSeconds: number): Sql {
  return sql`DELETE FROM ${m('Event')} WHERE "createdAt" < now() - make_interval(secs => ${retentionSeconds})`;
}

/**
 * Registers or extends interest in a model, and tells the cluster (NOTIFY at commit, with
 * `[projectId, model]` as JSON, so listeners can start recording without a query).
 */
export function upsertInterest(projectId: string, model: string, seconds: number): Sql {
  return sql`WITH upserted AS (
      INSERT INTO ${m('SubscriptionInterest')} ("projectId", "model", "expiresAt") VALUES (${projectId}, ${model}, now() + make_interval(secs => ${seconds}))
      ON CONFLICT ("projectId", "model") DO UPDATE SET "expiresAt" = greatest(${m('SubscriptionInterest')}."expiresAt", excluded."expiresAt")
      RETURNING 1)
    SELECT pg_notify(${INTEREST_CHANNEL}, json_build_array(${projectId}::text, ${model}::text)::text) FROM upserted`;
}

export function activeInterests(): Sql {
  return sql`SELECT "projectId", "model" FROM ${m('SubscriptionInterest')} WHERE "expiresAt" > now()`;
}

export function pruneInterests(): Sql {
  return sql`DELETE FROM ${m('SubscriptionInterest')} WHERE "expiresAt" <= now()`;
}
