import { describe, expect, it } from 'vitest';
import {
  camelCase,
  connectionQueryName,
  createRelationInputName,
  createWithoutInputName,
  deleteManyMutationName,
  listQueryName,
  plural,
  scalarListCreateInputName,
  scalarListUpdateInputName,
  singleQueryName,
  updateDataInputName,
  updateManyMutationName,
  updateRelationInputName,
  updateWithWhereUniqueInputName,
  upsertNestedInputName,
  upsertWithWhereUniqueInputName,
} from './api-names.inflection.ts';

describe('plural (spec §6.1, every example)', () => {
  it.each([
    ['Post', 'Posts'],
    ['Category', 'Categories'],
    ['Person', 'Persons'],
    ['Child', 'Children'],
    ['Mouse', 'Mice'],
    ['Datum', 'Data'],
    ['Criterion', 'Criteria'],
    ['Analysis', 'Analyses'],
    ['Leaf', 'Leaves'],
    ['Hero', 'Heroes'],
    ['Todo', 'Todoes'],
    ['Info', 'Infoes'],
    ['BillingInfo', 'BillingInfoes'],
    ['Box', 'Boxes'],
    ['Quiz', 'Quizzes'],
    ['Status', 'Statuses'],
    ['Address', 'Addresses'],
    ['Bus', 'Buses'],
    ['News', 'Newses'],
    ['Series', 'Serieses'],
    ['Species', 'Specieses'],
    ['Amenities', 'Amenitieses'],
    ['Fish', 'Fishs'],
    ['Sheep', 'Sheeps'],
    ['Equipment', 'Equipments'],
    ['Media', 'Medias'],
    ['Data', 'Datas'],
    ['OptionalDetails', 'OptionalDetailses'],
    ['Photo', 'Photos'],
    ['Ox', 'Oxes'],
    ['ABC', 'ABCs'],
    // The server capitalises what the inflector returns in lower case (the client port does not).
    ['Goose', 'Geese'],
  ])('%s → %s', (model, expected) => {
    expect(plural(model)).toBe(expected);
  });
});

describe('root field names (spec §6.1, §6.2)', () => {
  it('camel-cases only the first character', () => {
    expect(camelCase('ABC')).toBe('aBC');
    expect(singleQueryName('BillingInfo')).toBe('billingInfo');
  });

  it('list and connection queries use the camel-cased plural', () => {
    expect(listQueryName('Category')).toBe('categories');
    expect(listQueryName('BillingInfo')).toBe('billingInfoes');
    expect(listQueryName('Goose')).toBe('geese');
    expect(connectionQueryName('Todo')).toBe('todoesConnection');
  });

  it('updateMany/deleteMany use the plural unchanged', () => {
    expect(updateManyMutationName('Category')).toBe('updateManyCategories');
    expect(deleteManyMutationName('News')).toBe('deleteManyNewses');
    expect(updateManyMutationName('Goose')).toBe('updateManyGeese');
  });
});

describe('nested input names (spec §6.7, §6.8, §18.1 item 4)', () => {
  it('scalar list inputs append the field name verbatim', () => {
    expect(scalarListCreateInputName('Post', 'tags')).toBe('PostCreatetagsInput');
    expect(scalarListUpdateInputName('Post', 'tags')).toBe('PostUpdatetagsInput');
  });

  it('capitalise the back field in Without<G> names', () => {
    expect(createWithoutInputName('User', 'posts')).toBe('UserCreateWithoutPostsInput');
    expect(createRelationInputName('User', 'One', 'posts')).toBe('UserCreateOneWithoutPostsInput');
    expect(updateRelationInputName('User', 'OneRequired', 'posts')).toBe('UserUpdateOneRequiredWithoutPostsInput');
    expect(updateDataInputName('User', 'posts')).toBe('UserUpdateWithoutPostsDataInput');
    expect(updateWithWhereUniqueInputName('Post', 'author')).toBe('PostUpdateWithWhereUniqueWithoutAuthorInput');
    expect(upsertWithWhereUniqueInputName('Post', 'author')).toBe('PostUpsertWithWhereUniqueWithoutAuthorInput');
    expect(upsertNestedInputName('User', 'profile')).toBe('UserUpsertWithoutProfileInput');
  });

  it('use the Nested variants when the back field is hidden', () => {
    expect(createRelationInputName('Category', 'Many', null)).toBe('CategoryCreateManyInput');
    expect(updateRelationInputName('Category', 'Many', null)).toBe('CategoryUpdateManyInput');
    expect(updateDataInputName('Category', null)).toBe('CategoryUpdateDataInput');
    expect(updateWithWhereUniqueInputName('Category', null)).toBe('CategoryUpdateWithWhereUniqueNestedInput');
    expect(upsertWithWhereUniqueInputName('Category', null)).toBe('CategoryUpsertWithWhereUniqueNestedInput');
    expect(upsertNestedInputName('Category', null)).toBe('CategoryUpsertNestedInput');
  });
});
