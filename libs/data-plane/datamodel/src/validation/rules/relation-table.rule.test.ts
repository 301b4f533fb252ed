import { describe, it } from 'vitest';
import { expectErrors, expectValid, expectWarning } from '../../../test/validation.harness.js';

/** A self relation stored in the link table `Link`, whose body is the argument. */
const withLinkTable = (relation: string, body: string) => `type Model {
  id: ID! @id
  model: Model @relation(name: "${relation}")
}
type Link @relationTable {
${body}
}`;

describe('relation-table', () => {
  it('rejects a link table no relation is named after', () => {
    expectErrors(withLinkTable('Other', '  A: Model!\n  B: Model!'), [
      { type: 'Link', field: null, description: 'The link table `Link` is not referenced in any relation field.', line: 5, column: 1 },
    ]);
  });

  it('rejects a link table that joins other models than its relation', () => {
    expectErrors(
      `type Model { id: ID! @id  other: Other @relation(name: "Link", link: INLINE) }
type Other { id: ID! @id  model: Model @relation(name: "Link") }
type Link @relationTable { A: Model!  B: Model! }`,
      [{ type: 'Link', description: 'The link table `Link` is not referencing the right types.' }],
    );
  });

  it('wants exactly two relation fields and no other scalar fields', () => {
    expectErrors(withLinkTable('Link', '  A: Model!\n  B: Model!\n  C: Model!'), [
      { type: 'Link', field: null, description: 'A link table must specify exactly two relation fields.' },
    ]);
    expectErrors(withLinkTable('Link', '  A: Model!\n  B: Model!\n  note: String'), [
      { type: 'Link', field: 'note', description: 'A link table must not specify any additional scalar fields.', line: 8, column: 3 },
    ]);
  });

  it('wants an id field of a link table to be an ID', () => {
    expectErrors(withLinkTable('Link', '  id: Int! @id\n  A: Model!\n  B: Model!'), [
      { type: 'Link', field: 'id', description: 'The id field of a link table must be of type `ID!`.', line: 6, column: 3 },
    ]);
  });

  it('warns that id fields on link tables are deprecated', () => {
    expectWarning(withLinkTable('Link', '  id: ID! @id\n  A: Model!\n  B: Model!'), {
      type: 'Link',
      field: 'id',
      description:
        'Id fields on link tables are deprecated and will soon loose support. Please remove it from your datamodel to remove the underlying column.',
      line: 6,
      column: 3,
    });
  });

  it('accepts a link table of the two models of its relation', () => {
    expectValid(withLinkTable('Link', '  A: Model!\n  B: Model!'));
    expectValid(`
      type User { id: ID! @id  teams: [Team] @relation(name: "Membership") }
      type Team { id: ID! @id  users: [User] @relation(name: "Membership") }
      type Membership @relationTable { user: User  team: Team }`);
  });
});
