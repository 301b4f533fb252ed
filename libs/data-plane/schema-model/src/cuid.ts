// Prisma 1 identifies nodes and models with 25-character cuids (v1): 'c', a base-36 timestamp,
// a counter, a host fingerprint and random blocks. Stable model identifiers use the same shape so
// that a schema inferred here looks like one written by a Prisma 1 server.
import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';

const BASE = 36;
const BLOCK = 4;
const DISCRETE = BASE ** BLOCK;
let counter = 0;

const pad = (text: string, size: number) => text.padStart(size, '0').slice(-size);

const fingerprint = (() => {
  const pid = pad(process.pid.toString(BASE), 2);
  const host = hostname();
  let sum = host.length + BASE;
  for (const char of host) sum += char.charCodeAt(0);
  return pid + pad(sum.toString(BASE), 2);
})();

// Random bytes are drawn from a pooled buffer: one system call per 256 blocks instead of one per
// block (every request id is a cuid, so this is on the hot path).
const POOL_BYTES = 1024;
let pool = randomBytes(POOL_BYTES);
let offset = 0;

function randomBlock(): string {
  if (offset + 4 > POOL_BYTES) {
    pool = randomBytes(POOL_BYTES);
    offset = 0;
  }
  const value = pool.readUInt32BE(offset);
  offset += 4;
  return pad((value % DISCRETE).toString(BASE), BLOCK);
}

/** A fresh 25-character cuid (v1 layout). */
export function createCuid(): string {
  counter = counter < DISCRETE - 1 ? counter + 1 : 0;
  return 'c' + pad(Date.now().toString(BASE), 8) + pad(counter.toString(BASE), BLOCK) + fingerprint + randomBlock() + randomBlock();
}
