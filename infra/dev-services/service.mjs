// @ts-check
// The vocabulary shared by the dev-services modules: what a found service looks like, its URL,
// and the errors a caller can act on. It imports nothing: infra/start.mjs loads it before
// `npm install` has run.

/**
 * @typedef {'env' | 'running' | 'started'} Source
 *
 * @typedef {object} ServiceInfo
 * @property {Source} source  from the environment, found already running, or started now
 * @property {string} url
 * @property {boolean} private  whether it is a private server living under the data folder
 * @property {string} [dataDir]  private servers only
 * @property {string} [logFile]  private servers only
 * @property {number} [pid]  private servers only
 *
 * @typedef {{ host: string, port: number }} HostPort
 *
 * @typedef {object} Context
 * @property {(line: string) => void} log  progress lines for humans
 * @property {number} timeoutMs  how long a starting server may take to answer
 */

/** Private servers listen on loopback only: they trust every local connection. */
export const PRIVATE_HOST = '127.0.0.1';

/**
 * @typedef {'BAD_SETTING' | 'UNREACHABLE' | 'BINARIES_MISSING' | 'PORT_IN_USE' | 'PERMISSION' | 'START_FAILED' | 'STOP_FAILED' | 'LOCKED'} DevServicesErrorCode
 */

/** A failure the caller can act on; `code` says which kind without parsing the message. */
export class DevServicesError extends Error {
  /**
   * @param {DevServicesErrorCode} code
   * @param {string} message
   */
  constructor(code, message) {
    super(message);
    this.name = 'DevServicesError';
    this.code = code;
  }
}

/**
 * @param {Source} source @param {string} url @param {{ dataDir: string, logFile: string, pid?: number | undefined }} where
 * @returns {ServiceInfo}
 */
export function privateInfo(source, url, { dataDir, logFile, pid }) {
  return { source, url, private: true, dataDir, logFile, ...(pid ? { pid } : {}) };
}

/** @param {HostPort} address */
export function formatHostPort({ host, port }) {
  return `${host.includes(':') ? `[${host}]` : host}:${port}`;
}

/** The URL of a trust-auth server, as the local default and the private server are. @param {HostPort} address */
export function postgresUrl(address) {
  return `postgres://postgres@${formatHostPort(address)}/postgres`;
}

/** @param {HostPort} address */
export function redisUrl(address) {
  return `redis://${formatHostPort(address)}`;
}

/**
 * The URL with its password masked, for messages.
 * @param {string} url
 */
export function redactUrl(url) {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    return parsed.toString();
  } catch {
    return url.replace(/\/\/([^:/@]*):[^@]*@/, '//$1:***@');
  }
}

/** @param {unknown} error */
export function errorCode(error) {
  return error && typeof error === 'object' && 'code' in error ? String(error.code) : undefined;
}

/**
 * @param {unknown} error
 * @returns {string}
 */
export function errorMessage(error) {
  // Node's dual-stack connect rejects with an AggregateError whose own message is empty.
  if (error instanceof AggregateError && error.errors.length > 0) return [...new Set(error.errors.map(errorMessage))].join('; ');
  if (error instanceof Error) return error.message || errorCode(error) || error.name;
  return String(error);
}
