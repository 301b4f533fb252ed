// Step 5 of the benchmark: before anything is timed, every target answers every workload with every
// parameter, and the answers, reduced to one canonical shape, must be identical. A fast wrong answer
// is not a result.

/** Refract's answer on a project endpoint until the CRUD API lands (project.endpoints.ts). */
const NOT_SERVED_YET = 'not served by this worker version yet';

/** Path and values of the first place where `a` and `b` differ, or null. */
export function firstDifference(a, b, path = '$') {
  if (a === b) return null;
  if (typeof a !== typeof b || a === null || b === null || typeof a !== 'object') return { path, a, b };
  if (Array.isArray(a) !== Array.isArray(b)) return { path, a, b };
  if (Array.isArray(a)) {
    for (let i = 0; i < Math.min(a.length, b.length); i++) {
      const d = firstDifference(a[i], b[i], `${path}[${i}]`);
      if (d) return d;
    }
    return a.length === b.length ? null : { path: `${path}.length`, a: a.length, b: b.length };
  }
  for (const key of new Set([...Object.keys(a), ...Object.keys(b)])) {
    const d = firstDifference(a[key], b[key], `${path}.${key}`);
    if (d) return d;
  }
  return null;
}

const show = (v) => {
  const s = JSON.stringify(v);
  return s === undefined ? 'undefined' : s.length > 200 ? `${s.slice(0, 200)}…` : s;
};

async function ask(target, workload, params) {
  const response = await fetch(target.url, {
    method: 'POST',
    headers: { ...target.headers, 'content-type': 'application/json' },
    body: JSON.stringify(target.body(workload, params)),
  });
  const text = await response.text();
  let body;
  try {
    body = JSON.parse(text);
  } catch {
    throw new Error(`HTTP ${response.status}, not JSON: ${text.slice(0, 200)}`);
  }
  return target.extract(workload, body);
}

/**
 * Compares every target with the first one (the reference, raw SQL unless excluded). Returns the
 * targets to measure, and per workload key the targets that do not serve it yet (`unserved`):
 * Refract is left out, with a notice, of each workload it answers with "not served yet" (say the
 * mutations while the reads are served), and of the run if that is all of them; any other error or
 * difference is reported and makes `ok` false.
 */
export async function verifyTargets({ targets, order, workloads, params }) {
  const [reference, ...others] = order;
  let ok = true;
  const measured = new Set(order);
  const unserved = Object.fromEntries(workloads.map((w) => [w.key, new Set()]));
  let checked = 0;
  for (const w of workloads) {
    for (const p of params[w.key]) {
      let expected;
      try {
        expected = await ask(targets[reference], w, p);
      } catch (error) {
        console.error(`(${w.key}) ${reference} failed for ${show(p)}: ${error.message}`);
        return { ok: false, measured: [...measured], unserved };
      }
      for (const t of others) {
        if (!measured.has(t) || unserved[w.key].has(t)) continue;
        let actual;
        try {
          actual = await ask(targets[t], w, p);
        } catch (error) {
          if (t === 'refract' && error.message.includes(NOT_SERVED_YET)) {
            console.log(`NOTE: (${w.key}) is not served by this worker build yet ("${NOT_SERVED_YET}"): Refract is left out of (${w.key}).`);
            unserved[w.key].add(t);
            continue;
          }
          console.error(`(${w.key}) ${t} failed for params ${show(p)}: ${error.message}`);
          measured.delete(t);
          ok = false;
          continue;
        }
        const d = firstDifference(expected, actual);
        if (d) {
          console.error(`(${w.key}) ${t} differs from ${reference} for params ${show(p)} at ${d.path}:\n  ${reference}: ${show(d.a)}\n  ${t}: ${show(d.b)}`);
          measured.delete(t);
          ok = false;
        }
        checked += 1;
      }
    }
  }
  if (others.length === 0) console.log(`Only ${reference} selected: nothing to compare it with.`);
  else console.log(`Checked ${checked} responses against ${reference}: ${ok ? 'all identical' : 'DIFFERENCES FOUND'}.`);
  const served = (t) => workloads.some((w) => !unserved[w.key].has(t));
  return { ok, measured: order.filter((t) => measured.has(t) && served(t)), unserved };
}
