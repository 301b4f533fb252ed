// `@rename(oldName:)` on types, enums and fields (and, in 1.0, `@relation(oldName:)`) tells the
// migration engine that something was renamed rather than dropped and re-created (spec §2.3).
// The directive is temporary, so the mapping is not part of the schema model: it is handed to the
// migration planner beside it.
import type { Renames } from '@refract/schema-model';
import type { DatamodelDocument } from '../document/document.model.js';
import { stringArgument } from '../document/document.queries.js';

export type { Renames };

export function inferRenames(doc: DatamodelDocument): Renames {
  const oldName = (owner: Parameters<typeof stringArgument>[0]) => stringArgument(owner, 'rename', 'oldName');
  const models = doc.types.flatMap((t) => {
    const previous = oldName(t);
    return previous && previous !== t.name ? [{ previous, next: t.name }] : [];
  });
  const enums = doc.enums.flatMap((e) => {
    const previous = oldName(e);
    return previous && previous !== e.name ? [{ previous, next: e.name }] : [];
  });
  const fields = doc.types.flatMap((t) =>
    t.fields.flatMap((f) => {
      const previous = oldName(f);
      return previous && previous !== f.name ? [{ model: t.name, previous, next: f.name }] : [];
    }),
  );
  const relations = doc.types.flatMap((t) =>
    t.fields.flatMap((f) => {
      const previous = stringArgument(f, 'relation', 'oldName');
      const next = stringArgument(f, 'relation', 'name');
      return previous && next && previous !== next ? [{ previous, next }] : [];
    }),
  );
  return { models, enums, fields, relations: dedupeBy(relations, (r) => `${r.previous}>${r.next}`) };
}

function dedupeBy<T>(items: T[], key: (item: T) => string): T[] {
  const seen = new Map<string, T>();
  for (const item of items) if (!seen.has(key(item))) seen.set(key(item), item);
  return [...seen.values()];
}
