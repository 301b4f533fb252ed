import { describe, it } from 'vitest';
import { expectError, expectErrors, expectValid } from '../../../test/validation.harness.js';

describe('link-mode', () => {
  it('asks both ends of a 1:1 relation for a link mode', () => {
    const missing = (field: string) =>
      `The field \`${field}\` must provide a relation link mode. Either specify it on this field or the opposite field. Valid values are: \`@relation(link: TABLE)\`,\`@relation(link: INLINE)\``;
    expectErrors('type Model {\n  id: ID! @id\n  other: Other\n}\ntype Other {\n  id: ID! @id\n  model: Model\n}', [
      { type: 'Model', field: 'other', description: missing('other'), line: 3, column: 3 },
      { type: 'Other', field: 'model', description: missing('model'), line: 7, column: 3 },
    ]);
  });

  it('rejects a link mode on both ends (with the stray closing brace of the Prisma message)', () => {
    const both = (field: string, opposite: string) =>
      `The \`link\` argument must be specified only on one side of a relation. The field \`${field}\` provides a link mode and the opposite field \`${opposite}\` as well.}`;
    expectErrors('type Model { id: ID! @id  other: Other @relation(link: TABLE) }\ntype Other { id: ID! @id  model: Model @relation(link: INLINE) }', [
      { type: 'Model', field: 'other', description: both('other', 'model') },
      { type: 'Other', field: 'model', description: both('model', 'other') },
    ]);
  });

  it('rejects INLINE on a list, pointing at the to-one opposite field when there is one', () => {
    const prefix = 'This connector does not support the `INLINE` strategy for list relation fields.';
    expectError('type User { id: ID! @id  posts: [Post] @relation(link: INLINE) }\ntype Post { id: ID! @id  author: User }', {
      type: 'User',
      field: 'posts',
      description: `${prefix} You could fix this by putting \`link: INLINE\` on the opposite field \`author\` in the model \`Post\`.`,
    });
    expectError('type Model { id: ID! @id  models: [Model] @relation(link: INLINE) }', {
      type: 'Model',
      field: 'models',
      description: `${prefix} You could fix this by using the strategy \`TABLE\` instead.`,
    });
  });

  it('is a semantic check: it waits until the datamodel is otherwise valid', () => {
    expectErrors('type Model { other: Other }\ntype Other { id: ID! @id  model: Model }', [
      { type: 'Model', description: 'One field of the type `Model` must be marked as the id field with the `@id` directive.' },
    ], { format: '1.1' });
  });

  it('accepts 1:1 with one link, and 1:N, N:M, one-sided and embedded relations without', () => {
    expectValid('type Model { id: ID! @id  other: Other @relation(link: INLINE) }\ntype Other { id: ID! @id  model: Model }');
    expectValid(`
      type Model { id: ID! @id  others: [Other]  tags: [Tag]  friend: Model }
      type Other { id: ID! @id  model: Model }
      type Tag { id: ID! @id  models: [Model] }`);
    expectValid('type User { id: ID! @id  address: Address }\ntype Address @embedded { street: String  user: User }', {
      capabilities: { embeddedTypes: true, relationTables: true },
    });
  });
});
