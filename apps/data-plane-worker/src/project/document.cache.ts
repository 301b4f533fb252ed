// Parsed and validated documents per project API, keyed by the query text: a client sends the
// same few documents over and over (prisma-client builds them from templates), so parsing and
// validation happen once per shape. Least recently used entries leave first.
import type { DocumentNode, GraphQLError } from 'graphql';

export type CachedDocument = { readonly document: DocumentNode; readonly errors: null } | { readonly document: null; readonly errors: readonly GraphQLError[] };

export class DocumentCache {
  private readonly entries = new Map<string, CachedDocument>();

  constructor(private readonly capacity = 500) {}

  get(query: string, load: () => CachedDocument): CachedDocument {
    const hit = this.entries.get(query);
    if (hit) {
      // Re-insert to mark as most recently used (a Map iterates in insertion order).
      this.entries.delete(query);
      this.entries.set(query, hit);
      return hit;
    }
    const entry = load();
    this.entries.set(query, entry);
    if (this.entries.size > this.capacity) this.entries.delete(this.entries.keys().next().value!);
    return entry;
  }
}
