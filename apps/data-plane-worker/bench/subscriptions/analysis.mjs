// Checks and figures of the subscription benchmark: every subscriber must have received every
// measured event exactly once, in commit (event id) order, with the payload that was written; the
// delays are taken over all N×M deliveries.
import os from 'node:os';
import { KINDS } from './subscribers.mjs';

/** Nearest-rank percentile of an ascending Float64Array. */
export function percentile(sorted, p) {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
}

class Distribution {
  constructor() {
    this.values = [];
  }
  add(x) {
    if (Number.isFinite(x)) this.values.push(x);
  }
  summary() {
    const sorted = Float64Array.from(this.values).sort();
    const mean = sorted.reduce((a, b) => a + b, 0) / (sorted.length || 1);
    return { count: sorted.length, min: sorted[0] ?? NaN, p50: percentile(sorted, 50), p90: percentile(sorted, 90), p99: percentile(sorted, 99), max: sorted[sorted.length - 1] ?? NaN, mean };
  }
}

const MEASURED = /^bench-(\d+)$/;

/**
 * `subscribers`: the records of subscribers.mjs; `sent`: the measured mutations in send order
 * ({title, stamp, sentAt, respondedAt, ok}); `written`: Map title → {eventId, writtenAt (epoch ms)}
 * from the events table. Returns {problems, figures}.
 */
export function analyze({ subscribers, sent, written, unobserved = [] }) {
  const problems = [];
  const bySent = new Map(sent.map((m) => [m.title, m]));
  const expectedTitles = sent.filter((m) => m.ok).map((m) => m.title);
  for (const m of sent) if (!m.ok) problems.push(`mutation ${m.title} failed: ${m.error}`);
  for (const title of expectedTitles) if (!written.has(title)) problems.push(`no CREATED event in the events table for ${title}`);

  const delays = { response: new Distribution(), send: new Distribution(), written: new Distribution() };
  const byKind = {};
  /** Per measured title: earliest and latest receive time over subscribers. */
  const firstLast = new Map();
  const totals = { expected: subscribers.length * expectedTitles.length, received: 0, lost: 0, duplicated: 0, outOfOrderSubscribers: 0, wrongPayload: 0, otherDeliveries: 0 };
  const subscriberProblems = [];
  for (const s of subscribers) {
    const own = [];
    if (s.problems.length > 0) own.push(...s.problems.slice(0, 3), ...(s.problems.length > 3 ? [`… ${s.problems.length - 3} more`] : []));
    // Whole stream (probes included): event ids strictly increasing = no duplicate, commit order.
    let previous = -1n;
    let disordered = false;
    for (let i = 0; i < s.eventIds.length; i++) {
      const id = s.eventIds[i];
      if (id === null) {
        own.push(`delivery ${i} carries no extensions.eventId`);
        disordered = true;
        continue;
      }
      const value = BigInt(id);
      if (value <= previous && !disordered) {
        own.push(`event id ${id} after ${previous} (delivery ${i}): ${value === previous ? 'duplicate' : 'out of order'}`);
        disordered = true;
      }
      if (value > previous) previous = value;
    }
    if (disordered) totals.outOfOrderSubscribers++;
    const seen = new Map();
    const kind = (byKind[s.kind] ??= { subscribers: 0, response: new Distribution() });
    kind.subscribers++;
    for (let i = 0; i < s.titles.length; i++) {
      const title = s.titles[i];
      if (!MEASURED.test(title ?? '')) {
        totals.otherDeliveries++;
        continue;
      }
      totals.received++;
      if (seen.has(title)) {
        totals.duplicated++;
        continue;
      }
      seen.set(title, i);
      const m = bySent.get(title);
      const w = written.get(title);
      if (!m || m.stamp !== s.stamps[i] || (w && w.eventId !== s.eventIds[i])) {
        totals.wrongPayload++;
        if (totals.wrongPayload <= 3) own.push(`${title}: got stamp ${s.stamps[i]} event ${s.eventIds[i]}, wrote stamp ${m?.stamp} event ${w?.eventId}`);
      }
      if (!m) continue;
      const t = s.times[i];
      delays.response.add(t - m.respondedAt);
      delays.send.add(t - m.sentAt);
      if (w) delays.written.add(performance.timeOrigin + t - w.writtenAt);
      kind.response.add(t - m.respondedAt);
      const fl = firstLast.get(title);
      if (!fl) firstLast.set(title, { first: t, last: t });
      else {
        if (t < fl.first) fl.first = t;
        if (t > fl.last) fl.last = t;
      }
    }
    const missing = expectedTitles.filter((title) => !seen.has(title));
    totals.lost += missing.length;
    if (missing.length > 0) own.push(`${missing.length} measured events never arrived (first: ${missing.slice(0, 3).join(', ')})`);
    if (own.length > 0) subscriberProblems.push({ index: s.index, kind: s.kind, own });
  }
  if (totals.lost > 0) problems.push(`${totals.lost} deliveries lost`);
  if (totals.duplicated > 0) problems.push(`${totals.duplicated} measured deliveries duplicated`);
  if (totals.outOfOrderSubscribers > 0) problems.push(`${totals.outOfOrderSubscribers} subscribers saw event ids out of order, duplicated or missing`);
  if (totals.wrongPayload > 0) problems.push(`${totals.wrongPayload} deliveries carried another payload than the one written`);
  if (subscriberProblems.length > 0) problems.push(`${subscriberProblems.length} subscribers reported problems`);

  const pipeline = new Distribution();
  const spread = new Distribution();
  const roundTrip = new Distribution();
  const aloneRoundTrip = new Distribution();
  for (const m of unobserved) if (m.ok) aloneRoundTrip.add(m.respondedAt - m.sentAt);
  /** Per event in send order: from its event row to its last delivery (the whole fan-out done). */
  const completion = [];
  for (const m of sent) {
    if (!m.ok) continue;
    roundTrip.add(m.respondedAt - m.sentAt);
    const fl = firstLast.get(m.title);
    if (!fl) continue;
    pipeline.add(fl.first - m.respondedAt);
    spread.add(fl.last - fl.first);
    const w = written.get(m.title);
    if (w) completion.push(performance.timeOrigin + fl.last - w.writtenAt);
  }
  // Does the delay grow during the run (a backlog) or stay put? Medians of the first and last quarter.
  const quarter = Math.max(1, Math.floor(completion.length / 4));
  const medianOf = (xs) => percentile(Float64Array.from(xs).sort(), 50);
  const trend = { first: medianOf(completion.slice(0, quarter)), last: medianOf(completion.slice(-quarter)), events: quarter };
  // Commit order vs send order: only informative (mutations sent open-loop may overlap).
  const commitOrder = [...written.entries()].filter(([title]) => bySent.has(title)).sort((a, b) => (BigInt(a[1].eventId) < BigInt(b[1].eventId) ? -1 : 1));
  let inversions = 0;
  for (let i = 1; i < commitOrder.length; i++) if (Number(MEASURED.exec(commitOrder[i][0])[1]) < Number(MEASURED.exec(commitOrder[i - 1][0])[1])) inversions++;
  // Delivery throughput over the measured phase: from the first send to the last measured delivery.
  let lastReceive = -Infinity;
  for (const fl of firstLast.values()) if (fl.last > lastReceive) lastReceive = fl.last;
  const phaseMs = sent.length > 0 ? lastReceive - sent[0].sentAt : NaN;
  let overlapping = 0;
  for (let i = 1; i < sent.length; i++) if (sent[i].sentAt < sent[i - 1].respondedAt) overlapping++;

  return {
    problems,
    subscriberProblems,
    figures: {
      totals,
      delays: { response: delays.response.summary(), send: delays.send.summary(), written: delays.written.summary() },
      perEvent: { pipeline: pipeline.summary(), spread: spread.summary(), roundTrip: roundTrip.summary(), aloneRoundTrip: aloneRoundTrip.summary() },
      byKind: Object.fromEntries(Object.entries(byKind).map(([k, v]) => [k, { subscribers: v.subscribers, response: v.response.summary() }])),
      order: { inversions, overlapping },
      throughput: { phaseMs, perSecond: totals.received / (phaseMs / 1000), trend },
    },
  };
}

const pad = (s, n) => String(s).padEnd(n);
const lpad = (s, n) => String(s).padStart(n);
const ms = (x) => (Number.isFinite(x) ? x.toFixed(Math.abs(x) < 10 ? 2 : 1) : '-');
const mib = (bytes) => (Number.isFinite(bytes) ? `${(bytes / 2 ** 20).toFixed(1)} MiB` : '-');
const kib = (bytes) => (Number.isFinite(bytes) ? `${(bytes / 1024).toFixed(1)} KiB` : '-');

const pct = (x) => (Number.isFinite(x) ? `${(x * 100).toFixed(0)} %` : '-');

export function printReport({ config, setup, figures, memory, server, problems, subscriberProblems, eventsCpu }) {
  const lines = [];
  const cpus = os.cpus();
  const { totals, delays, perEvent, byKind, order, throughput } = figures;
  lines.push('');
  lines.push(
    `Subscription benchmark: ${config.subscribers} subscribers on one worker (API pool ${config.pool}), ${config.events} CREATED events sent at ${config.rate}/s, every subscriber on the same document:`,
  );
  lines.push(`  ${config.query}`);
  lines.push(`Machine: ${cpus.length} cores (${cpus[0]?.model ?? 'unknown'}), shared by PostgreSQL, the worker and this load generator, which also reads all ${config.subscribers} sockets`);
  lines.push('(its receive times include its own turn through them); the host is shared with other work, so single figures drift: compare distributions.');
  lines.push(`1-minute load average ${config.loadAtStart} at the start, ${config.loadAtEnd} at the end (above ${cpus.length} = processes queue for CPU).`);
  lines.push('');
  lines.push('Subscribers');
  for (const [kind, v] of Object.entries(byKind)) lines.push(`  ${pad(KINDS[kind] ?? kind, 52)}${lpad(v.subscribers, 6)}`);
  lines.push(`  ${pad(`open, init, subscribe (${config.connectConcurrency} handshakes at a time)`, 52)}${lpad(`${(setup.openMs / 1000).toFixed(1)} s`, 8)}  (${(config.subscribers / (setup.openMs / 1000)).toFixed(0)}/s)`);
  lines.push(`  ${pad('then until every one had an event (probe posts)', 52)}${lpad(`${(setup.liveMs / 1000).toFixed(1)} s`, 8)}  (${setup.probes} probes)`);
  lines.push('');
  lines.push('Deliveries of the measured events');
  lines.push(`  ${pad('expected (subscribers x events)', 52)}${lpad(totals.expected, 10)}`);
  lines.push(`  ${pad('received', 52)}${lpad(totals.received, 10)}`);
  lines.push(`  ${pad('lost', 52)}${lpad(totals.lost, 10)}`);
  lines.push(`  ${pad('duplicated', 52)}${lpad(totals.duplicated, 10)}`);
  lines.push(`  ${pad('subscribers with event ids out of order', 52)}${lpad(totals.outOfOrderSubscribers, 10)}`);
  lines.push(`  ${pad('payloads differing from what was written', 52)}${lpad(totals.wrongPayload, 10)}`);
  lines.push(
    `  (order = event id order = commit order; ${order.overlapping} of ${config.events} mutations were sent before the previous one was answered, ${order.inversions} committed out of send order)`,
  );
  lines.push('');
  lines.push(`${pad('Delay (ms)', 56)}${lpad('p50', 8)}${lpad('p90', 8)}${lpad('p99', 8)}${lpad('max', 8)}${lpad('min', 8)}${lpad('samples', 9)}`);
  const row = (label, d) => lines.push(`  ${pad(label, 54)}${lpad(ms(d.p50), 8)}${lpad(ms(d.p90), 8)}${lpad(ms(d.p99), 8)}${lpad(ms(d.max), 8)}${lpad(ms(d.min), 8)}${lpad(d.count, 9)}`);
  row('commit → delivery (mutation response → receive)', delays.response);
  row('send → receive (stamp)', delays.send);
  row('event written (Event.createdAt) → receive', delays.written);
  lines.push('  per event:');
  row('  mutation round trip (send → response)', perEvent.roundTrip);
  if (perEvent.aloneRoundTrip.count > 0) row('  the same with no subscriber on the worker (before)', perEvent.aloneRoundTrip);
  row('  response → first subscriber receives', perEvent.pipeline);
  row('  first → last subscriber (fan-out spread)', perEvent.spread);
  if (delays.response.min < 0) {
    lines.push('  (a negative response → receive: the worker answered that mutation after it had fanned its event out, its response waiting behind');
    lines.push('  fan-out work in the event loop; then the event row\'s createdAt, clock_timestamp() at the transaction\'s last write, is the closer commit time)');
  }
  lines.push('  commit → delivery by subscriber kind (fan-out follows subscription order: the library clients subscribed first):');
  for (const [kind, v] of Object.entries(byKind)) row(`  ${KINDS[kind] ?? kind}`, v.response);
  const offered = config.subscribers * config.rate;
  const { trend } = throughput;
  const growing = trend.last > 2 * trend.first && trend.last - trend.first > 100;
  lines.push(`Throughput: ${throughput.perSecond.toFixed(0)} deliveries/s from the first send to the last delivery (${(throughput.phaseMs / 1000).toFixed(1)} s); offered ${offered}/s (${config.subscribers} x ${config.rate}/s)`);
  lines.push(
    `  event written → its last delivery, median of the first ${trend.events} events ${ms(trend.first)} ms, of the last ${trend.events} ${ms(trend.last)} ms${growing ? ': the worker fell behind, delays grew with the backlog during the run' : ''}`,
  );
  lines.push('');
  const cpuRow = (label, c) =>
    lines.push(`  ${pad(label, 44)}${lpad(`${c.seconds.toFixed(1)} s`, 8)}${lpad(pct(c.worker), 9)}${lpad(pct(c.self), 10)}${lpad(pct(c.machineBusy), 12)}${lpad(pct(c.machineSteal), 8)}`);
  lines.push(`${pad('CPU (worker, load generator: share of one core)', 46)}${lpad('wall', 8)}${lpad('worker', 9)}${lpad('load gen', 10)}${lpad(`machine/${setup.cpu.cores}`, 12)}${lpad('steal', 8)}`);
  cpuRow('opening the subscribers until all live', setup.cpu);
  if (eventsCpu) {
    cpuRow('measured events, first send → all delivered', eventsCpu);
    lines.push(`  worker CPU per delivery in that phase (mutations included): ${((eventsCpu.workerMs * 1000) / Math.max(1, totals.received)).toFixed(1)} µs`);
  }
  lines.push('');
  const { before, live, after } = memory;
  if (before && live) {
    lines.push(`Worker memory (median of ${config.memorySamples} samples each${config.gc ? '; "after GC" = right after two forced full GCs through the inspector' : ''})`);
    lines.push(`  ${pad('', 36)}${lpad('before', 12)}${lpad('all live', 12)}${lpad('after events', 14)}${lpad('per subscriber', 16)}`);
    const mem = (label, key) => {
      if (!Number.isFinite(before[key])) return;
      lines.push(`  ${pad(label, 36)}${lpad(mib(before[key]), 12)}${lpad(mib(live[key]), 12)}${lpad(mib(after?.[key]), 14)}${lpad(kib((live[key] - before[key]) / config.subscribers), 16)}`);
    };
    mem('JS heap used, after GC', 'gcHeapUsed');
    mem('external (incl. buffers), after GC', 'gcExternal');
    mem('RSS (/proc VmRSS)', 'rss');
    mem('RSS (/metrics)', 'metricsRss');
    mem('JS heap used (/metrics, no GC)', 'metricsHeapUsed');
    lines.push('  per subscriber = (all live − before) / subscribers; RSS keeps pages the heap has freed, the after-GC heap does not.');
    if (!config.gc) lines.push('  (BENCH_GC=0: no forced GC, the heap figures include garbage)');
    lines.push('');
  }
  lines.push(`Worker's own view (/metrics): with all live, refract_subscriptions_active ${server.active}, refract_subscription_connections ${server.connections};`);
  const wd = server.workerDelay;
  if (wd) {
    const bound = (s) => (s === Infinity ? '> 30 s' : Number.isFinite(s) ? `<= ${s * 1000} ms` : '-');
    lines.push(
      `  refract_subscription_delivery_delay_seconds over the measured events (written → handed to the socket): ${wd.count} observations (expected ${totals.expected}), mean ${ms(wd.mean * 1000)} ms, p50 ${bound(wd.bound[50])}, p99 ${bound(wd.bound[99])} (bucket bounds)`,
    );
  }
  if (server.loopLag) lines.push(`  event-loop delay during the measured events (nodejs_eventloop_lag_*): p50 ${ms(server.loopLag.p50)} ms, p99 ${ms(server.loopLag.p99)} ms, max ${ms(server.loopLag.max)} ms`);
  for (const p of subscriberProblems.slice(0, 10)) lines.push(`subscriber ${p.index} (${p.kind}): ${p.own.join('; ')}`);
  if (subscriberProblems.length > 10) lines.push(`… and ${subscriberProblems.length - 10} more subscribers with problems`);
  lines.push(problems.length === 0 ? 'RESULT: every subscriber received every measured event exactly once, in commit order.' : `RESULT: FAILED — ${problems.join('; ')}`);
  console.log(lines.join('\n'));
}
