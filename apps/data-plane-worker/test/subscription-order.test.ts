// Regression: events are read in id order, not in the text order of their ids ("10" sorts before
// "9"): a subscriber that resumes while writes continue gets every event once, in commit order,
// across the ids where their decimal length changes.
import { signHs256 } from '@refract/shared';
import { createClient } from 'graphql-ws';
import { expect, it } from 'vitest';
import WebSocket from 'ws';
import { useWorker } from './worker.harness.js';

const TOKEN = signHs256({}, 's1');
const auth = { authorization: `Bearer ${TOKEN}` };
const worker = useWorker('subsorder');

it('a subscriber resuming under concurrent writes gets every event once, in commit order', async () => {
  await worker.management('mutation { addProject(input: {name: "blog", stage: "dev", secrets: ["s1"]}) { project { name } } }');
  await worker.management('mutation ($t: String!) { deploy(input: {name: "blog", stage: "dev", types: $t, secrets: ["s1"]}) { errors { description } } }', { t: 'type Post { id: ID! @id title: String! }' });
  await worker.settled();
  const url = `${worker.url.replace('http', 'ws')}/blog/dev`;
  // a first subscriber makes Post watched
  const c0 = createClient({ url, webSocketImpl: WebSocket, connectionParams: { Authorization: `Bearer ${TOKEN}` }, lazy: false, retryAttempts: 0 });
  const seen0: string[] = [];
  c0.subscribe({ query: 'subscription { post { node { title } } }' }, { next: (v) => void seen0.push(String((v.extensions as any)?.eventId)), error: () => {}, complete: () => {} });
  for (let i = 0; seen0.length === 0; i++) { await worker.post('/blog/dev', { query: `mutation { createPost(data: {title: "p${i}"}) { id } }` }, auth); await new Promise((r) => setTimeout(r, 100)); }
  const resumeFrom = seen0[seen0.length - 1]!;
  await c0.dispose();
  let stop = false;
  const writer = (async () => { for (let i = 0; !stop; i++) { await worker.post('/blog/dev', { query: `mutation { createPost(data: {title: "w${i}"}) { id } }` }, auth); } })();
  await new Promise((r) => setTimeout(r, 500));
  const got: string[] = [];
  const c1 = createClient({ url, webSocketImpl: WebSocket, connectionParams: { Authorization: `Bearer ${TOKEN}` }, lazy: false, retryAttempts: 0 });
  c1.subscribe({ query: 'subscription { post { node { title } } }', extensions: { lastEventId: resumeFrom } }, { next: (v) => void got.push(String((v.extensions as any)?.eventId)), error: () => {}, complete: () => {} });
  await new Promise((r) => setTimeout(r, 1500));
  stop = true; await writer;
  await new Promise((r) => setTimeout(r, 500));
  await c1.dispose();
  const ids = got.map(Number);
  // Enough events to cross from one-digit to two-digit ids, with none missing after the resume point.
  expect(ids.length).toBeGreaterThan(10);
  expect(ids).toEqual(Array.from({ length: ids.length }, (_, i) => Number(resumeFrom) + 1 + i));
});
