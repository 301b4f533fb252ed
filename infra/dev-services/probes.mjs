// @ts-check
// Protocol-level checks: an open port alone could be anything, so PostgreSQL must run a query
// and Redis must answer PING.
import net from 'node:net';
import { setTimeout as delay } from 'node:timers/promises';
import tls from 'node:tls';
import pg from 'pg';
import { DevServicesError, PRIVATE_HOST, errorMessage, redactUrl } from './service.mjs';

/** @typedef {import('./service.mjs').HostPort} HostPort */
/** @typedef {HostPort & { tls: boolean }} RedisTarget */
/** @typedef {{ error: boolean, text: string }} RedisReply */

const PROBE_TIMEOUT_MS = 3_000;

/**
 * Connects and runs SELECT 1.
 * @param {string} url
 * @returns {Promise<string | undefined>} why it does not answer, or undefined when it does
 */
export async function postgresProblem(url) {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: PROBE_TIMEOUT_MS, query_timeout: PROBE_TIMEOUT_MS });
  // A server going away after the probe must not become an unhandled 'error' event.
  client.on('error', () => {});
  try {
    await client.connect();
    await client.query('SELECT 1');
    return undefined;
  } catch (error) {
    return errorMessage(error);
  } finally {
    await client.end().catch(() => {});
  }
}

/**
 * Authenticates when the URL carries credentials, then expects +PONG.
 * @param {string} url
 * @returns {Promise<string | undefined>} why it does not answer, or undefined when it does
 */
export async function redisProblem(url) {
  try {
    const target = parseRedisUrl(url);
    const auth = target.password ? [['AUTH', ...(target.username ? [target.username] : []), target.password]] : [];
    const replies = await redisRequest(target, [...auth, ['PING']]);
    const failed = replies.find((reply) => reply.error);
    if (failed) return failed.text;
    const pong = replies.at(-1)?.text;
    return pong === 'PONG' ? undefined : `unexpected reply to PING: ${pong}`;
  } catch (error) {
    return errorMessage(error);
  }
}

/**
 * @param {string} url
 * @returns {RedisTarget & { username: string, password: string }}
 */
function parseRedisUrl(url) {
  const parsed = new URL(url);
  if (parsed.protocol !== 'redis:' && parsed.protocol !== 'rediss:') throw new Error(`not a redis:// or rediss:// URL: ${redactUrl(url)}`);
  return {
    host: parsed.hostname.replace(/^\[(.*)\]$/, '$1') || '127.0.0.1',
    port: Number(parsed.port || 6379),
    tls: parsed.protocol === 'rediss:',
    username: decodeURIComponent(parsed.username),
    password: decodeURIComponent(parsed.password),
  };
}

/**
 * Sends the commands in one go and collects one reply per command. Replies are read as RESP2
 * without nested arrays: enough for AUTH, PING and INFO, and no client library to install.
 * @param {RedisTarget} target @param {string[][]} commands
 * @returns {Promise<RedisReply[]>}
 */
export function redisRequest(target, commands) {
  return new Promise((resolvePromise, reject) => {
    const address = { host: target.host, port: target.port };
    const socket = target.tls ? tls.connect({ ...address, servername: target.host }) : net.connect(address);
    let buffer = Buffer.alloc(0);
    /** @param {Error} error */
    const fail = (error) => {
      socket.destroy();
      reject(error);
    };
    socket.setTimeout(PROBE_TIMEOUT_MS, () => fail(new Error(`no reply within ${PROBE_TIMEOUT_MS} ms`)));
    socket.on('error', fail);
    // After a resolve this rejection is a no-op.
    socket.on('close', () => reject(new Error('connection closed before the reply')));
    socket.once(target.tls ? 'secureConnect' : 'connect', () => socket.write(commands.map(encodeRedisCommand).join('')));
    socket.on('data', (chunk) => {
      buffer = Buffer.concat([buffer, chunk]);
      const replies = parseRedisReplies(buffer);
      if (replies.length < commands.length) return;
      socket.destroy();
      resolvePromise(replies);
    });
  });
}

/** @param {string[]} args */
function encodeRedisCommand(args) {
  return `*${args.length}\r\n${args.map((arg) => `$${Buffer.byteLength(arg)}\r\n${arg}\r\n`).join('')}`;
}

/**
 * The complete replies at the start of `buffer`.
 * @param {Buffer} buffer
 * @returns {RedisReply[]}
 */
function parseRedisReplies(buffer) {
  const replies = [];
  let offset = 0;
  for (;;) {
    const lineEnd = buffer.indexOf('\r\n', offset);
    if (lineEnd < 0) return replies;
    const type = String.fromCharCode(buffer[offset] ?? 0);
    const line = buffer.toString('utf8', offset + 1, lineEnd);
    if (type !== '$' || Number(line) < 0) {
      replies.push({ error: type === '-', text: line });
      offset = lineEnd + 2;
      continue;
    }
    const end = lineEnd + 2 + Number(line);
    if (buffer.length < end + 2) return replies;
    replies.push({ error: false, text: buffer.toString('utf8', lineEnd + 2, end) });
    offset = end + 2;
  }
}

/**
 * Refuses to start a private server on a port someone else holds, which would otherwise show
 * up as a confusing bind error in the server log.
 * @param {number} port @param {string} what @param {string} setting  the variable that moves it
 */
export async function assertPortFree(port, what, setting) {
  if (await portAcceptsConnections({ host: PRIVATE_HOST, port })) {
    throw new DevServicesError('PORT_IN_USE', `cannot start a private ${what}: ${PRIVATE_HOST}:${port} is taken by another process; set ${setting} to a free port`);
  }
}

/**
 * @param {HostPort} address
 * @returns {Promise<boolean>}
 */
export function portAcceptsConnections(address) {
  return new Promise((resolvePromise) => {
    const socket = net.connect(address);
    socket.setTimeout(PROBE_TIMEOUT_MS, () => socket.destroy());
    socket.once('connect', () => {
      socket.destroy();
      resolvePromise(true);
    });
    // A refused connection emits 'error' and then 'close'; 'close' carries the answer.
    socket.on('error', () => {});
    socket.once('close', () => resolvePromise(false));
  });
}

/**
 * @param {() => Promise<string | undefined>} check @param {number} timeoutMs
 * @returns {Promise<string | undefined>} the last problem, or undefined once it answers
 */
export async function waitUntilAnswers(check, timeoutMs) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const problem = await check();
    if (!problem || Date.now() >= deadline) return problem;
    await delay(200);
  }
}
