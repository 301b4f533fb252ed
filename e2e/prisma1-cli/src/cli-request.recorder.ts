// A throw-away stand-in for a Prisma 1 server that records every HTTP request the prisma1 CLI sends.
// `/management` is answered by executing the request against the management schema of spec §12.1
// (graphql-js, stub resolvers over an in-memory project list), so the CLI gets past its probes, the
// introspection and `deploy`, and keeps going as it would against a real server. Everything else is
// answered with a minimal plausible body. It is a test double, not a model of the server's logic.
import { createHmac, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { createRequire } from 'node:module';
import type { AddressInfo } from 'node:net';
import type * as GraphQLModule from 'graphql';

// graphql 14 (the version the CLI and prisma-client-lib 1.34 use) ships an ES build with
// extensionless imports that Vite's resolver picks through `module` and Node then cannot load:
// take its CommonJS build.
const { buildSchema, graphql } = createRequire(import.meta.url)('graphql') as typeof GraphQLModule;
type GraphQLError = GraphQLModule.GraphQLError;

/** The management schema (Prisma 1.34), verbatim from spec §12.1. */
export const MANAGEMENT_SDL = `
type Query {
  "Shows the status of the next migration in line to be applied to the project. If no such migration exists, it shows the last applied migration."
  migrationStatus(name: String!, stage: String!): Migration!
  "Shows all projects the caller has access to."
  listProjects: [Project!]!
  "Shows all migrations for the project. Debug query, will likely be removed in the future."
  listMigrations(name: String!, stage: String!): [Migration!]!
  "Gets a project by name and stage."
  project(name: String!, stage: String!): Project!
  "Information about the server"
  serverInfo: ServerInfo!
  "generates a token for the given project"
  generateProjectToken(name: String!, stage: String!): String!
}
type Mutation {
  deploy(input: DeployInput!): DeployPayload
  addProject(input: AddProjectInput!): AddProjectPayload
  deleteProject(input: DeleteProjectInput!): DeleteProjectPayload
  setCloudSecret(input: SetCloudSecretInput!): SetCloudSecretPayload
}
input DeployInput {
  name: String!  stage: String!  types: String!
  dryRun: Boolean  secrets: [String!]  subscriptions: [FunctionInput!]
  force: Boolean  noMigration: Boolean  clientMutationId: String
}
input FunctionInput { name: String!  query: String!  url: String!  headers: [HeaderInput!]! }
input HeaderInput   { name: String!  value: String! }
type DeployPayload {
  errors: [SchemaError!]!  migration: Migration  warnings: [SchemaWarning!]!
  steps: [MigrationStep!]!  clientMutationId: String
}
input AddProjectInput    { name: String!  stage: String!  secrets: [String!]  clientMutationId: String }
type AddProjectPayload    { project: Project  clientMutationId: String }
input DeleteProjectInput { name: String!  stage: String!  clientMutationId: String }
type DeleteProjectPayload { project: Project  clientMutationId: String }
input SetCloudSecretInput { secret: String  clientMutationId: String }
type SetCloudSecretPayload { clientMutationId: String }

"This is a project"
type Project { name: String!  stage: String!  datamodel: String! }
"Information about the deployed server"
type ServerInfo { version: String!  commit: String!  primaryConnector: String! }
"This is a migration"
type Migration {
  projectId: String!  revision: Int!  status: String!  applied: Int!  rolledBack: Int!
  errors: [String!]!  startedAt: DateTime  finishedAt: DateTime  datamodel: String!
  steps: [MigrationStep!]!
}
"An error that occurred while validating the schema."
type SchemaError   { type: String!  field: String  description: String! }
"A warning created while validating the schema against existing data."
type SchemaWarning { type: String!  field: String  description: String! }
scalar DateTime

"This is a migration step."
interface MigrationStep { type: String! }
type CreateModel    implements MigrationStep { name: String!  type: String! }
type DeleteModel    implements MigrationStep { name: String!  type: String! }
type UpdateModel    implements MigrationStep { name: String!  newName: String!  isEmbedded: Boolean  type: String! }
type CreateEnum     implements MigrationStep { name: String!  values: [String!]!  type: String! }
type DeleteEnum     implements MigrationStep { name: String!  type: String! }
type UpdateEnum     implements MigrationStep { name: String!  newName: String  values: [String!]  type: String! }
type CreateField    implements MigrationStep { model: String!  name: String!  typeName: String!  isRequired: Boolean!
                                               isList: Boolean!  unique: Boolean!  enum: String  default: String  relation: String  type: String! }
type DeleteField    implements MigrationStep { model: String!  name: String!  type: String! }
type UpdateField    implements MigrationStep { model: String!  name: String!  newName: String  typeName: String  isRequired: Boolean
                                               isList: Boolean  unique: Boolean  enum: String  default: String  relation: String  type: String! }
type CreateRelation implements MigrationStep { name: String!  leftModel: String!  rightModel: String!  after: RelationManifestation!  type: String! }
type UpdateRelation implements MigrationStep { name: String!  newName: String  before: RelationManifestation!  after: RelationManifestation!  type: String! }
type DeleteRelation implements MigrationStep { name: String!  type: String! }
type UpdateSecrets  implements MigrationStep { message: String!  type: String! }
"This stores details about how a relation is manifested in the underlying database."
interface RelationManifestation { type: String! }
"This is a link table."
type LinkTable implements RelationManifestation { table: String!  modelAColumn: String!  modelBColumn: String!  idColumn: String  type: String! }
"This is an inline manifestation."
type Inline implements RelationManifestation { model: String!  column: String!  type: String! }
`;

const managementSchema = buildSchema(MANAGEMENT_SDL);

export interface RecordedRequest {
  /** 1-based order of arrival. */
  seq: number;
  method: string;
  /** Path and query string, e.g. `/management`. */
  path: string;
  /** Header names in lower case. */
  headers: Record<string, string>;
  /** The raw body. */
  body: string;
  /** The body parsed as JSON, if it is JSON. */
  json?: unknown;
  /** `Date.now()` when the body was complete. */
  receivedAt: number;
}

export interface RecordedProject {
  name: string;
  stage: string;
  datamodel: string;
  secrets: string[] | null;
  revision: number;
}

export interface CliRequestRecorderOptions {
  /** When set, management fields other than `serverInfo` need `Authorization: Bearer <HS256 JWT>` signed with it (spec §11.3). */
  managementApiSecret?: string;
  /** `serverInfo.version`; default `1.34.10`. */
  serverVersion?: string;
  /** Projects that exist before the first request. */
  projects?: Array<{ name: string; stage: string; datamodel?: string; secrets?: string[] | null }>;
  /** Warnings `deploy` returns unless `force: true` (then the deploy goes through). */
  deployWarnings?: Array<{ type: string; field?: string | null; description: string }>;
  /** Errors `deploy` returns (nothing is applied). */
  deployErrors?: Array<{ type: string; field?: string | null; description: string }>;
}

export interface CliRequestRecorder {
  /** `http://127.0.0.1:<port>` */
  origin: string;
  port: number;
  /** Every request so far, in order of arrival. */
  readonly requests: RecordedRequest[];
  /** The in-memory projects (keyed `name@stage`). */
  readonly projects: Map<string, RecordedProject>;
  /** Only the POSTs to `/management`. */
  managementRequests(): RecordedRequest[];
  close(): Promise<void>;
}

interface GraphQLBody {
  query?: unknown;
  variables?: unknown;
  operationName?: unknown;
}

class CodedError extends Error {
  constructor(
    readonly code: number,
    message: string,
  ) {
    super(message);
  }
}

/** Starts the recorder on a free loopback port. */
export async function startCliRequestRecorder(options: CliRequestRecorderOptions = {}): Promise<CliRequestRecorder> {
  const requests: RecordedRequest[] = [];
  const projects = new Map<string, RecordedProject>();
  for (const p of options.projects ?? []) {
    projects.set(`${p.name}@${p.stage}`, {
      name: p.name,
      stage: p.stage,
      datamodel: p.datamodel ?? '',
      secrets: p.secrets ?? null,
      revision: p.datamodel === undefined ? 1 : 2,
    });
  }
  const root = managementRoot(projects, options);

  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8');
      const recorded: RecordedRequest = {
        seq: requests.length + 1,
        method: req.method ?? '',
        path: req.url ?? '',
        headers: headersOf(req),
        body,
        receivedAt: Date.now(),
      };
      try {
        recorded.json = body === '' ? undefined : JSON.parse(body);
      } catch {
        // Not JSON: keep the raw body only.
      }
      requests.push(recorded);
      respond(recorded, res, root, options).catch((error: unknown) => {
        sendJson(res, 500, { errors: [{ message: error instanceof Error ? error.message : String(error) }] });
      });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    port,
    requests,
    projects,
    managementRequests: () => requests.filter((r) => r.method === 'POST' && r.path === '/management'),
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

function headersOf(req: IncomingMessage): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(req.headers)) {
    if (value !== undefined) headers[name] = Array.isArray(value) ? value.join(', ') : value;
  }
  return headers;
}

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  if (res.headersSent) return;
  const text = JSON.stringify(body);
  res.writeHead(status, { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(text) });
  res.end(text);
}

async function respond(
  request: RecordedRequest,
  res: ServerResponse,
  root: Record<string, unknown>,
  options: CliRequestRecorderOptions,
): Promise<void> {
  if (request.method !== 'POST') {
    sendJson(res, 404, { errors: [{ message: `recorder: no ${request.method} ${request.path}` }] });
    return;
  }
  const body = (request.json ?? {}) as GraphQLBody;
  if (request.path === '/management') {
    sendJson(res, 200, await executeManagement(body, request.headers.authorization, root, options));
    return;
  }
  if (request.path.endsWith('/private') && typeof body.query === 'string' && body.query.includes('resetData')) {
    sendJson(res, 200, { data: { resetData: true } });
    return;
  }
  sendJson(res, 200, { data: null, errors: [{ message: `recorder: ${request.path} is not stubbed` }] });
}

async function executeManagement(
  body: GraphQLBody,
  authorization: string | undefined,
  root: Record<string, unknown>,
  options: CliRequestRecorderOptions,
): Promise<unknown> {
  if (typeof body.query !== 'string') return { errors: [{ message: 'No query document was provided.' }] };
  const result = await graphql({
    schema: managementSchema,
    source: body.query,
    rootValue: root,
    contextValue: { authorization, options },
    variableValues: (body.variables ?? undefined) as Record<string, unknown> | undefined,
    operationName: typeof body.operationName === 'string' ? body.operationName : undefined,
  });
  if (!result.errors) return result;
  // Prisma puts the error code next to the message (spec §10.1).
  return {
    data: result.data ?? null,
    errors: result.errors.map((e: GraphQLError) => ({
      message: e.message,
      ...(e.locations ? { locations: e.locations } : {}),
      ...(e.path ? { path: e.path } : {}),
      ...(e.originalError instanceof CodedError ? { code: e.originalError.code } : {}),
    })),
  };
}

interface Context {
  authorization: string | undefined;
  options: CliRequestRecorderOptions;
}

// Spec §11.3: with a management secret, every field but serverInfo needs a valid HS256 token with grants and exp.
function authorize(ctx: Context): void {
  const secret = ctx.options.managementApiSecret;
  if (!secret) return;
  if (!ctx.authorization) throw new CodedError(3015, "Authentication token is invalid: 'Authorization' header not provided");
  const token = ctx.authorization.replace(/^Bearer /, '');
  const payload = verifyHs256(token, secret);
  if (!payload) throw new CodedError(3015, "Authentication token is invalid: Token can't be decoded: invalid signature");
  const grants = (payload as { grants?: unknown }).grants;
  if (!Array.isArray(grants) || typeof (payload as { exp?: unknown }).exp !== 'number') {
    throw new CodedError(3015, 'Authentication token is invalid: Failed to parse token data');
  }
}

/** The payload of an HS256 JWT if its signature matches `secret` and it has not expired; else null. */
export function verifyHs256(token: string, secret: string): Record<string, unknown> | null {
  const [header, payload, signature] = token.split('.');
  if (header === undefined || payload === undefined || signature === undefined) return null;
  const expected = createHmac('sha256', secret).update(`${header}.${payload}`).digest();
  const actual = Buffer.from(signature, 'base64url');
  if (actual.length !== expected.length || !timingSafeEqual(actual, expected)) return null;
  try {
    const decodedHeader = JSON.parse(Buffer.from(header, 'base64url').toString('utf8')) as { alg?: unknown };
    if (decodedHeader.alg !== 'HS256') return null;
    const claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as Record<string, unknown>;
    if (typeof claims.exp === 'number' && claims.exp * 1000 <= Date.now()) return null;
    return claims;
  } catch {
    return null;
  }
}

/** Decodes a JWT without verifying it. */
export function decodeJwt(token: string): { header: Record<string, unknown>; payload: Record<string, unknown> } | null {
  const [header, payload] = token.split('.');
  if (header === undefined || payload === undefined) return null;
  try {
    return {
      header: JSON.parse(Buffer.from(header, 'base64url').toString('utf8')) as Record<string, unknown>,
      payload: JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as Record<string, unknown>,
    };
  } catch {
    return null;
  }
}

type NameStage = { name: string; stage: string };

function managementRoot(projects: Map<string, RecordedProject>, options: CliRequestRecorderOptions): Record<string, unknown> {
  const find = ({ name, stage }: NameStage): RecordedProject => {
    const project = projects.get(`${name}@${stage}`);
    if (!project) throw new CodedError(4000, `Project not found: '${name}@${stage}'`);
    return project;
  };
  const view = (p: RecordedProject) => ({ name: p.name, stage: p.stage, datamodel: p.datamodel });
  const migration = (p: RecordedProject, status: string, steps: unknown[]) => ({
    projectId: `${p.name}@${p.stage}`,
    revision: p.revision,
    status,
    applied: status === 'SUCCESS' ? steps.length : 0,
    rolledBack: 0,
    errors: [],
    startedAt: null,
    finishedAt: null,
    datamodel: p.datamodel,
    steps,
  });

  return {
    serverInfo: () => ({ version: options.serverVersion ?? '1.34.10', commit: 'recorder', primaryConnector: 'postgres' }),
    listProjects: (_args: unknown, ctx: Context) => {
      authorize(ctx);
      return [...projects.values()].map(view);
    },
    project: (args: NameStage, ctx: Context) => {
      authorize(ctx);
      return view(find(args));
    },
    migrationStatus: (args: NameStage, ctx: Context) => {
      authorize(ctx);
      return migration(find(args), 'SUCCESS', []);
    },
    listMigrations: (args: NameStage, ctx: Context) => {
      authorize(ctx);
      return [migration(find(args), 'SUCCESS', [])];
    },
    generateProjectToken: (args: NameStage, ctx: Context) => {
      authorize(ctx);
      find(args);
      return '';
    },
    addProject: ({ input }: { input: NameStage & { secrets?: string[] | null; clientMutationId?: string } }, ctx: Context) => {
      authorize(ctx);
      const key = `${input.name}@${input.stage}`;
      if (projects.has(key)) throw new CodedError(4005, `Project already exists: '${key}'`);
      const project: RecordedProject = { name: input.name, stage: input.stage, datamodel: '', secrets: input.secrets ?? null, revision: 1 };
      projects.set(key, project);
      return { project: view(project), clientMutationId: input.clientMutationId ?? null };
    },
    deleteProject: ({ input }: { input: NameStage & { clientMutationId?: string } }, ctx: Context) => {
      authorize(ctx);
      const project = find(input);
      projects.delete(`${project.name}@${project.stage}`);
      return { project: view(project), clientMutationId: input.clientMutationId ?? null };
    },
    setCloudSecret: ({ input }: { input: { clientMutationId?: string } }, ctx: Context) => {
      authorize(ctx);
      return { clientMutationId: input.clientMutationId ?? null };
    },
    deploy: (
      { input }: { input: NameStage & { types: string; dryRun?: boolean | null; force?: boolean | null; secrets?: string[] | null; clientMutationId?: string } },
      ctx: Context,
    ) => {
      authorize(ctx);
      const project = find(input);
      const base = { clientMutationId: input.clientMutationId ?? null };
      if (options.deployErrors?.length) return { ...base, errors: options.deployErrors, warnings: [], migration: null, steps: [] };
      const steps = stubSteps(project.datamodel, input.types);
      const warnings = input.force ? [] : (options.deployWarnings ?? []);
      if (warnings.length > 0 || input.dryRun) return { ...base, errors: [], warnings, migration: null, steps };
      if (steps.length === 0) return { ...base, errors: [], warnings: [], migration: null, steps };
      project.revision += 1;
      project.datamodel = input.types;
      project.secrets = input.secrets ?? null;
      return { ...base, errors: [], warnings: [], migration: migration(project, 'PENDING', steps), steps };
    },
  };
}

/** Plausible steps from a naive diff of `type X { field: T }` blocks: Create/DeleteModel, Create/DeleteField. */
function stubSteps(before: string, after: string): Array<Record<string, unknown>> {
  const parse = (sdl: string) => {
    const types = new Map<string, Map<string, string>>();
    for (const m of sdl.matchAll(/\btype\s+(\w+)[^{]*\{([^}]*)\}/g)) {
      const fields = new Map<string, string>();
      for (const f of (m[2] ?? '').matchAll(/^\s*(\w+)\s*:\s*([\w[\]!]+)/gm)) fields.set(f[1] ?? '', f[2] ?? '');
      types.set(m[1] ?? '', fields);
    }
    return types;
  };
  const old = parse(before);
  const next = parse(after);
  const steps: Array<Record<string, unknown>> = [];
  for (const [model, fields] of next) {
    const oldFields = old.get(model);
    if (!oldFields) steps.push({ __typename: 'CreateModel', type: 'CreateModel', name: model });
    for (const [name, typeText] of fields) {
      if (oldFields?.has(name)) continue;
      steps.push({
        __typename: 'CreateField',
        type: 'CreateField',
        model,
        name,
        typeName: typeText.replace(/[[\]!]/g, ''),
        isRequired: typeText.endsWith('!'),
        isList: typeText.startsWith('['),
        unique: false,
        enum: null,
        default: 'None',
        relation: null,
      });
    }
    for (const name of oldFields?.keys() ?? []) {
      if (!fields.has(name)) steps.push({ __typename: 'DeleteField', type: 'DeleteField', model, name });
    }
  }
  for (const model of old.keys()) if (!next.has(model)) steps.push({ __typename: 'DeleteModel', type: 'DeleteModel', name: model });
  return steps;
}
