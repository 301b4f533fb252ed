import { describe, expect, it } from 'vitest';
import { build } from '../../test/build.fixture.js';
import { stepsToCreate } from './steps-to-create.js';

describe('stepsToCreate', () => {
  it('creates enums, models, fields and relations in STEP_ORDER, skipping hidden back-relation fields', () => {
    const schema = build(`
      type Post { id: ID! @id  title: String  categories: [Category!]! }
      type Category { id: ID! @id }
      enum Mood { HAPPY }`);
    expect(stepsToCreate(schema).map((s) => [s.type, 'model' in s ? `${s.model}.${s.name}` : 'name' in s ? s.name : ''])).toEqual([
      ['CreateEnum', 'Mood'],
      ['CreateModel', 'Post'],
      ['CreateModel', 'Category'],
      ['CreateField', 'Post.id'],
      ['CreateField', 'Post.title'],
      ['CreateField', 'Post.categories'],
      ['CreateField', 'Category.id'],
      ['CreateRelation', 'CategoryToPost'],
    ]);
  });

  it('keeps the hidden system fields of a 1.0 model: they are columns', () => {
    const schema = build(`type Tag { name: String }`);
    expect(stepsToCreate(schema).flatMap((s) => (s.type === 'CreateField' ? [s.name] : []))).toEqual(['name', 'id', 'createdAt', 'updatedAt']);
  });
});
