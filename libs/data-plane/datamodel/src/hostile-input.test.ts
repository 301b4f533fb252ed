// Hostile and extreme datamodels: each must give a clear error or a correct schema — never a crash,
// a stack overflow or a hang. (Not a timing test: the suite timeout only catches a hang.)
import { describe, expect, it } from 'vitest';
import { buildSchema, type BuildResult } from './build-schema.js';

function failure(result: BuildResult) {
  if (result.ok) throw new Error('expected the build to fail');
  return result;
}

describe('hostile datamodels', () => {
  it('accepts an empty document (and one of only comments) as an empty schema', () => {
    for (const sdl of ['', '   \n\t ', '# nothing here\n# at all']) {
      const result = buildSchema(sdl);
      expect(result.ok && result.schema.models).toEqual([]);
    }
  });

  it('builds a 5 MB datamodel of 2,000 types with many fields', () => {
    const field = (i: number) => `  field${i}: String @default(value: "${'x'.repeat(40)}")\n`;
    const fields = Array.from({ length: 40 }, (_, i) => field(i)).join('');
    const types = Array.from({ length: 2000 }, (_, i) => `type Model${i} {\n  id: ID! @id\n${fields}}\n`);
    const sdl = types.join('');
    expect(sdl.length).toBeGreaterThan(5_000_000);
    const result = buildSchema(sdl);
    expect(result.ok).toBe(true);
    if (result.ok) {
      expect(result.schema.models).toHaveLength(2000);
      expect(result.schema.models[1999]!.fields).toHaveLength(41);
    }
  });

  it('builds 2,000 related types', () => {
    const types = Array.from(
      { length: 2000 },
      (_, i) => `type T${i} { id: ID! @id  next: T${(i + 1) % 2000}  prev: [T${(i + 1999) % 2000}!]! }`,
    );
    const result = buildSchema(types.join('\n'));
    expect(result.ok).toBe(true);
    if (result.ok) expect(result.schema.relations).toHaveLength(2000);
  });

  it('refuses a document over the size limit with a clear error', () => {
    const result = failure(buildSchema(`type A { id: ID! @id }\n${'#'.repeat(9 * 1024 * 1024)}`));
    expect(result.errors[0]!.description).toMatch(/at most 8388608 are accepted/);
  });

  it('refuses deeply nested lists without overflowing the stack', () => {
    const depth = 100_000;
    const sdl = `type A { id: ID! @id  f: ${'['.repeat(depth)}String${']'.repeat(depth)} }`;
    const result = failure(buildSchema(sdl));
    expect(result.errors[0]).toMatchObject({ type: 'Global' });
    expect(result.errors[0]!.description).toMatch(/nested 100000 levels deep/);
  });

  it('reports moderately nested lists as a wrong field format', () => {
    const result = failure(buildSchema('type A { id: ID! @id  f: [[String]] @scalarList(strategy: RELATION) }'));
    expect(result.errors.some((e) => e.type === 'A' && e.field === 'f')).toBe(true);
  });

  it('keeps unicode in names, strings and defaults intact', () => {
    const result = buildSchema('type Café { id: ID! @id  name: String @default(value: "naïve ☕ 😀") }');
    // GraphQL names are ASCII: the parser refuses the é in the type name with its position.
    expect(failure(result).errors[0]!.position).toEqual({ line: 1, column: 9 });
    const ok = buildSchema('type Cafe { id: ID! @id  name: String @default(value: "naïve ☕ 😀") }');
    expect(ok.ok && ok.schema.models[0]!.fields[1]).toMatchObject({ defaultValue: { value: 'naïve ☕ 😀' } });
  });

  it('reports type and field names that differ only in case as duplicates', () => {
    const types = failure(buildSchema('type User { id: ID! @id }  type user { id: ID! @id }'));
    expect(types.errors.map((e) => e.description)).toContain(
      'The name of the type `User` occurs more than once. The detection of duplicates is performed case insensitive.',
    );
    const fields = failure(buildSchema('type User { id: ID! @id  name: String  Name: String }'));
    expect(fields.errors.map((e) => e.description)).toContain(
      'The type `User` has a duplicate fieldName. The detection of duplicates is performed case insensitive. ',
    );
  });

  it('survives garbage: binary noise, unterminated strings, random directives', () => {
    const inputs = [
      '\u0000\u0001\u0002type',
      'type A { id: ID! @id  s: String @default(value: "unterminated }',
      'type A @@@ { }',
      '}'.repeat(10_000),
      'type A { id: ID! @id @id @id(strategy: 1, strategy: 2) x: A @relation(link: 7, name: 3, onDelete: "CASCADE") }',
      'type A { id: ID! @id  b: B! @relation(link: INLINE) }  type B { id: ID! @id  a: A! @relation(link: INLINE) }',
      'enum E {}  type A { id: ID! @id  e: E @default(value: X) }',
      'scalar Foo  interface I { x: Int }  input X { a: Int }  union U = A  type A { id: ID! @id }',
    ];
    for (const sdl of inputs) {
      const result = buildSchema(sdl);
      expect(result.ok || result.errors.length > 0).toBe(true);
    }
  });
});
