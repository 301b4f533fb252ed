// A small closed-loop load generator: C clients, each with its own keep-alive connection, each sending
// its next request as soon as the previous answer is complete. Request bodies are serialised before
// the clock starts so the generator spends its CPU on HTTP, not on JSON.stringify; responses are
// not parsed (checked for status 200 and an "errors" key only), since correctness was established
// before measuring. Writes are the exception: each request must insert a row of its own, so their
// bodies are made as they are sent (`prepareFresh`); that costs the generator a JSON.stringify per
// request, the same for every target, and is small next to a committed INSERT.
import http from 'node:http';

/**
 * @param {{ url: string, headers?: Record<string, string>, bodies: Buffer[] }} target
 *   `bodies` is the pre-chosen parameter rotation; all clients share one cursor into it.
 */
export function prepare({ url, headers = {}, bodies }) {
  const { hostname, port, pathname } = new URL(url);
  return bodies.map((body) => ({
    body,
    options: {
      hostname,
      port: Number(port),
      path: pathname,
      method: 'POST',
      headers: { ...headers, 'content-type': 'application/json', 'content-length': String(body.length) },
    },
  }));
}

/**
 * For writes: `makeBody()` is called once per request (across runs: the caller's counter keeps
 * going), so no body is sent twice. Returns a function that runLoad calls for the next request.
 */
export function prepareFresh({ url, headers = {}, makeBody }) {
  const [{ options }] = prepare({ url, headers, bodies: [Buffer.alloc(0)] });
  return () => {
    const body = makeBody();
    return { body, options: { ...options, headers: { ...options.headers, 'content-length': String(body.length) } } };
  };
}

function send(agent, { options, body }) {
  return new Promise((resolve) => {
    const req = http.request({ ...options, agent }, (res) => {
      const chunks = [];
      res.on('data', (c) => chunks.push(c));
      res.on('end', () => {
        const text = Buffer.concat(chunks);
        resolve(res.statusCode === 200 && !text.includes('"errors"') ? null : `HTTP ${res.statusCode}: ${text.toString('utf8', 0, 300)}`);
      });
      res.on('error', (e) => resolve(e.message));
    });
    req.on('error', (e) => resolve(e.message));
    req.end(body);
  });
}

/**
 * Warms up for `warmupMs`, then measures for `durationMs` with the same connections. Returns the
 * completed requests, their latencies (ms) and the errors of the measured phase, plus the number of
 * warm-up errors (a write check needs every failed request). A fresh Agent per run: no socket left
 * idle between runs can be closed by a server's keep-alive timeout under us. `requests` is a
 * `prepare` rotation or a `prepareFresh` function.
 */
export async function runLoad(requests, { concurrency, durationMs, warmupMs }) {
  const agent = new http.Agent({ keepAlive: true, maxSockets: concurrency, maxFreeSockets: concurrency });
  let cursor = 0;
  const next = typeof requests === 'function' ? requests : () => requests[cursor++ % requests.length];
  const phase = async (ms, record) => {
    const until = performance.now() + ms;
    const client = async () => {
      while (performance.now() < until) {
        const started = performance.now();
        const error = await send(agent, next());
        const latency = performance.now() - started;
        if (error === null) record.latencies?.push(latency);
        else {
          record.errors += 1;
          record.firstError ??= error;
        }
      }
    };
    const started = performance.now();
    await Promise.all(Array.from({ length: concurrency }, client));
    return performance.now() - started;
  };
  try {
    // Warm-up latencies are not kept, its errors are counted.
    const warm = { latencies: null, errors: 0, firstError: undefined };
    await phase(warmupMs, warm);
    const record = { latencies: /** @type {number[]} */ ([]), errors: 0, firstError: /** @type {string | undefined} */ (undefined) };
    const elapsedMs = await phase(durationMs, record);
    return { ...record, warmupErrors: warm.errors, elapsedMs, rps: (record.latencies.length * 1000) / elapsedMs };
  } finally {
    agent.destroy();
  }
}
