// The name a relation gets when no `@relation(name:)` is given (spec §3.2). The planner needs it to
// recognise a previous relation whose name was generated, which may then match a differently named
// relation. Same rule as the datamodel stage; repeated because engine stages do not import each other.

const RELATION_NAME = /^[A-Z][a-zA-Z0-9_]*$/;
const MAX_LENGTH = 54;

/** `<A>To<B>` with A the lexicographically smaller model, shortened like Prisma does when too long. */
export function generatedRelationName(model1: string, model2: string): string {
  let [a, b] = model1 < model2 ? [model1, model2] : [model2, model1];
  for (;;) {
    const name = `${a}To${b}`;
    if ((name.length <= MAX_LENGTH && RELATION_NAME.test(name)) || (a.length === 0 && b.length === 0)) return name;
    if (b.length > a.length) b = b.slice(0, -1);
    else a = a.slice(0, -1);
  }
}
