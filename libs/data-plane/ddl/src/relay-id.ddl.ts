// The 1.0 layout's `_RelayId` table (Appendix A): one row per node, mapping a node id to its
// model's stable identifier, for `node(id)` lookups. 1.1 projects have none (spec §4.8).
import { sql, type Sql } from '@refract/sql';

export const RELAY_ID_TABLE = '_RelayId';

/** IF NOT EXISTS, as Prisma 1 created it: it belongs to the project, not to one migration. */
export function createRelayIdTable(schemaName: string): Sql {
  return sql`CREATE TABLE IF NOT EXISTS ${sql.ident(schemaName, RELAY_ID_TABLE)} ("id" varchar(36) NOT NULL, "stableModelIdentifier" varchar(25) NOT NULL, CONSTRAINT "pk_RelayId" PRIMARY KEY ("id"))`;
}
