import { parseSchemaJson, serializeSchema } from '@refract/schema-model';
import { describe, expect, it } from 'vitest';
import { APPENDIX_B, LEGACY_KITCHEN_SINK } from '../test/appendix-b.datamodel.js';
import { build } from '../test/build.fixture.js';
import { LEGACY_MIGRATION_WARNING, buildSchema } from './build-schema.js';

describe('buildSchema', () => {
  it('reports the detected format and why', () => {
    const v11 = buildSchema(APPENDIX_B);
    const v10 = buildSchema(LEGACY_KITCHEN_SINK);
    expect(v11.format).toEqual({ format: '1.1', reason: 'the field `User.id` uses `@id`' });
    expect(v10.format).toEqual({
      format: '1.0',
      reason: 'the type `User` declares `id` with `@unique` and no 1.1 directive is used',
    });
    expect(buildSchema('type A { name: String }').format?.format).toBe('1.0');
    expect(buildSchema('type A { ok: Boolean @default(value: true) }').format?.reason).toBe(
      'the field `A.ok` uses a typed default `@default(value: true)`',
    );
  });

  it('keeps a 1.1 project on 1.1 when the datamodel carries no marker, and a forced format wins', () => {
    const previous = build(APPENDIX_B);
    const result = buildSchema('type A { name: String }', { previous });
    expect(result.format).toEqual({ format: '1.1', reason: 'the project was deployed with datamodel 1.1' });
    expect(result.ok).toBe(false);
    expect(buildSchema('type A { id: ID! @unique }', { format: '1.1' }).ok).toBe(false);
  });

  it('returns errors with type, field and source position, and no schema', () => {
    const result = buildSchema('type Post {\n  id: ID! @id\n  author: Writer\n}');
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors).toEqual([
      {
        type: 'Post',
        field: 'author',
        description: "The field `author` has the type `Writer` but there's no type or enum declaration with that name.",
        position: { line: 3, column: 3 },
      },
    ]);
  });

  it('reports syntax errors as a Global error with line and column', () => {
    const result = buildSchema('type Post {\n  id: ID! @id\n  title String\n}');
    expect(result).toMatchObject({ ok: false, format: null });
    if (result.ok) return;
    expect(result.errors).toHaveLength(1);
    expect(result.errors[0]).toMatchObject({ type: 'Global', field: null, position: { line: 3, column: 9 } });
    expect(result.errors[0]!.description).toMatch(/^There's a syntax error in the data model\. Syntax Error: Expected ":"/);
  });

  it('keeps warnings apart from errors: moving a 1.0 project to 1.1 needs force (spec §3.5)', () => {
    const previous = build(LEGACY_KITCHEN_SINK);
    const result = buildSchema(APPENDIX_B, { previous });
    expect(result.ok).toBe(true);
    expect(result.warnings).toEqual([{ type: 'Global', field: null, description: LEGACY_MIGRATION_WARNING, position: null }]);
  });

  it('returns the renames for the migration planner', () => {
    const result = buildSchema(`
      type Account @rename(oldName: "User") { id: ID! @id  mail: String @rename(oldName: "email") }
      enum Kind @rename(oldName: "Type") { A }`);
    expect(result.ok && result.renames).toEqual({
      models: [{ previous: 'User', next: 'Account' }],
      enums: [{ previous: 'Type', next: 'Kind' }],
      fields: [{ model: 'Account', previous: 'email', next: 'mail' }],
      relations: [],
    });
  });

  it('produces an immutable schema', () => {
    const schema = build(APPENDIX_B);
    expect(Object.isFrozen(schema)).toBe(true);
    expect(Object.isFrozen(schema.models[0]!.fields[0])).toBe(true);
  });
});

describe('schema -> JSON -> schema', () => {
  it.each([
    ['1.1', APPENDIX_B],
    ['1.0', LEGACY_KITCHEN_SINK],
  ])('is lossless for datamodel %s', (_format, sdl) => {
    const schema = build(sdl);
    const json = serializeSchema(schema);
    const back = parseSchemaJson(json);
    expect(back).toEqual(schema);
    expect(serializeSchema(back)).toBe(json);
  });
});
