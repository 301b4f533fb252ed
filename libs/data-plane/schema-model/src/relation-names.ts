// Relation names (spec §2.5, §3.2): explicit `@relation(name:)` on either side, else generated from
// the two model names in A/B order, shortened until it is a valid relation name. Shared by the
// datamodel stage (which names relations) and the migration stage (which recognises generated names).

const RELATION_NAME = /^[A-Z][a-zA-Z0-9_]*$/;
export const MAX_RELATION_NAME_LENGTH = 54;

export function isValidRelationName(name: string): boolean {
  return name.length <= MAX_RELATION_NAME_LENGTH && RELATION_NAME.test(name);
}

/** Model A is the lexicographically smaller model name (plain code-unit comparison). */
export function orderModels(model1: string, model2: string): [modelA: string, modelB: string] {
  return model1 < model2 ? [model1, model2] : [model2, model1];
}

/**
 * `<ModelA>To<ModelB>` (A = the smaller name), chopping one character at a time off the longer name
 * while invalid. Returns undefined when no valid name can be made (model names that never form one).
 */
export function generateRelationName(model1: string, model2: string): string | undefined {
  let [a, b] = orderModels(model1, model2);
  for (;;) {
    const name = `${a}To${b}`;
    if (isValidRelationName(name)) return name;
    if (a.length === 0 && b.length === 0) return undefined;
    if (b.length > a.length) b = b.slice(0, -1);
    else a = a.slice(0, -1);
  }
}
