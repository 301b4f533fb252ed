import { describe, it } from 'vitest';
import { expectError, expectErrors, expectValid } from '../../../test/validation.harness.js';

const message = (field: string) => `The field \`${field}\` is a scalar field and cannot specify the \`@relation\` directive.`;

describe('relation-on-scalar', () => {
  it('rejects @relation on scalar and enum fields, at the directive', () => {
    expectErrors('type Todo {\n  id: ID! @id\n  title: String @relation(name: "TodoComments")\n}', [
      { type: 'Todo', field: 'title', description: message('title'), line: 3, column: 17 },
    ]);
    expectError('type Todo { id: ID! @id  state: State @relation(link: INLINE) }\nenum State { OPEN }', {
      type: 'Todo',
      field: 'state',
      description: message('state'),
    });
  });

  it('applies to named relations in 1.0', () => {
    expectError('type Todo { title: String @relation(name: "TodoComments") }', { type: 'Todo', field: 'title', description: message('title') }, { format: '1.0' });
  });

  it('accepts @relation on relation fields', () => {
    expectValid('type Todo { id: ID! @id  owner: User @relation(name: "Owner") }\ntype User { id: ID! @id }');
  });
});
