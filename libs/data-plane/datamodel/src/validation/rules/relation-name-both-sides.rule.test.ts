import { describe, it } from 'vitest';
import { expectErrors, expectValid } from '../../../test/validation.harness.js';

describe('relation-name-both-sides', () => {
  const sdl = (id: string) => `type User {
  ${id}
  posts: [Post] @relation(name: "Authorship")
}
type Post { ${id}  author: User }`;

  it('asks for the name on the other side when that side has an unnamed field pointing back', () => {
    expectErrors(sdl('id: ID! @id'), [
      {
        type: 'User',
        field: 'posts',
        description:
          "You are trying to set the relation 'Authorship' from `User` to `Post` and are only providing a relation directive with a name on `User`. " +
          'Please also provide the same named relation directive on the relation field on `Post` pointing towards `User`. ',
        line: 3,
        column: 3,
      },
    ]);
  });

  it('explains the ambiguity at length in 1.0', () => {
    expectErrors(
      sdl('title: String'),
      [
        {
          type: 'User',
          field: 'posts',
          description:
            "You are trying to set the relation 'Authorship' from `User` to `Post` and are only providing a relation directive on `User`. " +
            'Since there is also a relation field without a relation directive on `Post` pointing towards `User` that is ambiguous. ' +
            'Please provide the same relation directive on `Post` if this is supposed to be the same relation. ' +
            'If you meant to create two separate relations without backrelations please provide a relation directive with a different name on `Post`.',
        },
      ],
      { format: '1.0' },
    );
  });

  it('accepts a named one-sided relation, and a name given on both sides', () => {
    expectValid('type User { id: ID! @id  posts: [Post] @relation(name: "Authorship") }\ntype Post { id: ID! @id }');
    expectValid(`
      type User { id: ID! @id  posts: [Post] @relation(name: "Authorship") }
      type Post { id: ID! @id  author: User @relation(name: "Authorship") }`);
  });
});
