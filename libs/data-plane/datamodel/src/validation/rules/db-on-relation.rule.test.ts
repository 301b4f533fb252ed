import { describe, it } from 'vitest';
import { expectError, expectErrors, expectValid } from '../../../test/validation.harness.js';

const message = (field: string) => `The field \`${field}\` specifies the \`@db\` directive. Relation fields must not specify this directive.`;

describe('db-on-relation', () => {
  it('rejects @db on the list side of a relation, at the directive', () => {
    expectErrors('type User {\n  id: ID! @id\n  posts: [Post] @db(name: "post_ids")\n}\ntype Post { id: ID! @id  author: User }', [
      { type: 'User', field: 'posts', description: message('posts'), line: 3, column: 17 },
    ]);
  });

  it('rejects @db on the side of a 1:1 that does not carry link: INLINE', () => {
    expectError(
      'type User { id: ID! @id  profile: Profile @relation(link: INLINE) }\ntype Profile { id: ID! @id  user: User @db(name: "user_id") }',
      { type: 'Profile', field: 'user', description: message('user') },
    );
  });

  it('rejects @db on a relation stored in a link table', () => {
    expectError(
      'type User { id: ID! @id  team: Team @relation(link: TABLE) @db(name: "team_id") }\ntype Team { id: ID! @id  users: [User] }',
      { type: 'User', field: 'team', description: message('team') },
    );
  });

  it('accepts @db where the relation is inline on this field, and on link table columns', () => {
    expectValid(`
      type User { id: ID! @id  profile: Profile @relation(link: INLINE) @db(name: "profile_id") }
      type Profile { id: ID! @id  user: User }`);
    expectValid('type User { id: ID! @id  posts: [Post] }\ntype Post { id: ID! @id  author: User @db(name: "author_id") }');
    expectValid('type Post { id: ID! @id  editor: User @db(name: "editor_id") }\ntype User { id: ID! @id }');
    expectValid(`
      type User { id: ID! @id  teams: [Team] @relation(name: "Membership") }
      type Team { id: ID! @id  users: [User] @relation(name: "Membership") }
      type Membership @relationTable { user: User @db(name: "user_id")  team: Team @db(name: "team_id") }`);
  });
});
