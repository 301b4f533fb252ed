// BENCH_PROFILE=<file.cpuprofile>: a CPU profile of the worker over the measured events only (not
// start-up, not the subscribe phase), taken through the inspector the bench already starts the
// worker with, written to the file (open it in Chrome DevTools or speedscope) and summarised here.
// The profiler samples wall time while the worker runs JavaScript or native code, so on a machine
// where the worker waits for a core, preempted time counts to whatever it was doing.
import { writeFile } from 'node:fs/promises';
import { inspectorSession } from './memory.mjs';

export async function startProfile(inspectorPort) {
  const session = await inspectorSession(inspectorPort);
  await session.call('Profiler.enable');
  await session.call('Profiler.setSamplingInterval', { interval: 500 });
  await session.call('Profiler.start');
  return {
    /** Stops, writes the profile to `file` and returns the summary lines. */
    async stop(file) {
      const { profile } = await session.call('Profiler.stop');
      await session.call('Profiler.disable');
      await session.close();
      await writeFile(file, JSON.stringify(profile));
      return summarise(profile);
    },
  };
}

const shortUrl = (url) =>
  url
    .replace(/^file:\/\//, '')
    .replace(/.*\/node_modules\//, '')
    .replace(/.*\/apps\/data-plane-worker\/dist\//, 'worker/')
    .replace(/.*\/libs\/[^/]+\/([^/]+)\/dist\//, '@refract/$1/');

/** Where the samples fall: self time by function, and inclusive time of a few telling frames. */
function summarise(profile) {
  const nodes = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const time = new Map();
  let total = 0;
  for (let i = 0; i < profile.samples.length; i++) {
    const dt = profile.timeDeltas[i] ?? 0;
    time.set(profile.samples[i], (time.get(profile.samples[i]) ?? 0) + dt);
    total += dt;
  }
  const label = (n) => `${n.callFrame.functionName || '(anonymous)'} ${shortUrl(n.callFrame.url)}${n.callFrame.url ? `:${n.callFrame.lineNumber + 1}` : ''}`.trim();
  const self = new Map();
  const inclusive = new Map();
  for (const [id, t] of time) {
    const key = label(nodes.get(id));
    self.set(key, (self.get(key) ?? 0) + t);
    const seen = new Set();
    for (let cur = id; cur !== undefined; cur = parent.get(cur)) {
      const n = nodes.get(cur);
      const k = `${n.callFrame.functionName}|${shortUrl(n.callFrame.url)}`;
      if (seen.has(k)) continue;
      seen.add(k);
      inclusive.set(k, (inclusive.get(k) ?? 0) + t);
    }
  }
  const share = (t) => `${((100 * t) / total).toFixed(1).padStart(5)} %`;
  const lines = [`CPU profile of the worker over the measured events (${(total / 1e6).toFixed(1)} s sampled), self time:`];
  for (const [key, t] of [...self].sort((a, b) => b[1] - a[1]).slice(0, 15)) lines.push(`  ${share(t)}  ${key}`);
  const frames = [
    ['sendJson|worker/subscriptions/socket.frames.js', 'sendJson (JSON.stringify + ws send, per subscriber)'],
    ['writev|', 'writev (one per WebSocket frame)'],
    ['sharedPayload|worker/subscriptions/subscription.engine.js', 'sharedPayload (payload reads, shared)'],
    ['eventDelivered|worker/metrics/subscription.metrics.js', 'eventDelivered (delay histogram)'],
    ['handle|worker/http/server.js', 'HTTP request handling (the mutations; synchronous parts)'],
    ['(garbage collector)|', 'garbage collector'],
    ['(idle)|', 'idle (waiting for I/O)'],
  ];
  lines.push('  inclusive:');
  for (const [key, name] of frames) if (inclusive.has(key)) lines.push(`  ${share(inclusive.get(key))}  ${name}`);
  return lines;
}
