// Spec §4.2: the one place a Prisma type becomes a PostgreSQL column type. Everything that stores a
// value of a type — model columns, scalar-list values, inline relation columns, link table
// columns — goes through here so that foreign keys always compare equal types.
import { sql, type Sql } from '@refract/sql';
import type { ScalarTypeIdentifier } from '@refract/schema-model';

export function columnType(type: ScalarTypeIdentifier): Sql {
  switch (type) {
    case 'String':
    case 'Enum':
    case 'Json':
      return sql`text`;
    case 'Boolean':
      return sql`boolean`;
    case 'Int':
      return sql`int`;
    case 'Float':
      return sql`Decimal(65,30)`;
    case 'Cuid':
      return sql`varchar(25)`;
    case 'DateTime':
      // Without time zone: the server writes UTC (spec §4.2).
      return sql`timestamp(3)`;
    case 'UUID':
      return sql`uuid`;
  }
}
