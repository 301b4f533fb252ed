// A small closed-loop load generator: C clients, each with its own keep-alive connection, each sending
// its next request as soon as the previous answer is complete. Request bodies are serialised before
// the clock starts so the generator spends its CPU on HTTP, not on JSON.stringify; responses are
// not parsed (checked for status 200 and an "errors" key only), since correctness was established
// before measuring.
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
 * completed requests, their latencies (ms) and the errors of the measured phase. A fresh Agent per
 * run: no socket left idle between runs can be closed by a server's keep-alive timeout under us.
 */
export async function runLoad(requests, { concurrency, durationMs, warmupMs }) {
  const agent = new http.Agent({ keepAlive: true, maxSockets: concurrency, maxFreeSockets: concurrency });
  let cursor = 0;
  const next = () => requests[cursor++ % requests.length];
  const phase = async (ms, record) => {
    const until = performance.now() + ms;
    const client = async () => {
      while (performance.now() < until) {
        const started = performance.now();
        const error = await send(agent, next());
        const latency = performance.now() - started;
        if (record) {
          if (error === null) record.latencies.push(latency);
          else {
            record.errors += 1;
            record.firstError ??= error;
          }
        }
      }
    };
    const started = performance.now();
    await Promise.all(Array.from({ length: concurrency }, client));
    return performance.now() - started;
  };
  try {
    await phase(warmupMs, null);
    const record = { latencies: /** @type {number[]} */ ([]), errors: 0, firstError: /** @type {string | undefined} */ (undefined) };
    const elapsedMs = await phase(durationMs, record);
    return { ...record, elapsedMs, rps: (record.latencies.length * 1000) / elapsedMs };
  } finally {
    agent.destroy();
  }
}
