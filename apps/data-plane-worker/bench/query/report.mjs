// Turns the runs into the printed report. Throughput is the median over rounds; latency percentiles
// are taken over all measured requests of all rounds; a ratio is the median of the per-round ratios,
// because the targets of one round ran back to back and share that moment's machine load.
import os from 'node:os';

export const TARGET_LABEL = { raw: 'raw SQL', postgraphile: 'PostGraphile', refract: 'Refract' };
/**
 * The goals this benchmark tracks (not enforced: a MISS prints, it does not fail the process). A
 * workload may set its own (`goals` in workloads.mjs): the write's target is 0.5x raw.
 */
export const GOALS = { refractVsRaw: 0.7, refractVsPostgraphile: 1.0 };
const goalsOf = (w) => ({ ...GOALS, ...w.goals });

export const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};

function percentile(sorted, p) {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

const pad = (s, n) => String(s).padEnd(n);
const lpad = (s, n) => String(s).padStart(n);
const ms = (x) => (Number.isFinite(x) ? x.toFixed(x < 10 ? 2 : 1) : '-');

/** Writes the tables; `runs[workloadKey][target]` is the list of runLoad results, one per round. */
export function printReport({ workloads, targets, runs, config }) {
  const lines = [];
  const cpus = os.cpus().length;
  lines.push('');
  lines.push(`Query benchmark: ${config.rounds} rounds x ${config.duration}s per workload and target (+${config.warmup}s warm-up), ${config.concurrency} keep-alive clients, pool ${config.pool} per target`);
  lines.push(`Machine: ${cpus} cores (${os.cpus()[0]?.model ?? 'unknown'}), shared with PostgreSQL, the three servers and this load generator; the host is shared with other work,`);
  lines.push('so absolute numbers drift from run to run: compare the ratios (same round, back to back), not the req/s.');
  lines.push('');
  lines.push(`${pad('workload', 54)}${pad('target', 14)}${lpad('req/s', 9)}${lpad('(min-max)', 16)}${lpad('p50 ms', 9)}${lpad('p99 ms', 9)}${lpad('errors', 8)}`);
  for (const w of workloads) {
    for (const t of targets) {
      const rs = runs[w.key]?.[t] ?? [];
      if (rs.length === 0) continue;
      const rps = rs.map((r) => r.rps);
      const all = rs.flatMap((r) => r.latencies).sort((a, b) => a - b);
      const errors = rs.reduce((n, r) => n + r.errors, 0);
      lines.push(
        `${pad(`(${w.key}) ${w.title}`, 54)}${pad(TARGET_LABEL[t], 14)}${lpad(median(rps).toFixed(0), 9)}${lpad(`(${Math.min(...rps).toFixed(0)}-${Math.max(...rps).toFixed(0)})`, 16)}${lpad(ms(percentile(all, 50)), 9)}${lpad(ms(percentile(all, 99)), 9)}${lpad(errors, 8)}`,
      );
    }
  }
  lines.push('');
  const own = workloads.filter((w) => w.goals?.refractVsRaw !== undefined).map((w) => `(${w.key}) ${w.goals.refractVsRaw}x`);
  lines.push(
    `Goals: Refract >= ${GOALS.refractVsRaw}x raw SQL${own.length ? ` (${own.join(', ')})` : ''}, and Refract ahead of PostGraphile, on every workload (throughput ratio, median of per-round ratios)`,
  );
  const ratio = (w, a, b) => {
    const ra = runs[w.key]?.[a] ?? [];
    const rb = runs[w.key]?.[b] ?? [];
    const per = ra.map((r, i) => (rb[i] ? r.rps / rb[i].rps : NaN)).filter(Number.isFinite);
    return per.length ? median(per) : NaN;
  };
  for (const w of workloads) {
    // Refract may be left out of single workloads (not served yet, see verify.mjs).
    if (!runs[w.key]?.refract?.length) {
      const pgRaw = targets.includes('postgraphile') && targets.includes('raw') ? ratio(w, 'postgraphile', 'raw') : NaN;
      lines.push(`(${w.key}) Refract not measured${Number.isFinite(pgRaw) ? `; PostGraphile/raw ${pgRaw.toFixed(2)}x` : ''}`);
      continue;
    }
    const parts = [];
    const goals = goalsOf(w);
    if (targets.includes('raw')) {
      const r = ratio(w, 'refract', 'raw');
      parts.push(`Refract/raw ${r.toFixed(2)}x (goal >= ${goals.refractVsRaw.toFixed(2)}x) ${r >= goals.refractVsRaw ? 'PASS' : 'MISS'}`);
    }
    if (targets.includes('postgraphile')) {
      const r = ratio(w, 'refract', 'postgraphile');
      parts.push(`Refract/PostGraphile ${r.toFixed(2)}x (goal > ${goals.refractVsPostgraphile.toFixed(2)}x) ${r > goals.refractVsPostgraphile ? 'PASS' : 'MISS'}`);
    }
    lines.push(`(${w.key}) ${parts.join('   ')}`);
  }
  console.log(lines.join('\n'));
}
