// The whole API schema of a few datamodels as reviewed files: any change to a name, a type, a
// description or a field order shows up in the diff of test/__snapshots__/*.graphql.
import { validateSchema } from 'graphql';
import { describe, expect, it } from 'vitest';
import { WORKED_EXAMPLE, apiSchemaOf, printSorted } from './schema.fixtures.ts';

const CASES: readonly { file: string; sdl: string; format?: '1.0' | '1.1'; rawAccess?: boolean }[] = [
  { file: 'worked-example.graphql', sdl: WORKED_EXAMPLE },
  {
    // UUID and Int ids (no Node), a one-sided required relation, a scalar-only model, raw access.
    file: 'uuid-and-int-ids.raw-access.graphql',
    rawAccess: true,
    sdl: `
type Account { id: UUID! @id  name: String!  sessions: [Session] }
type Session { id: UUID! @id  token: String! @unique  account: Account! }
type Counter { id: Int! @id  value: Int! @default(value: 0)  owner: Account! @relation(link: INLINE) }
`,
  },
  {
    file: 'legacy-blog.v1_0.graphql',
    format: '1.0',
    sdl: `
type User {
  id: ID! @unique
  email: String! @unique
  name: String
  role: Role @default(value: "USER")
  posts: [Post!]!
  createdAt: DateTime!
}
type Post {
  id: ID! @unique
  title: String!
  published: Boolean! @default(value: "false")
  tags: [String!]!
  author: User!
}
enum Role { USER ADMIN }
`,
  },
];

describe('printed API schemas', () => {
  for (const c of CASES) {
    it(`${c.file}`, async () => {
      const schema = apiSchemaOf(c.sdl, { ...(c.format ? { format: c.format } : {}), ...(c.rawAccess ? { rawAccess: true } : {}) });
      expect(validateSchema(schema)).toEqual([]);
      await expect(printSorted(schema)).toMatchFileSnapshot(`__snapshots__/${c.file}`);
    });
  }
});
