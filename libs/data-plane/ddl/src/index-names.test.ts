import { describe, expect, it } from 'vitest';
import { linkTableBIndexName, linkTableUniqueIndexName, truncateIdentifier, uniqueIndexName } from './index-names.js';

describe('index names', () => {
  it('names unique indexes "<schema>.<Table>.<column>._UNIQUE" (spec §4.3)', () => {
    expect(uniqueIndexName('default$default', 'User', 'email')).toBe('default$default.User.email._UNIQUE');
  });

  it('cuts names to 63 bytes as PostgreSQL does, never inside a character', () => {
    expect(uniqueIndexName('my-service$production', 'CustomerAccount', 'notificationEmailAddress')).toBe(
      'my-service$production.CustomerAccount.notificationEmailAddress.',
    );
    expect(truncateIdentifier('a'.repeat(63))).toBe('a'.repeat(63));
    expect(truncateIdentifier(`${'a'.repeat(62)}é`)).toBe('a'.repeat(62));
    expect(truncateIdentifier('€'.repeat(30))).toBe('€'.repeat(21));
  });

  it('names link table indexes after the table, whatever named it (spec §4.5)', () => {
    expect([linkTableUniqueIndexName('_PostToUser'), linkTableBIndexName('_PostToUser')]).toEqual(['_PostToUser_AB_unique', '_PostToUser_B']);
    expect([linkTableUniqueIndexName('post_tags'), linkTableBIndexName('post_tags')]).toEqual(['post_tags_AB_unique', 'post_tags_B']);
    // A 54-character relation name (the longest allowed) overflows 63 bytes with the suffix.
    const longest = `_${'R'.repeat(54)}`;
    expect(linkTableUniqueIndexName(longest)).toBe(`${longest}_AB_uniq`);
  });
});
