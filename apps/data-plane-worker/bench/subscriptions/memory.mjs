// Memory of the worker child, read from outside without changing the worker:
//   * /proc/<pid>/status  VmRSS — what the OS charges the process (includes freed-but-kept pages,
//                          never shrinks much after a peak);
//   * the inspector       the child is started with --inspect on a loopback port of our own; a short
//                          session forces a full GC (HeapProfiler.collectGarbage) and then reads
//                          process.memoryUsage() in the child, so heap figures are live objects only;
//   * GET /metrics        prom-client's process_resident_memory_bytes / nodejs_heap_size_used_bytes
//                          (served to loopback), as a cross-check, plus the subscription gauges.
// Each reading is a median over a few samples.
import { readFile } from 'node:fs/promises';
import WebSocket from 'ws';
import { median } from '../query/report.mjs';

export async function procStatus(pid) {
  const text = await readFile(`/proc/${pid}/status`, 'utf8');
  const kb = (name) => Number(new RegExp(`^${name}:\\s+(\\d+) kB`, 'm').exec(text)?.[1] ?? NaN) * 1024;
  return { rss: kb('VmRSS'), hwm: kb('VmHWM') };
}

/** `GET /metrics`, parsed into `name{labels}` → value (comments skipped). */
export async function scrapeMetrics(port) {
  const response = await fetch(`http://127.0.0.1:${port}/metrics`);
  if (!response.ok) throw new Error(`GET /metrics: ${response.status}`);
  const values = new Map();
  for (const line of (await response.text()).split('\n')) {
    if (line === '' || line.startsWith('#')) continue;
    const space = line.lastIndexOf(' ');
    values.set(line.slice(0, space), Number(line.slice(space + 1)));
  }
  return values;
}

/** Sum of every series of `name` (any labels). */
export function metricSum(values, name) {
  let sum = 0;
  let found = false;
  for (const [key, value] of values) {
    if (key === name || key.startsWith(`${name}{`)) {
      sum += value;
      found = true;
    }
  }
  return found ? sum : NaN;
}

/** One DevTools-protocol session with the child's inspector. */
export async function inspectorSession(port) {
  const targets = await (await fetch(`http://127.0.0.1:${port}/json/list`)).json();
  const url = targets[0]?.webSocketDebuggerUrl;
  if (!url) throw new Error(`the inspector on port ${port} lists no target`);
  const socket = new WebSocket(url, { perMessageDeflate: false });
  await new Promise((resolve, reject) => {
    socket.once('open', resolve);
    socket.once('error', reject);
  });
  let nextId = 1;
  const pending = new Map();
  socket.on('message', (data) => {
    const message = JSON.parse(data.toString());
    const waiter = pending.get(message.id);
    if (!waiter) return;
    pending.delete(message.id);
    if (message.error) waiter.reject(new Error(`inspector: ${message.error.message}`));
    else waiter.resolve(message.result);
  });
  const call = (method, params = {}) =>
    new Promise((resolve, reject) => {
      const id = nextId++;
      pending.set(id, { resolve, reject });
      socket.send(JSON.stringify({ id, method, params }));
    });
  const close = () =>
    new Promise((resolve) => {
      socket.once('close', resolve);
      socket.close();
    });
  return { call, close };
}

/** Forces two full GCs in the child and returns its process.memoryUsage() right after. */
async function memoryAfterGc(session) {
  await session.call('HeapProfiler.collectGarbage');
  await session.call('HeapProfiler.collectGarbage');
  const { result, exceptionDetails } = await session.call('Runtime.evaluate', { expression: 'JSON.stringify(process.memoryUsage())', returnByValue: true });
  if (exceptionDetails) throw new Error(`inspector: ${exceptionDetails.text}`);
  return JSON.parse(result.value);
}

/**
 * A memory reading of the worker: the median of `samples` samples `gapMs` apart. Fields: rss (proc),
 * metricsRss / metricsHeapUsed (/metrics, no GC), and, with an inspector port, gcHeapUsed,
 * gcExternal, gcArrayBuffers, gcRss (after a forced GC).
 */
export async function readMemory({ pid, port, inspectorPort, samples = 3, gapMs = 300 }) {
  const taken = [];
  // One inspector session for all samples (the child logs "Debugger attached" once per session).
  const session = inspectorPort ? await inspectorSession(inspectorPort) : null;
  try {
    for (let i = 0; i < samples; i++) {
      if (i > 0) await new Promise((r) => setTimeout(r, gapMs));
      const sample = {};
      if (session) {
        const usage = await memoryAfterGc(session);
        Object.assign(sample, { gcHeapUsed: usage.heapUsed, gcExternal: usage.external, gcArrayBuffers: usage.arrayBuffers, gcRss: usage.rss });
      }
      sample.rss = (await procStatus(pid)).rss;
      const metrics = await scrapeMetrics(port);
      sample.metricsRss = metricSum(metrics, 'process_resident_memory_bytes');
      sample.metricsHeapUsed = metricSum(metrics, 'nodejs_heap_size_used_bytes');
      taken.push(sample);
    }
  } finally {
    await session?.close();
  }
  const reading = {};
  for (const key of Object.keys(taken[0])) reading[key] = median(taken.map((s) => s[key]));
  return reading;
}

/** A prom-client histogram of a scrape, all label sets summed: cumulative bucket counts, sum, count. */
export function histogram(values, name) {
  const buckets = new Map();
  for (const [key, value] of values) {
    if (!key.startsWith(`${name}_bucket{`)) continue;
    const le = /le="([^"]+)"/.exec(key)?.[1];
    if (le !== undefined) buckets.set(le, (buckets.get(le) ?? 0) + value);
  }
  return { buckets, sum: metricSum(values, `${name}_sum`), count: metricSum(values, `${name}_count`) };
}

/**
 * What a histogram recorded between two scrapes: count, mean and, per percentile, the upper bound
 * of the bucket it falls in (a histogram knows no more).
 */
export function histogramWindow(before, after, percentiles = [50, 99]) {
  const count = after.count - (Number.isFinite(before.count) ? before.count : 0);
  const sum = after.sum - (Number.isFinite(before.sum) ? before.sum : 0);
  const les = [...after.buckets.keys()].sort((a, b) => (a === '+Inf' ? 1 : b === '+Inf' ? -1 : Number(a) - Number(b)));
  const bound = {};
  for (const p of percentiles) {
    const rank = (p / 100) * count;
    const le = les.find((l) => after.buckets.get(l) - (before.buckets.get(l) ?? 0) >= rank);
    bound[p] = le === undefined ? NaN : le === '+Inf' ? Infinity : Number(le);
  }
  return { count, mean: count > 0 ? sum / count : NaN, bound };
}
