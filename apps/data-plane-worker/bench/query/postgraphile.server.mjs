// The comparison: PostGraphile 4 (the `postgraphile` library on plain node:http) over the project's
// schema, with the options its docs recommend for production and nothing that would slow it down
// (no watch, no query log, no GraphiQL, no JWT/pgSettings, so read queries run without a transaction).
// Nested mutations (workload (e)) come from postgraphile-plugin-nested-mutations when
// BENCH_NESTED_MUTATIONS_PLUGIN names its index.js (query.bench.mjs installs it in bench/peers).
// Run as a child process by query.bench.mjs; serves POST /graphql.
import { createServer } from 'node:http';
import Module, { createRequire } from 'node:module';
import { dirname } from 'node:path';
import pg from 'pg';
import { likeContains } from './workloads.mjs';

// The installed tree splits PostGraphile over several copies of graphql: the root has graphql@16
// (ours), so npm nests graphql@15 under postgraphile/ and again under the hoisted graphile-build-pg/,
// while other hoisted helpers of it (graphql-parse-resolve-info, …) pick up the root graphql@16.
// Types built by one copy and checked by another fail ("from another module or realm", or null ids
// under NODE_ENV=production). So in this process every bare `graphql` and `graphile-build` request
// resolves from postgraphile's own folder: one copy, as a deduplicated install would have. Nothing
// on disk changes, and no other process is affected.
const require = createRequire(import.meta.url);
const postgraphileMain = require.resolve('postgraphile');
const postgraphileParent = { id: postgraphileMain, filename: postgraphileMain, paths: Module._nodeModulePaths(dirname(postgraphileMain)) };
const resolveFilename = Module._resolveFilename;
Module._resolveFilename = function (request, parent, ...rest) {
  if (/^(graphql|graphile-build)(\/|$)/.test(request)) return resolveFilename.call(this, request, postgraphileParent, ...rest);
  return resolveFilename.call(this, request, parent, ...rest);
};
// required (not imported) so that the hook above is in place first; CommonJS, re-exports graphile-utils.
const { postgraphile, makeAddPgTableConditionPlugin, makeJSONPgSmartTagsPlugin } = require('postgraphile');

const schema = process.env.BENCH_SCHEMA ?? 'bench$dev';
const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: Number(process.env.POOL_SIZE ?? 10), application_name: 'bench-postgraphile' });

const plugins = [
  // Prisma 1 enforces `@unique` with a unique INDEX; PostGraphile 4 only makes `xByY` fields from
  // unique CONSTRAINTS. The smart tag declares the same uniqueness without touching the database.
  // The nested-mutations plugin offers `connectBy<Key>` for every unique constraint of the
  // introspection, and graphile-build-pg adds this tag to it as a (fake) unique constraint, so
  // `connectByEmail` exists as well; a real constraint would change the database the other targets use.
  makeJSONPgSmartTagsPlugin({ version: 1, config: { class: { [`${schema}.User`]: { tags: { unique: 'email' } } } } }),
  // Core PostGraphile 4 conditions are equality only (`contains` needs the connection-filter plugin,
  // not installed here). This is the documented way to add one condition: it becomes a WHERE clause
  // of the same single SQL statement, with the same escaped LIKE pattern Prisma uses.
  makeAddPgTableConditionPlugin(
    schema,
    'Post',
    'titleContains',
    (build) => ({ description: 'Title contains the given string (case-sensitive LIKE).', type: build.graphql.GraphQLString }),
    (value, { sql, sqlTableAlias }) => (typeof value === 'string' ? sql.fragment`${sqlTableAlias}.${sql.identifier('title')} LIKE ${sql.value(likeContains(value))}` : null),
  ),
];
// Installed apart from the workspace (bench/peers/README.md explains why) and loaded by absolute
// path. It requires nothing but `debug` itself: graphql and graphile-build reach it through
// PostGraphile's `build` object, so it uses the one copy the resolve hook above pins.
if (process.env.BENCH_NESTED_MUTATIONS_PLUGIN) plugins.push(require(process.env.BENCH_NESTED_MUTATIONS_PLUGIN));

const handler = postgraphile(pool, schema, {
  watchPg: false,
  disableQueryLog: true,
  dynamicJson: true,
  graphiql: false,
  enableQueryBatching: false,
  ignoreRBAC: false,
  setofFunctionsContainNulls: false,
  legacyRelations: 'omit',
  extendedErrors: ['errcode'],
  showErrorStack: false,
  retryOnInitFail: false,
  appendPlugins: plugins,
});

const server = createServer(handler);
const stop = () => {
  server.close();
  server.closeAllConnections();
  pool.end().finally(() => process.exit(0));
};
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
// The benchmark holds an IPC channel: if it dies, so do we.
process.on('disconnect', stop);
server.listen(Number(process.env.PORT), '127.0.0.1');
