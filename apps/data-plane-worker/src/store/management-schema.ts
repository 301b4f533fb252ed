// The `management` schema holds the cluster's own state (projects, secrets, migrations). It is
// created and upgraded on boot by numbered steps applied in order, each once, in one transaction
// under an advisory lock so that several workers booting together do not race.
import { sql, type Sql } from '@refract/sql';
import type pg from 'pg';
import { query, transaction } from '@refract/pg-executor';

export const MANAGEMENT_SCHEMA = 'management';
/** Advisory lock key for boot upgrades (Prisma 1 used 1000 for its deploy lock; keep clear of it). */
const BOOT_LOCK = 72_001;

const m = (table: string) => sql.ident(MANAGEMENT_SCHEMA, table);

/** Append only: a released step never changes, a new need is a new step. */
const UPGRADES: readonly Sql[] = [
  sql`CREATE TABLE ${m('Project')} (
    "id" varchar(200) PRIMARY KEY,
    "service" text NOT NULL,
    "stage" text NOT NULL,
    "secrets" text NOT NULL,
    "createdAt" timestamp(3) NOT NULL DEFAULT now()
  )`,
  sql`CREATE TABLE ${m('Migration')} (
    "projectId" varchar(200) NOT NULL REFERENCES ${m('Project')}("id") ON DELETE CASCADE,
    "revision" int NOT NULL,
    "schema" jsonb NOT NULL,
    "datamodel" text NOT NULL,
    "steps" jsonb NOT NULL,
    "status" varchar(20) NOT NULL CHECK ("status" IN ('PENDING', 'IN_PROGRESS', 'SUCCESS', 'ROLLING_BACK', 'ROLLBACK_SUCCESS', 'ROLLBACK_FAILURE')),
    "applied" int NOT NULL DEFAULT 0,
    "rolledBack" int NOT NULL DEFAULT 0,
    "errors" jsonb NOT NULL DEFAULT '[]',
    "startedAt" timestamp(3),
    "finishedAt" timestamp(3),
    PRIMARY KEY ("projectId", "revision")
  )`,
  // Opt-in (beyond Prisma 1): service tokens must name this project in their `service@stage` claim.
  sql`ALTER TABLE ${m('Project')} ADD COLUMN "checkServiceClaim" boolean NOT NULL DEFAULT false`,
  // Change events for subscriptions (spec §9.6), written in the mutation's transaction. Ids are
  // assigned in commit order per project (see change.publisher.ts), so a subscriber can resume
  // after the last id it saw. Kept for a retention window, then pruned.
  sql`CREATE TABLE ${m('Event')} (
    "id" bigserial PRIMARY KEY,
    "projectId" varchar(200) NOT NULL REFERENCES ${m('Project')}("id") ON DELETE CASCADE,
    "model" text NOT NULL,
    "mutation" varchar(10) NOT NULL CHECK ("mutation" IN ('CREATED', 'UPDATED', 'DELETED')),
    "nodeId" jsonb NOT NULL,
    "updatedFields" jsonb,
    "previousValues" jsonb,
    "createdAt" timestamptz NOT NULL DEFAULT now()
  )`,
  sql`CREATE INDEX "Event_projectId_id" ON ${m('Event')} ("projectId", "id")`,
  // Which models of which projects have subscribers somewhere in the cluster (or had, within the
  // retention window): only their mutations write events.
  sql`CREATE TABLE ${m('SubscriptionInterest')} (
    "projectId" varchar(200) NOT NULL REFERENCES ${m('Project')}("id") ON DELETE CASCADE,
    "model" text NOT NULL,
    "expiresAt" timestamptz NOT NULL,
    PRIMARY KEY ("projectId", "model")
  )`,
];

export async function upgradeManagementSchema(pool: pg.Pool): Promise<void> {
  await transaction(pool, async (client) => {
    await client.query('SELECT pg_advisory_xact_lock($1)', [BOOT_LOCK]);
    await query(client, sql`CREATE SCHEMA IF NOT EXISTS ${sql.ident(MANAGEMENT_SCHEMA)}`);
    await query(client, sql`CREATE TABLE IF NOT EXISTS ${m('SchemaVersion')} ("version" int NOT NULL)`);
    const [row] = await query<{ version: number }>(client, sql`SELECT max("version") AS "version" FROM ${m('SchemaVersion')}`);
    const current = row?.version ?? 0;
    for (let version = current + 1; version <= UPGRADES.length; version++) {
      await query(client, UPGRADES[version - 1]!);
      await query(client, sql`INSERT INTO ${m('SchemaVersion')} ("version") VALUES (${version})`);
    }
  });
}
