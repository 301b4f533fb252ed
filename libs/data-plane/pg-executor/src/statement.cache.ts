// Named prepared statements for hot query shapes. PostgreSQL then parses and plans a shape once
// per connection instead of once per request. node-postgres keeps every name it prepared on a
// connection forever, so the set of names is bounded: past the cap, statements run unnamed.
import { createHash } from 'node:crypto';

export class StatementNames {
  private readonly names = new Map<string, string>();

  constructor(private readonly capacity = 500) {}

  /** The prepared-statement name of `text`, or undefined when the cache is full. */
  nameOf(text: string): string | undefined {
    const known = this.names.get(text);
    if (known !== undefined) return known;
    if (this.names.size >= this.capacity) return undefined;
    const name = `r_${createHash('sha1').update(text).digest('base64url').slice(0, 20)}`;
    this.names.set(text, name);
    return name;
  }

  get size(): number {
    return this.names.size;
  }
}
