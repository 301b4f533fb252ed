// @ts-check
// Preloaded into every Node process of a prisma1 CLI run (`NODE_OPTIONS=--import <this file>`, see
// prisma1.harness.ts), so the CLI stays offline whatever it tries:
//   * every TCP connection to a host that is not loopback fails at once with ECONNREFUSED
//     (the CLI otherwise reaches sentry.io, stats.prismagraphql.com, api.cloud.prisma.sh,
//     api2.cloud.prisma.sh and registry.npmjs.org);
//   * the usage-statistics child (`prisma-cli-engine/dist/check.js`, spawned detached after each
//     command) is not started at all;
//   * Sentry (raven 2.6.4, hard-wired DSN) reports are dropped before they are serialised, so the
//     CLI neither waits for them nor prints "raven@2.6.4 alert: failed to send …".
// Each blocked attempt is appended as one JSON line to the file named by PRISMA1_OFFLINE_GUARD_LOG
// (if set), so a harness can assert that a command tried nothing else.
import { appendFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import net from 'node:net';

const require = createRequire(import.meta.url);
const logFile = process.env.PRISMA1_OFFLINE_GUARD_LOG;

/** @param {Record<string, unknown>} entry */
function record(entry) {
  if (!logFile) return;
  try {
    appendFileSync(logFile, `${JSON.stringify({ pid: process.pid, ...entry })}\n`);
  } catch {
    // The run's temporary directory may already be gone; nothing to report to then.
  }
}

/** @param {string | undefined} host */
function isLoopback(host) {
  if (host === undefined || host === '') return true; // Node's default host is localhost.
  const h = host.toLowerCase().replace(/^\[|\]$/g, '');
  return h === 'localhost' || h === '::1' || h === '0:0:0:0:0:0:0:1' || /^127\./.test(h) || h === '::ffff:127.0.0.1';
}

// --- network: loopback only -------------------------------------------------------------------
const originalConnect = net.Socket.prototype.connect;
/** @type {(this: net.Socket, ...args: unknown[]) => net.Socket} */
function guardedConnect(...args) {
  // connect(options[, cb]) | connect(path[, cb]) | connect(port[, host][, cb]); http passes [options, cb]
  // as one array argument (the internal "normalized" form).
  const first = Array.isArray(args[0]) ? args[0][0] : args[0];
  let host;
  let port;
  if (first !== null && typeof first === 'object') {
    const options = /** @type {{ host?: string; port?: number | string; path?: string }} */ (first);
    if (options.path !== undefined && options.port === undefined) return originalConnect.apply(this, /** @type {never} */ (args));
    host = options.host;
    port = options.port;
  } else if (typeof first === 'string' && !/^\d+$/.test(first)) {
    return originalConnect.apply(this, /** @type {never} */ (args)); // IPC path
  } else {
    port = first;
    host = typeof args[1] === 'string' ? args[1] : undefined;
  }
  if (isLoopback(host)) return originalConnect.apply(this, /** @type {never} */ (args));
  record({ kind: 'connect', host, port: port === undefined ? undefined : Number(port) });
  const error = Object.assign(new Error(`prisma1 offline guard: connection to ${host}:${port} blocked`), {
    code: 'ECONNREFUSED',
    errno: -111,
    syscall: 'connect',
    address: host,
    port,
  });
  process.nextTick(() => this.destroy(error));
  return this;
}
net.Socket.prototype.connect = /** @type {typeof net.Socket.prototype.connect} */ (/** @type {unknown} */ (guardedConnect));

// --- telemetry child process and Sentry ---------------------------------------------------------
/** @typedef {(this: unknown, request: string, parent: unknown, isMain: boolean) => unknown} LoadFn */
const Module = /** @type {{ _load: LoadFn }} */ (/** @type {unknown} */ (require('node:module')));
const originalLoad = Module._load;
let ravenPatched = false;
/** @type {LoadFn} */
Module._load = function load(request, parent, isMain) {
  const exported = originalLoad.call(this, request, parent, isMain);
  if (request === 'raven' && !ravenPatched && exported && typeof exported === 'object') {
    ravenPatched = true;
    const proto = /** @type {{ send: (kwargs: { event_id?: string }, cb?: (e: unknown, id?: string) => void) => void }} */ (
      Object.getPrototypeOf(exported)
    );
    proto.send = function send(kwargs, cb) {
      record({ kind: 'sentry' });
      if (cb) setTimeout(() => cb(null, kwargs.event_id), 0);
    };
  }
  return exported;
};

const childProcess = require('node:child_process');
const originalSpawn = childProcess.spawn;
/** @type {(this: unknown, ...args: Parameters<typeof childProcess.spawn>) => ReturnType<typeof childProcess.spawn>} */
function guardedSpawn(...args) {
  const [command, argv] = args;
  if (command === process.execPath && Array.isArray(argv) && /[\\/]prisma-cli-engine[\\/]dist[\\/]check\.js$/.test(String(argv[0]))) {
    record({ kind: 'telemetry' });
    // The CLI only calls unref() on the detached child and forgets it: an unspawned one will do.
    return new childProcess.ChildProcess();
  }
  return originalSpawn.apply(this, /** @type {never} */ (args));
}
childProcess.spawn = /** @type {typeof childProcess.spawn} */ (guardedSpawn);
