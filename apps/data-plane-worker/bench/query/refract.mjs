// The Refract side of the query benchmark, done the way deploy.bench.mjs and real users do it:
// the built worker as a child process, the service deployed through the management API with a
// service secret, and CRUD requests carrying an HS256 service token.
import { createHmac } from 'node:crypto';
import { join } from 'node:path';
import { startChild, waitUntilReady } from './children.mjs';

export const SERVICE = 'bench';
export const STAGE = 'dev';
/** The project's PostgreSQL schema (spec §4.1: one schema per project, named by its id). */
export const SCHEMA = `${SERVICE}$${STAGE}`;

export const DATAMODEL = `type User {
  id: ID! @id
  email: String! @unique
  name: String!
  posts: [Post!]!
}

type Post {
  id: ID! @id
  title: String!
  published: Boolean! @default(value: false)
  createdAt: DateTime! @createdAt
  author: User! @relation(link: INLINE)
  comments: [Comment!]!
}

type Comment {
  id: ID! @id
  text: String!
  post: Post! @relation(link: INLINE)
}
`;

function hs256(payload, secret) {
  const b64 = (v) => Buffer.from(JSON.stringify(v)).toString('base64url');
  const head = `${b64({ alg: 'HS256', typ: 'JWT' })}.${b64(payload)}`;
  return `${head}.${createHmac('sha256', secret).update(head).digest('base64url')}`;
}

/** Management token as the CLI signs it (spec §11.3): grants + mandatory exp. */
export function managementToken(secret) {
  const now = Math.floor(Date.now() / 1000);
  return hs256({ grants: [{ target: '*/*', action: '*' }], iat: now, exp: now + 3600 }, secret);
}

/** Service token as prisma-client-lib signs it (spec §11.2): `jwt.sign({}, secret)`, i.e. only `iat`. */
export function serviceToken(secret) {
  return hs256({ iat: Math.floor(Date.now() / 1000) }, secret);
}

/**
 * Starts dist/main.js on `databaseUrl` and returns the child at once (so the caller can register
 * its cleanup before anything can fail) with `ready`, which resolves once GET /status answers.
 */
export function startWorker({ root, databaseUrl, port, managementSecret, poolSize }) {
  const child = startChild(join(root, 'apps/data-plane-worker/dist/main.js'), {
    DATABASE_URL: databaseUrl,
    API_POOL_SIZE: String(poolSize),
    PORT: String(port),
    MANAGEMENT_API_SECRET: managementSecret,
    LOG_LEVEL: 'warn',
    NODE_ENV: 'production',
  });
  const ready = waitUntilReady('the Refract worker', child, async () => (await fetch(`http://127.0.0.1:${port}/status`)).ok, 30_000);
  return { child, ready };
}

/** addProject + deploy with a service secret, then waits for the migration to be SUCCESS (spec §12). */
export async function deployBenchService({ port, managementSecret, serviceSecret }) {
  const call = async (query, variables = {}) => {
    const response = await fetch(`http://127.0.0.1:${port}/management`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${managementToken(managementSecret)}` },
      body: JSON.stringify({ query, variables }),
    });
    const body = await response.json();
    if (body.errors) throw new Error(`management API: ${JSON.stringify(body.errors)}`);
    return body.data;
  };
  const names = { n: SERVICE, s: STAGE, secrets: [serviceSecret] };
  await call('mutation ($n: String!, $s: String!, $secrets: [String!]) { addProject(input: {name: $n, stage: $s, secrets: $secrets}) { project { name } } }', names);
  const { deploy } = await call(
    'mutation ($n: String!, $s: String!, $t: String!, $secrets: [String!]) { deploy(input: {name: $n, stage: $s, types: $t, secrets: $secrets}) { migration { revision } errors { type field description } } }',
    { ...names, t: DATAMODEL },
  );
  if (deploy.errors.length > 0) throw new Error(`deploy rejected the datamodel: ${JSON.stringify(deploy.errors)}`);
  const deadline = Date.now() + 60_000;
  for (;;) {
    const { migrationStatus } = await call('query ($n: String!, $s: String!) { migrationStatus(name: $n, stage: $s) { status errors } }', names);
    if (migrationStatus.status === 'SUCCESS') return;
    if (migrationStatus.errors.length > 0) throw new Error(`migration failed: ${migrationStatus.errors.join('\n')}`);
    if (Date.now() > deadline) throw new Error(`migration still ${migrationStatus.status} after 60 s`);
    await new Promise((r) => setTimeout(r, 20));
  }
}
