// The CLI invocations whose requests are kept as fixtures under fixtures/cli-requests/, and how a
// recorded run is turned into a stable fixture (no ports, no timestamps, JWTs shown decoded).
import { decodeJwt, startCliRequestRecorder, verifyHs256, type CliRequestRecorderOptions, type RecordedRequest } from './cli-request.recorder.ts';
import { createCliProject, runPrisma1, type BlockedAttempt } from './prisma1.harness.ts';

export const MANAGEMENT_SECRET = 'management-secret-for-fixtures';
export const SERVICE_SECRET = 'service-secret-for-fixtures';
export const SERVICE = 'app';
export const STAGE = 'dev';

export const DATAMODEL_V1 = 'type User {\n  id: ID! @id\n  email: String! @unique\n}\n';
export const DATAMODEL_V2 = 'type User {\n  id: ID! @id\n  email: String! @unique\n  name: String\n}\n\ntype Post {\n  id: ID! @id\n  title: String!\n}\n';

export interface CliScenario {
  /** Fixture file name (without extension): the command, flags joined with `--`. */
  name: string;
  args: string[];
  /** One sentence: the server state and environment the requests were recorded in. */
  setup: string;
  recorder: CliRequestRecorderOptions;
  datamodel: string;
  /** Set PRISMA_MANAGEMENT_API_SECRET for the CLI (default true). */
  managementSecretEnv?: boolean;
  /** Put `secret:` into prisma.yml (default true). */
  serviceSecret?: boolean;
}

const existingProject = { name: SERVICE, stage: STAGE, datamodel: DATAMODEL_V1, secrets: [SERVICE_SECRET] };
const secured = { managementApiSecret: MANAGEMENT_SECRET };

export const CLI_SCENARIOS: CliScenario[] = [
  {
    name: 'deploy',
    args: ['deploy'],
    setup: 'First deploy: the project does not exist yet; the server requires the management secret, which the CLI has.',
    recorder: { ...secured },
    datamodel: DATAMODEL_V1,
  },
  {
    name: 'deploy.open-server',
    args: ['deploy'],
    setup: 'First deploy to a server without a management secret; PRISMA_MANAGEMENT_API_SECRET is not set.',
    recorder: {},
    datamodel: DATAMODEL_V1,
    managementSecretEnv: false,
  },
  {
    name: 'deploy.unchanged',
    args: ['deploy'],
    setup: 'The project exists with the same datamodel: the server answers with no steps.',
    recorder: { ...secured, projects: [existingProject] },
    datamodel: DATAMODEL_V1,
  },
  {
    name: 'deploy--dry-run',
    args: ['deploy', '--dry-run'],
    setup: 'The project exists; the datamodel adds a field and a type.',
    recorder: { ...secured, projects: [existingProject] },
    datamodel: DATAMODEL_V2,
  },
  {
    name: 'deploy--force',
    args: ['deploy', '--force'],
    setup: 'The project exists; the server would return a warning without force.',
    recorder: {
      ...secured,
      projects: [existingProject],
      deployWarnings: [{ type: 'User', field: 'name', description: 'recorder stub warning' }],
    },
    datamodel: DATAMODEL_V2,
  },
  {
    name: 'deploy--no-migrate',
    args: ['deploy', '--no-migrate'],
    setup: 'The project exists; the datamodel adds a field and a type.',
    recorder: { ...secured, projects: [existingProject] },
    datamodel: DATAMODEL_V2,
  },
  {
    name: 'info',
    args: ['info'],
    setup: 'The project exists.',
    recorder: { ...secured, projects: [existingProject] },
    datamodel: DATAMODEL_V1,
  },
  {
    name: 'list',
    args: ['list'],
    setup: 'The project exists; HOME is empty (1.34.12 only lists clusters it knows, and knows none).',
    recorder: { ...secured, projects: [existingProject] },
    datamodel: DATAMODEL_V1,
  },
  {
    name: 'token',
    args: ['token'],
    setup: 'prisma.yml has a service secret (the token is signed locally).',
    recorder: { ...secured, projects: [existingProject] },
    datamodel: DATAMODEL_V1,
  },
  {
    name: 'cluster-token',
    args: ['cluster-token'],
    setup: 'The server requires the management secret, which the CLI has.',
    recorder: { ...secured, projects: [existingProject] },
    datamodel: DATAMODEL_V1,
  },
  {
    name: 'delete--force',
    args: ['delete', '--force'],
    setup: 'The project exists.',
    recorder: { ...secured, projects: [existingProject] },
    datamodel: DATAMODEL_V1,
  },
  {
    name: 'reset--force',
    args: ['reset', '--force'],
    setup: 'The project exists; prisma.yml has a service secret.',
    recorder: { ...secured, projects: [existingProject] },
    datamodel: DATAMODEL_V1,
  },
];

/** How a request's Authorization header is shown in a fixture. */
export type FixtureAuthorization =
  | null
  | string
  | { scheme: 'Bearer'; alg: unknown; signedWith: string; claims: Record<string, unknown> };

export interface FixtureRequest {
  method: string;
  path: string;
  contentType: string | null;
  authorization: FixtureAuthorization;
  /** The exact GraphQL document, when the body is `{ query }`. */
  query?: string;
  variables?: unknown;
  operationName?: unknown;
  /** Any other body, verbatim. */
  body?: string;
}

export interface CliRequestFixture {
  command: string;
  setup: string;
  exitCode: number | null;
  requests: FixtureRequest[];
  /** What the offline guard refused (Prisma Cloud calls, usage statistics, Sentry). */
  blockedOutbound: BlockedAttempt[];
  /** For reading only (not compared): the CLI's output with ports and durations masked. */
  stdout: string;
  stderr: string;
}

/** Runs one scenario against a fresh recorder and returns its fixture. */
export async function recordScenario(scenario: CliScenario): Promise<CliRequestFixture> {
  const recorder = await startCliRequestRecorder(scenario.recorder);
  const project = createCliProject({
    endpoint: `${recorder.origin}/${SERVICE}/${STAGE}`,
    datamodel: scenario.datamodel,
    ...(scenario.serviceSecret === false ? {} : { secret: SERVICE_SECRET }),
  });
  try {
    const result = await runPrisma1(scenario.args, {
      cwd: project.dir,
      env: scenario.managementSecretEnv === false ? {} : { PRISMA_MANAGEMENT_API_SECRET: MANAGEMENT_SECRET },
      timeoutMs: 60_000,
    });
    const mask = (text: string) =>
      text
        .replaceAll(`127.0.0.1:${recorder.port}`, '127.0.0.1:<port>')
        .replace(/\b\d+ms\b/g, '<n>ms')
        .replace(/\beyJ[\w-]+\.[\w-]+\.[\w-]+/g, (jwt) => {
          const described = describeAuthorization(`Bearer ${jwt}`);
          return typeof described === 'object' && described !== null
            ? `<JWT ${String(described.alg)} signed with ${described.signedWith}: ${JSON.stringify(described.claims)}>`
            : '<JWT>';
        });
    return {
      command: `prisma1 ${scenario.args.join(' ')}`,
      setup: scenario.setup,
      exitCode: result.code,
      requests: recorder.requests.map(toFixtureRequest),
      blockedOutbound: result.blocked,
      stdout: mask(result.stdout),
      stderr: mask(result.stderr),
    };
  } finally {
    project.cleanup();
    await recorder.close();
  }
}

function toFixtureRequest(request: RecordedRequest): FixtureRequest {
  const fixture: FixtureRequest = {
    method: request.method,
    path: request.path,
    contentType: request.headers['content-type'] ?? null,
    authorization: describeAuthorization(request.headers.authorization),
  };
  const json = request.json as { query?: unknown; variables?: unknown; operationName?: unknown } | undefined;
  if (json && typeof json === 'object' && !Array.isArray(json) && typeof json.query === 'string') {
    fixture.query = json.query;
    if ('variables' in json) fixture.variables = json.variables;
    if ('operationName' in json) fixture.operationName = json.operationName;
  } else if (request.body !== '') {
    fixture.body = request.body;
  }
  return fixture;
}

/** A JWT shown by what it is: who signed it and its claims, with `iat`/`exp` made relative. */
export function describeAuthorization(header: string | undefined): FixtureAuthorization {
  if (header === undefined) return null;
  const match = /^Bearer (eyJ[\w-]+\.[\w-]+\.[\w-]+)$/.exec(header);
  const token = match?.[1];
  const decoded = token === undefined ? null : decodeJwt(token);
  if (token === undefined || decoded === null) return header;
  const signedWith =
    verifyHs256(token, MANAGEMENT_SECRET) !== null
      ? 'PRISMA_MANAGEMENT_API_SECRET'
      : verifyHs256(token, SERVICE_SECRET) !== null
        ? 'prisma.yml secret'
        : 'unknown key';
  const claims: Record<string, unknown> = { ...decoded.payload };
  const iat = typeof claims.iat === 'number' ? claims.iat : undefined;
  if (iat !== undefined) claims.iat = '<iat>';
  if (typeof claims.exp === 'number') claims.exp = iat === undefined ? '<exp>' : `<iat + ${claims.exp - iat} s>`;
  if (typeof claims.nbf === 'number') claims.nbf = iat === undefined ? '<nbf>' : `<iat + ${claims.nbf - iat} s>`;
  return { scheme: 'Bearer', alg: decoded.header.alg, signedWith, claims };
}

/** The same requests as GraphQL text, for reading: one block per request, in order. */
export function fixtureAsGraphQL(fixture: CliRequestFixture, introspectionQuery: string | undefined): string {
  const header = [`# ${fixture.command}`, `# ${fixture.setup}`, `# Exit code ${String(fixture.exitCode)}; exact bodies and headers: the .json file next to this one.`];
  if (fixture.requests.length === 0) return `${header.join('\n')}\n\n# No HTTP request is sent.\n`;
  const blocks = fixture.requests.map((r, i) => {
    const auth = r.authorization === null ? 'no Authorization' : typeof r.authorization === 'string' ? `Authorization: ${r.authorization}` : `Authorization: Bearer <JWT signed with ${r.authorization.signedWith}>`;
    const lines = [`# ${i + 1}. ${r.method} ${r.path} (${auth})`];
    if (r.variables !== undefined) lines.push(`# variables: ${JSON.stringify(r.variables)}`);
    if (r.query !== undefined) lines.push(r.query === introspectionQuery ? '# (the introspection query: introspection-query.graphql)' : r.query.trim());
    else if (r.body !== undefined) lines.push(`# body: ${r.body}`);
    return lines.join('\n');
  });
  return `${header.join('\n')}\n\n${blocks.join('\n\n')}\n`;
}

/** The introspection query the CLI sends before `deploy`, taken from a recorded fixture. */
export function introspectionQueryOf(fixtures: CliRequestFixture[]): string | undefined {
  for (const fixture of fixtures) {
    const found = fixture.requests.find((r) => r.query?.includes('query IntrospectionQuery'));
    if (found?.query !== undefined) return found.query;
  }
  return undefined;
}
