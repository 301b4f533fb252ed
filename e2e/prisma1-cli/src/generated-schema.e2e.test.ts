// Compatibility of Refract's API schema with the one the published `prisma1` 1.34.12 CLI generates.
//
// `prisma1 generate` computes the CRUD schema locally from the datamodel (prisma-generate-schema,
// spec §6.10, §13.11: no server call) and embeds it in the TypeScript client as `typeDefs`; the
// client copies its argument type names and nullability into every request it sends (spec §16).
// For each datamodel below, the suite runs the real CLI offline, reads that `typeDefs`, builds our
// schema from the same datamodel with @refract/datamodel + @refract/graphql-schema, and compares
// the two TYPE BY TYPE: kind, fields, field types (with lists and non-null), arguments (in order)
// and their types, enum values (in order), input fields.
//
// Two graphql-js versions meet here: this package has graphql 14.7 (prisma-client-lib needs it),
// our library builds with the workspace's graphql 16. Nothing crosses between them: each side is
// turned into a neutral description (`describeSchema`) by duck typing, then the descriptions are
// compared.
import { buildSchema as buildDatamodel } from '@refract/datamodel';
import { buildProjectSchema } from '@refract/graphql-schema';
import type { DatamodelFormat } from '@refract/schema-model';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import type * as Graphql14 from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCliProject, runPrisma1, type CliProject } from './prisma1.harness.ts';

/** This package's graphql 14.7, loaded as CommonJS: its ESM build uses extension-less imports Node rejects. */
const graphql14 = createRequire(import.meta.url)('graphql') as typeof Graphql14;

interface Case {
  readonly name: string;
  readonly format: DatamodelFormat;
  readonly datamodel: string;
}

const CASES: readonly Case[] = [
  {
    // Appendix B: enum with default, Json, scalar list, 1:1 INLINE, 1:n, one-sided n:m, timestamps.
    name: 'worked example (appendix B)',
    format: '1.1',
    datamodel: `
type User {
  id: ID! @id
  email: String! @unique
  name: String
  role: Role! @default(value: USER)
  posts: [Post!]!
  profile: Profile @relation(link: INLINE)
  createdAt: DateTime! @createdAt
  updatedAt: DateTime! @updatedAt
}
type Profile { id: ID! @id  bio: String  user: User! }
type Post {
  id: ID! @id
  title: String!
  published: Boolean! @default(value: false)
  tags: [String] @scalarList(strategy: RELATION)
  meta: Json
  author: User!
  categories: [Category!]!
  createdAt: DateTime! @createdAt
}
type Category { id: ID! @id  name: String! @unique }
enum Role { USER ADMIN }
`,
  },
  {
    name: 'every scalar type, required and optional, with defaults and scalar lists',
    format: '1.1',
    datamodel: `
type Sample {
  id: ID! @id
  text: String
  requiredText: String!
  defaultedText: String! @default(value: "hello")
  count: Int
  requiredCount: Int! @default(value: 5)
  ratio: Float
  requiredRatio: Float!
  flag: Boolean
  requiredFlag: Boolean!
  happenedAt: DateTime
  requiredHappenedAt: DateTime!
  payload: Json
  requiredPayload: Json!
  mood: Mood
  requiredMood: Mood! @default(value: HAPPY)
  code: String @unique
  reference: UUID
  requiredReference: UUID! @unique
  texts: [String] @scalarList(strategy: RELATION)
  counts: [Int] @scalarList(strategy: RELATION)
  ratios: [Float] @scalarList(strategy: RELATION)
  flags: [Boolean] @scalarList(strategy: RELATION)
  dates: [DateTime] @scalarList(strategy: RELATION)
  moods: [Mood] @scalarList(strategy: RELATION)
  references: [UUID] @scalarList(strategy: RELATION)
  payloads: [Json] @scalarList(strategy: RELATION)
}
enum Mood { HAPPY SAD NEUTRAL }
enum Unused { NEVER_REFERENCED }
`,
  },
  {
    name: 'UUID ids with a 1:n relation',
    format: '1.1',
    datamodel: `
type Account { id: UUID! @id  name: String!  sessions: [Session] }
type Session { id: UUID! @id  token: String! @unique  account: Account! }
`,
  },
  {
    name: 'ids with strategy NONE (client-chosen ID and UUID)',
    format: '1.1',
    datamodel: `
type Country { id: ID! @id(strategy: NONE)  name: String!  cities: [City] }
type City { id: UUID! @id(strategy: NONE)  name: String!  country: Country! }
`,
  },
  {
    name: 'names that pluralise oddly',
    format: '1.1',
    datamodel: `
type Todo { id: ID! @id  title: String }
type News { id: ID! @id  title: String }
type Series { id: ID! @id  title: String }
type Person { id: ID! @id  name: String }
type Child { id: ID! @id  name: String }
type Mouse { id: ID! @id  name: String }
type Status { id: ID! @id  label: String }
type Quiz { id: ID! @id  question: String }
type Leaf { id: ID! @id  color: String }
type BillingInfo { id: ID! @id  iban: String }
type Fish { id: ID! @id  kind: String }
type Sheep { id: ID! @id  wool: Boolean }
type Category { id: ID! @id  name: String }
type Address { id: ID! @id  street: String }
type Box { id: ID! @id  size: Int }
type Hero { id: ID! @id  power: String }
type Analysis { id: ID! @id  result: String }
type Criterion { id: ID! @id  rule: String }
type Datum { id: ID! @id  value: Float }
type Goose { id: ID! @id  honk: Boolean }
`,
  },
  {
    name: 'self relations: 1:1, 1:n and n:m, named',
    format: '1.1',
    datamodel: `
type Employee {
  id: ID! @id
  name: String!
  manager: Employee @relation(name: "Management", link: INLINE)
  reports: [Employee] @relation(name: "Management")
  mentor: Employee @relation(name: "Mentoring", link: INLINE)
  mentee: Employee @relation(name: "Mentoring")
  following: [Employee] @relation(name: "Follows", link: TABLE)
  followers: [Employee] @relation(name: "Follows")
}
`,
  },
  {
    name: 'one-sided relations (hidden back fields): required, optional and list, INLINE and TABLE',
    format: '1.1',
    datamodel: `
type Tag { id: ID! @id  label: String! }
type Color { id: ID! @id  hex: String! @unique }
type Note {
  id: ID! @id
  text: String
  mainTag: Tag! @relation(name: "NoteMainTag", link: INLINE)
  color: Color @relation(name: "NoteColor", link: TABLE)
  tags: [Tag] @relation(name: "NoteTags")
  colors: [Color] @relation(name: "NoteColors")
}
type Doc {
  id: ID! @id
  primary: Tag! @relation(name: "DocPrimary", link: TABLE)
  extras: [Tag] @relation(name: "DocExtras")
}
`,
  },
  {
    name: '@relationTable and @db names',
    format: '1.1',
    datamodel: `
type Article @db(name: "articles") {
  id: ID! @id
  headline: String! @db(name: "head_line")
  labels: [Label] @relation(name: "ArticleLabels")
}
type Label @db(name: "labels") {
  id: ID! @id
  name: String! @unique
  articles: [Article] @relation(name: "ArticleLabels")
}
type ArticleLabels @relationTable @db(name: "article_labels") {
  article: Article @db(name: "article_id")
  label: Label
}
`,
  },
  {
    name: 'required relations on both sides, onDelete, two relations between the same models',
    format: '1.1',
    datamodel: `
type Car {
  id: ID! @id
  model: String!
  engine: Engine! @relation(link: INLINE, onDelete: CASCADE)
  owner: Driver! @relation(name: "CarOwner")
  drivers: [Driver] @relation(name: "CarDrivers", link: TABLE)
}
type Engine { id: ID! @id  power: Int!  car: Car! }
type Driver {
  id: ID! @id
  name: String!
  owns: [Car] @relation(name: "CarOwner", onDelete: CASCADE)
  drives: [Car] @relation(name: "CarDrivers")
}
`,
  },
  {
    name: 'models with nothing (or only relations) to update',
    format: '1.1',
    datamodel: `
type Lonely { id: ID! @id }
type Stamped { id: ID! @id  createdAt: DateTime! @createdAt  updatedAt: DateTime! @updatedAt }
type Holder { id: ID! @id  items: [Item] }
type Item { id: ID! @id  holder: Holder }
type Pin { id: ID! @id  board: Board! }
type Board { id: ID! @id  title: String  pins: [Pin] }
`,
  },
  {
    name: 'a shop with enums, defaults and several relations',
    format: '1.1',
    datamodel: `
type Customer {
  id: ID! @id
  email: String! @unique
  name: String!
  tier: Tier! @default(value: BASIC)
  orders: [Order] @relation(name: "CustomerOrders")
  billingInfo: BillingInfo @relation(link: INLINE)
  addresses: [Address]
}
type BillingInfo { id: ID! @id  iban: String!  customer: Customer }
type Address { id: ID! @id  street: String!  city: String!  zip: String }
type Order {
  id: ID! @id
  number: Int! @unique
  status: Status! @default(value: OPEN)
  total: Float!
  placedAt: DateTime!
  customer: Customer! @relation(name: "CustomerOrders")
  items: [OrderItem]
  notes: [String] @scalarList(strategy: RELATION)
  createdAt: DateTime! @createdAt
}
type OrderItem { id: ID! @id  quantity: Int! @default(value: 1)  product: Product!  order: Order! }
type Product { id: ID! @id  sku: String! @unique  price: Float!  attributes: Json  items: [OrderItem] }
enum Tier { BASIC GOLD }
enum Status { OPEN PAID SHIPPED }
`,
  },
  {
    name: 'legacy 1.0: a blog with system fields, string defaults and relation tables',
    format: '1.0',
    datamodel: `
type User {
  id: ID! @unique
  email: String! @unique
  name: String
  role: Role @default(value: "USER")
  posts: [Post!]!
  createdAt: DateTime!
}
type Post {
  id: ID! @unique
  title: String!
  published: Boolean! @default(value: "false")
  tags: [String!]!
  author: User!
  updatedAt: DateTime!
}
enum Role { USER ADMIN }
`,
  },
  {
    name: 'legacy 1.0: every scalar type and scalar lists',
    format: '1.0',
    datamodel: `
type Measurement {
  id: ID! @unique
  label: String!
  value: Float!
  count: Int @default(value: "3")
  valid: Boolean
  takenAt: DateTime
  raw: Json
  unit: Unit! @default(value: "METRE")
  readings: [Float!]!
  notes: [String!]
}
enum Unit { METRE FOOT }
`,
  },
  {
    name: 'legacy 1.0: self relations, named relations and a one-sided relation',
    format: '1.0',
    datamodel: `
type Person {
  id: ID! @unique
  name: String!
  parent: Person @relation(name: "Family")
  children: [Person!]! @relation(name: "Family")
  pets: [Pet!]! @relation(name: "Pets")
  favouritePet: Pet @relation(name: "Favourite")
}
type Pet {
  id: ID! @unique
  name: String!
  owner: Person @relation(name: "Pets")
}
`,
  },
  {
    name: 'legacy 1.0: visible createdAt/updatedAt and a model with only an id',
    format: '1.0',
    datamodel: `
type Event {
  id: ID! @unique
  title: String!
  createdAt: DateTime!
  updatedAt: DateTime!
  venue: Venue
}
type Venue { id: ID! @unique  events: [Event!]! }
type Marker { id: ID! @unique }
`,
  },
  {
    name: 'Int ids (AUTO and SEQUENCE) with relations',
    format: '1.1',
    datamodel: `
type Ticket { id: Int! @id  subject: String!  comments: [Comment] }
type Comment {
  id: Int! @id(strategy: SEQUENCE) @sequence(name: "comment_seq", initialValue: 100, allocationSize: 10)
  body: String!
  ticket: Ticket!
}
`,
  },
  {
    // Unnamed, so both sides see a one-sided relation with a hidden back field. (A *named*
    // single-field self relation is where the client generator errs: it pairs the field with
    // itself and names `XCreateManyWithout<F>Input`, while the server adds a hidden back field,
    // spec §3.3, and says `XCreateManyInput`; that case is left out here.)
    name: 'self relations with a single field',
    format: '1.1',
    datamodel: `
type Chain { id: ID! @id  label: String  next: Chain @relation(link: INLINE) }
type Tree { id: ID! @id  children: [Tree] }
`,
  },
  {
    name: 'relations between UUID-id and ID-id models, 1:1 both optional',
    format: '1.1',
    datamodel: `
type Device { id: UUID! @id  serial: String! @unique  sim: Sim @relation(link: INLINE)  owner: Member }
type Sim { id: ID! @id  number: String!  device: Device }
type Member { id: ID! @id  name: String  devices: [Device] }
`,
  },
];

const GENERATOR_YAML = 'generate:\n  - generator: typescript-client\n    output: ./generated/prisma-client/\n';
/** CLI runs at once: each takes ≈ 1.5 s of one core. */
const PARALLEL_RUNS = 4;

const generated = new Map<string, { readonly typeDefs: string } | Error>();
const projects: CliProject[] = [];

/** Runs `prisma1 generate` for `datamodel` and returns the SDL the TypeScript client embeds. */
async function generateClientSchema(datamodel: string): Promise<{ typeDefs: string }> {
  // generate never contacts the endpoint (spec §13.11); the port is closed on purpose.
  const project = createCliProject({ endpoint: 'http://127.0.0.1:9/app/dev', datamodel, extraYaml: GENERATOR_YAML });
  projects.push(project);
  const result = await runPrisma1(['generate'], { cwd: project.dir, timeoutMs: 60_000 });
  if (result.code !== 0 || result.timedOut) {
    throw new Error(`prisma1 generate failed (exit ${String(result.code)}):\n${result.stdout}\n${result.stderr}`);
  }
  const source = readFileSync(join(project.dir, 'generated', 'prisma-client', 'prisma-schema.ts'), 'utf8');
  const typeDefs = /typeDefs = \/\* GraphQL \*\/ `([\s\S]*?)`/.exec(source)?.[1];
  if (typeDefs === undefined) throw new Error(`no typeDefs in prisma-schema.ts:\n${source.slice(0, 500)}`);
  return { typeDefs };
}

beforeAll(async () => {
  const queue = [...CASES];
  const worker = async () => {
    for (let next = queue.shift(); next; next = queue.shift()) {
      const c = next;
      generated.set(c.name, await generateClientSchema(c.datamodel).catch((error: Error) => error));
    }
  };
  await Promise.all(Array.from({ length: PARALLEL_RUNS }, worker));
}, 180_000);

afterAll(() => {
  for (const project of projects) project.cleanup();
});

// ——— a neutral description of a schema, for either graphql-js version ———

/** What both graphql 14 and 16 objects offer (read by duck typing, never by `instanceof`). */
interface AnyType {
  readonly name: string;
  getFields?(): Record<string, { readonly type: unknown; readonly args?: readonly { readonly name: string; readonly type: unknown }[] }>;
  getValues?(): readonly { readonly name: string }[];
  getInterfaces?(): readonly { readonly name: string }[];
}
interface AnySchema {
  getTypeMap(): Record<string, AnyType>;
}

interface TypeDescription {
  /** `GraphQLObjectType`, `GraphQLInputObjectType`, … (the types' Symbol.toStringTag, in both versions). */
  kind: string;
  /** Field name → `(arg: Type, …): Type`, or `Type` for input fields and fields without arguments. */
  fields: Map<string, string>;
  /** Enum values, in order. */
  values: string[];
  interfaces: string[];
}

function describeSchema(schema: AnySchema): Map<string, TypeDescription> {
  const types = new Map<string, TypeDescription>();
  for (const [name, type] of Object.entries(schema.getTypeMap())) {
    if (name.startsWith('__')) continue;
    const kind = Object.prototype.toString.call(type).slice('[object '.length, -1);
    const fields = new Map<string, string>();
    for (const [fieldName, field] of Object.entries(type.getFields?.() ?? {})) {
      const args = field.args && field.args.length > 0 ? `(${field.args.map((a) => `${a.name}: ${String(a.type)}`).join(', ')}): ` : '';
      fields.set(fieldName, `${args}${String(field.type)}`);
    }
    const values = kind === 'GraphQLEnumType' ? (type.getValues?.() ?? []).map((v) => v.name) : [];
    const interfaces = kind === 'GraphQLObjectType' ? (type.getInterfaces?.() ?? []).map((i) => i.name) : [];
    types.set(name, { kind, fields, values, interfaces });
  }
  return types;
}

// ——— the documented differences (spec §6.10 and the server rules the client gets wrong) ———

/**
 * Removes from the two descriptions what may legitimately differ, each for a reason the spec
 * documents. Everything else must be equal.
 */
function allowDocumentedDifferences(ours: Map<string, TypeDescription>, client: Map<string, TypeDescription>, c: Case): void {
  // §6.10: the client schema never declares `implements Node` (our ID-id models do, as the server).
  for (const type of ours.values()) type.interfaces = [];

  // §6.10 / §6.1: irregular plurals whose inflector output is lower-case (Goose → geese) are not
  // capitalised by the client in updateMany…/deleteMany…; the server says `updateManyGeese`.
  const mutation = client.get('Mutation');
  if (mutation) {
    mutation.fields = new Map(
      [...mutation.fields].map(([name, type]) => [name.replace(/^(updateMany|deleteMany)([a-z])/, (_, op: string, first: string) => op + first.toUpperCase()), type]),
    );
  }

  // §6.5 (the server's FilterArguments): a UUID field has only `f`, `f_not`, `f_in`, `f_not_in`;
  // the client generator files UUID with String and adds `_lt … _not_ends_with`.
  const uuidFilterSuffixes = ['_lt', '_lte', '_gt', '_gte', '_contains', '_not_contains', '_starts_with', '_not_starts_with', '_ends_with', '_not_ends_with'];
  for (const [typeName, type] of client) {
    if (!typeName.endsWith('WhereInput') || typeName.endsWith('SubscriptionWhereInput')) continue;
    for (const [fieldName, fieldType] of [...type.fields]) {
      const base = uuidFilterSuffixes.find((s) => fieldName.endsWith(s));
      if (base && fieldType === 'UUID' && type.fields.get(fieldName.slice(0, -base.length)) === 'UUID') type.fields.delete(fieldName);
    }
  }
  // §6.7 / §18.1 item 21 (the server's InputTypesBuilder.filterID): Int ids are never in create
  // inputs, whatever the strategy; the client generator offers `id: Int` for AUTO ids.
  const built = buildDatamodel(c.datamodel, { format: c.format });
  if (!built.ok) return;
  for (const model of built.schema.models) {
    const intId = model.fields.find((f) => f.kind === 'scalar' && f.isId && f.type === 'Int');
    if (!intId) continue;
    for (const [typeName, type] of client) {
      const isCreateInput = typeName === `${model.name}CreateInput` || (typeName.startsWith(`${model.name}CreateWithout`) && typeName.endsWith('Input'));
      if (isCreateInput && type.fields.get(intId.name)?.startsWith('Int')) type.fields.delete(intId.name);
    }
  }
}

function diffSchemas(ours: Map<string, TypeDescription>, client: Map<string, TypeDescription>): string[] {
  const report: string[] = [];
  const names = [...new Set([...ours.keys(), ...client.keys()])].sort();
  for (const name of names) {
    const a = ours.get(name);
    const b = client.get(name);
    if (!a || !b) {
      report.push(`${name}: only in ${a ? 'ours' : 'the client schema'} (${(a ?? b)!.kind})`);
      continue;
    }
    const lines: string[] = [];
    if (a.kind !== b.kind) lines.push(`  kind: ours ${a.kind}, client ${b.kind}`);
    for (const field of [...new Set([...a.fields.keys(), ...b.fields.keys()])].sort()) {
      const ta = a.fields.get(field);
      const tb = b.fields.get(field);
      if (ta !== tb) lines.push(`  ${field}: ours ${ta ?? '(missing)'} | client ${tb ?? '(missing)'}`);
    }
    if (a.values.join() !== b.values.join()) lines.push(`  values: ours [${a.values.join(', ')}] | client [${b.values.join(', ')}]`);
    if (a.interfaces.join() !== b.interfaces.join()) lines.push(`  implements: ours [${a.interfaces.join()}] | client [${b.interfaces.join()}]`);
    if (lines.length > 0) report.push(`${name}:\n${lines.join('\n')}`);
  }
  return report;
}

describe('our API schema equals the schema `prisma1 generate` embeds in the client, type by type', () => {
  for (const c of CASES) {
    it(`${c.name} (datamodel ${c.format})`, () => {
      const client = generated.get(c.name);
      if (client instanceof Error) throw client;
      expect(client, 'prisma1 generate did not run').toBeDefined();

      const built = buildDatamodel(c.datamodel, { format: c.format });
      if (!built.ok) throw new Error(`the datamodel is invalid: ${JSON.stringify(built.errors, null, 2)}`);
      expect(built.format.format).toBe(c.format);

      const ours = describeSchema(buildProjectSchema(built.schema) as unknown as AnySchema);
      const theirs = describeSchema(graphql14.buildSchema(client!.typeDefs) as unknown as AnySchema);
      allowDocumentedDifferences(ours, theirs, c);
      // Guards against comparing two empty descriptions.
      expect(theirs.get('Query')?.fields.size).toBeGreaterThan(3);
      expect([...ours.keys()].sort()).toContain('Query');
      const report = diffSchemas(ours, theirs);
      expect(report.join('\n'), `differences for "${c.name}":\n${report.join('\n')}`).toBe('');
    });
  }

  // The differences allowed above exist, and look exactly as documented — otherwise an allowance
  // could hide a real difference.
  it('the allowed differences are real: Node, lower-case plurals, UUID filters, Int ids in create inputs', () => {
    const describeCase = (name: string) => {
      const c = CASES.find((x) => x.name === name)!;
      const built = buildDatamodel(c.datamodel, { format: c.format });
      if (!built.ok) throw new Error('invalid datamodel');
      const client = generated.get(name);
      if (!client || client instanceof Error) throw client ?? new Error('not generated');
      return {
        ours: describeSchema(buildProjectSchema(built.schema) as unknown as AnySchema),
        theirs: describeSchema(graphql14.buildSchema(client.typeDefs) as unknown as AnySchema),
      };
    };
    const appendixB = describeCase('worked example (appendix B)');
    // The kinds really are read on both sides (a vacuous "Object" would compare equal too).
    for (const side of [appendixB.ours, appendixB.theirs]) {
      expect([side.get('User')?.kind, side.get('UserWhereInput')?.kind, side.get('Role')?.kind, side.get('Node')?.kind]).toEqual([
        'GraphQLObjectType', 'GraphQLInputObjectType', 'GraphQLEnumType', 'GraphQLInterfaceType',
      ]);
    }
    expect(appendixB.ours.get('User')?.interfaces).toEqual(['Node']);
    expect(appendixB.theirs.get('User')?.interfaces).toEqual([]);
    expect(appendixB.ours.get('Node')).toEqual(appendixB.theirs.get('Node'));
    expect(appendixB.ours.get('Query')?.fields.get('node')).toBe(appendixB.theirs.get('Query')?.fields.get('node'));

    const plurals = describeCase('names that pluralise oddly');
    expect(plurals.ours.get('Mutation')?.fields.has('updateManyGeese')).toBe(true);
    expect(plurals.theirs.get('Mutation')?.fields.has('updateManygeese')).toBe(true);
    expect(plurals.ours.get('Query')?.fields.has('geese')).toBe(true);

    const uuid = describeCase('UUID ids with a 1:n relation');
    expect(uuid.theirs.get('AccountWhereInput')?.fields.get('id_starts_with')).toBe('UUID');
    expect(uuid.ours.get('AccountWhereInput')?.fields.has('id_starts_with')).toBe(false);
    expect(uuid.ours.get('AccountWhereInput')?.fields.get('id_not_in')).toBe('[UUID!]');

    const intIds = describeCase('Int ids (AUTO and SEQUENCE) with relations');
    expect(intIds.theirs.get('TicketCreateInput')?.fields.get('id')).toBe('Int');
    expect(intIds.ours.get('TicketCreateInput')?.fields.has('id')).toBe(false);
  });

  it('compares enough, and varied enough, datamodels', () => {
    expect(CASES.length).toBeGreaterThanOrEqual(15);
    expect(new Set(CASES.map((c) => c.format))).toEqual(new Set(['1.0', '1.1']));
  });
});
