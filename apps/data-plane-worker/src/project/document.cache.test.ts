import { parse } from 'graphql';
import { describe, expect, it } from 'vitest';
import { DocumentCache, type CachedDocument } from './document.cache.js';

describe('DocumentCache', () => {
  it('parses and validates a query text once, and forgets the least recently used past its capacity', () => {
    const cache = new DocumentCache(2);
    let loads = 0;
    const load = (query: string) => (): CachedDocument => {
      loads++;
      return { document: parse(query), errors: null };
    };
    const a = cache.get('{ a }', load('{ a }'));
    expect(cache.get('{ a }', load('{ a }'))).toBe(a);
    cache.get('{ b }', load('{ b }'));
    cache.get('{ a }', load('{ a }')); // a is now the most recently used
    cache.get('{ c }', load('{ c }')); // evicts b
    expect(loads).toBe(3);
    expect(cache.get('{ a }', load('{ a }'))).toBe(a);
    cache.get('{ b }', load('{ b }'));
    expect(loads).toBe(4);
  });
});
