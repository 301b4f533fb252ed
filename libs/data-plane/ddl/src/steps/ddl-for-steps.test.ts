// The SQL text the DDL stage writes, as snapshots: a change to any statement shows in review.
import type { MigrationStep } from '@refract/migration';
import { describe, expect, it } from 'vitest';
import { build } from '../../test/build.fixture.js';
import { APPENDIX_B } from '../../test/datamodels.fixture.js';
import { sqlText } from '../../test/sql-text.js';
import type { DdlError } from '../ddl.error.js';
import { ddlForSteps } from './ddl-for-steps.js';
import { stepsToCreate } from './steps-to-create.js';

const reason = 'written by hand for the test';
const errorWith = (code: DdlError['code']) => expect.objectContaining({ name: 'DdlError', code }) as Error;

describe('ddlForSteps', () => {
  it('writes the Appendix B layout for a new project', () => {
    const schema = build(APPENDIX_B);
    expect(sqlText(ddlForSteps('default$default', null, schema, stepsToCreate(schema)))).toMatchInlineSnapshot(`
      "CREATE TABLE IF NOT EXISTS "default$default"."User" ("id" varchar(25) NOT NULL, PRIMARY KEY ("id"));
      CREATE TABLE IF NOT EXISTS "default$default"."Profile" ("id" varchar(25) NOT NULL, PRIMARY KEY ("id"));
      CREATE TABLE IF NOT EXISTS "default$default"."Post" ("id" varchar(25) NOT NULL, PRIMARY KEY ("id"));
      CREATE TABLE IF NOT EXISTS "default$default"."Category" ("id" varchar(25) NOT NULL, PRIMARY KEY ("id"));
      ALTER TABLE "default$default"."User" ADD COLUMN "email" text NOT NULL;
      CREATE UNIQUE INDEX "default$default.User.email._UNIQUE" ON "default$default"."User" ("email" ASC);
      ALTER TABLE "default$default"."User" ADD COLUMN "name" text NULL;
      ALTER TABLE "default$default"."User" ADD COLUMN "role" text NOT NULL;
      ALTER TABLE "default$default"."User" ADD COLUMN "createdAt" timestamp(3) NOT NULL;
      ALTER TABLE "default$default"."User" ADD COLUMN "updatedAt" timestamp(3) NOT NULL;
      ALTER TABLE "default$default"."Profile" ADD COLUMN "bio" text NULL;
      ALTER TABLE "default$default"."Post" ADD COLUMN "title" text NOT NULL;
      ALTER TABLE "default$default"."Post" ADD COLUMN "published" boolean NOT NULL;
      CREATE TABLE "default$default"."Post_tags" ("nodeId" varchar(25) NOT NULL REFERENCES "default$default"."Post" ("id"), "position" int NOT NULL, "value" text NOT NULL, PRIMARY KEY ("nodeId", "position"));
      ALTER TABLE "default$default"."Post" ADD COLUMN "meta" text NULL;
      ALTER TABLE "default$default"."Post" ADD COLUMN "createdAt" timestamp(3) NOT NULL;
      ALTER TABLE "default$default"."Category" ADD COLUMN "name" text NOT NULL;
      CREATE UNIQUE INDEX "default$default.Category.name._UNIQUE" ON "default$default"."Category" ("name" ASC);
      ALTER TABLE "default$default"."Post" ADD COLUMN "author" varchar(25) NULL REFERENCES "default$default"."User" ("id") ON DELETE SET NULL;
      CREATE INDEX ON "default$default"."Post" ("author");
      ALTER TABLE "default$default"."User" ADD COLUMN "profile" varchar(25) NULL REFERENCES "default$default"."Profile" ("id") ON DELETE SET NULL;
      CREATE INDEX ON "default$default"."User" ("profile");
      CREATE TABLE "default$default"."_CategoryToPost" ("A" varchar(25) NOT NULL, "B" varchar(25) NOT NULL, FOREIGN KEY ("A") REFERENCES "default$default"."Category" ("id") ON DELETE CASCADE, FOREIGN KEY ("B") REFERENCES "default$default"."Post" ("id") ON DELETE CASCADE);
      CREATE UNIQUE INDEX "_CategoryToPost_AB_unique" ON "default$default"."_CategoryToPost" ("A" ASC, "B" ASC);
      CREATE INDEX "_CategoryToPost_B" ON "default$default"."_CategoryToPost" ("B" ASC);"
    `);
  });

  it('adds a required column to an existing table through a nullable column and the migration value', () => {
    const previous = build(`type Post { id: ID! @id }`);
    const next = build(`type Post { id: ID! @id  published: Boolean! @default(value: true)  slug: String! @unique }`, { previous });
    const steps: MigrationStep[] = [
      { type: 'CreateField', model: 'Post', name: 'published', reason },
      { type: 'CreateField', model: 'Post', name: 'slug', reason },
    ];
    expect(sqlText(ddlForSteps('blog$dev', previous, next, steps))).toMatchInlineSnapshot(`
      "ALTER TABLE "blog$dev"."Post" ADD COLUMN "published" boolean NULL;
      UPDATE "blog$dev"."Post" SET "published" = $1 WHERE "published" IS NULL; -- [true]
      ALTER TABLE "blog$dev"."Post" ALTER COLUMN "published" SET NOT NULL;
      ALTER TABLE "blog$dev"."Post" ADD COLUMN "slug" text NULL;
      UPDATE "blog$dev"."Post" SET "slug" = $1 WHERE "slug" IS NULL; -- [""]
      ALTER TABLE "blog$dev"."Post" ALTER COLUMN "slug" SET NOT NULL;
      CREATE UNIQUE INDEX "blog$dev.Post.slug._UNIQUE" ON "blog$dev"."Post" ("slug" ASC);"
    `);
  });

  it('renames a model with everything named after its table, fixing Prisma 1’s list-table bug (spec §18.1 item 18)', () => {
    const previous = build(`type User { id: Int! @id  email: String @unique  tags: [String] @scalarList(strategy: RELATION) }`);
    const next = build(`type Member @rename(oldName: "User") { id: Int! @id  email: String @unique  tags: [String] @scalarList(strategy: RELATION) }`, { previous });
    expect(sqlText(ddlForSteps('club$dev', previous, next, [{ type: 'UpdateModel', name: 'User', newName: 'Member', reason }]))).toMatchInlineSnapshot(`
      "ALTER TABLE "club$dev"."User" RENAME TO "Member";
      ALTER INDEX "club$dev"."club$dev.User.email._UNIQUE" RENAME TO "club$dev.Member.email._UNIQUE";
      ALTER TABLE "club$dev"."User_tags" RENAME TO "Member_tags";
      ALTER SEQUENCE IF EXISTS "club$dev"."User_id_seq" RENAME TO "Member_id_seq";"
    `);
  });

  it('renames an Int id in place; its derived sequence name follows', () => {
    const previous = build(`type Counter { id: Int! @id }`);
    const next = build(`type Counter { key: Int! @id @rename(oldName: "id") }`, { previous });
    const steps: MigrationStep[] = [{ type: 'UpdateField', model: 'Counter', newModel: 'Counter', name: 'id', newName: 'key', reason }];
    expect(sqlText(ddlForSteps('n$dev', previous, next, steps))).toMatchInlineSnapshot(`
      "ALTER TABLE "n$dev"."Counter" RENAME COLUMN "id" TO "key";
      ALTER SEQUENCE IF EXISTS "n$dev"."Counter_id_seq" RENAME TO "Counter_key_seq";"
    `);
  });

  it('renames the inline column of a self relation that stays on its side, and re-creates one that changes side', () => {
    const previous = build(`type User { id: ID! @id  mentor: User @relation(name: "Mentorship", link: INLINE)  mentee: User @relation(name: "Mentorship") }`);
    const renamed = build(`type User { id: ID! @id  coach: User @relation(name: "Mentorship", link: INLINE) @rename(oldName: "mentor")  mentee: User @relation(name: "Mentorship") }`, { previous });
    const flipped = build(`type User { id: ID! @id  mentor: User @relation(name: "Mentorship")  mentee: User @relation(name: "Mentorship", link: INLINE) }`, { previous });
    const steps: MigrationStep[] = [{ type: 'UpdateRelation', name: 'Mentorship', newName: null, reason }];
    expect(sqlText(ddlForSteps('m$dev', previous, renamed, steps))).toMatchInlineSnapshot(`"ALTER TABLE "m$dev"."User" RENAME COLUMN "mentor" TO "coach";"`);
    expect(sqlText(ddlForSteps('m$dev', previous, flipped, steps))).toMatchInlineSnapshot(`
      "ALTER TABLE "m$dev"."User" DROP COLUMN "mentor";
      ALTER TABLE "m$dev"."User" ADD COLUMN "mentee" varchar(25) NULL REFERENCES "m$dev"."User" ("id") ON DELETE SET NULL;
      CREATE INDEX ON "m$dev"."User" ("mentee");"
    `);
  });

  it('creates the _RelayId table with the first migration of a 1.0 project only', () => {
    const legacy = build(`type Tag { name: String }`);
    const first = ddlForSteps('old$dev', null, legacy, stepsToCreate(legacy));
    const later = ddlForSteps('old$dev', legacy, legacy, []);
    expect(sqlText(first.slice(0, 1))).toMatchInlineSnapshot(`"CREATE TABLE IF NOT EXISTS "old$dev"."_RelayId" ("id" varchar(36) NOT NULL, "stableModelIdentifier" varchar(25) NOT NULL, CONSTRAINT "pk_RelayId" PRIMARY KEY ("id"));"`);
    expect(later).toEqual([]);
  });

  it('writes nothing for enum and secret steps, and for relation fields (their relation steps store them)', () => {
    const previous = build(`type A { id: ID! @id }  enum E { X }`);
    const next = build(`type A { id: ID! @id  b: B }  type B { id: ID! @id }  enum E { X Y }`, { previous });
    const steps: MigrationStep[] = [
      { type: 'UpdateEnum', name: 'E', newName: null, values: ['X', 'Y'], reason },
      { type: 'CreateField', model: 'A', name: 'b', reason },
      { type: 'UpdateSecrets', secrets: ['s3cr3t'], reason },
    ];
    expect(ddlForSteps('p$dev', previous, next, steps)).toEqual([]);
  });

  it('refuses steps out of STEP_ORDER, steps that need a previous schema without one, and unknown names', () => {
    const schema = build(`type A { id: ID! @id  x: String }`);
    const outOfOrder: MigrationStep[] = [
      { type: 'CreateModel', name: 'A', reason },
      { type: 'DeleteField', model: 'A', name: 'x', reason },
    ];
    expect(() => ddlForSteps('p$dev', schema, schema, outOfOrder)).toThrow(errorWith('STEPS_OUT_OF_ORDER'));
    expect(() => ddlForSteps('p$dev', null, schema, [{ type: 'DeleteModel', name: 'A', reason }])).toThrow(errorWith('PREVIOUS_SCHEMA_REQUIRED'));
    expect(() => ddlForSteps('p$dev', null, schema, [{ type: 'CreateModel', name: 'Nope', reason }])).toThrow(errorWith('UNKNOWN_NAME'));
  });

  it('refuses to move the id to another field', () => {
    const previous = build(`type A { id: ID! @id  code: ID! }`);
    const next = build(`type A { id: ID!  code: ID! @id }`, { previous });
    const steps: MigrationStep[] = [{ type: 'UpdateField', model: 'A', newModel: 'A', name: 'code', newName: null, reason }];
    expect(() => ddlForSteps('p$dev', previous, next, steps)).toThrow(errorWith('UNSUPPORTED_CHANGE'));
  });
});
