import { describe, expect, it } from 'vitest';
import type { IncomingMessage } from 'node:http';
import { metricsAccess, metricsCallerOf, type MetricsCaller } from './metrics.endpoint.js';

const local: MetricsCaller = { authorization: undefined, remoteAddress: '127.0.0.1', host: '127.0.0.1:4466', forwarded: false };
const TOKEN = 'a-metrics-token-of-some-length';

describe('metricsAccess without METRICS_TOKEN', () => {
  it.each([
    ['IPv4 loopback', local],
    ['another 127/8 address and localhost', { ...local, remoteAddress: '127.0.0.53', host: 'localhost:4466' }],
    ['IPv6 loopback', { ...local, remoteAddress: '::1', host: '[::1]:4466' }],
    ['IPv4-mapped loopback', { ...local, remoteAddress: '::ffff:127.0.0.1', host: 'LOCALHOST' }],
  ])('serves a scraper on this machine (%s)', (_, caller) => {
    expect(metricsAccess(undefined, caller)).toBe('allowed');
  });

  it.each([
    ['a remote peer', { ...local, remoteAddress: '10.1.2.3' }],
    ['an IPv4-mapped remote peer', { ...local, remoteAddress: '::ffff:10.1.2.3' }],
    ['an address that only starts like loopback', { ...local, remoteAddress: '127.0.0.1.example' }],
    ['an unknown peer', { ...local, remoteAddress: undefined }],
    ['a rebound host name', { ...local, host: 'attacker.example:4466' }],
    ['a host name that only starts like loopback', { ...local, host: '127.0.0.1.attacker.example' }],
    ['no host', { ...local, host: undefined }],
    ['a request relayed by a proxy', { ...local, forwarded: true }],
    ['a bearer token nobody asked for', { ...local, remoteAddress: '10.1.2.3', authorization: `Bearer ${TOKEN}` }],
  ])('refuses %s', (_, caller) => {
    expect(metricsAccess(undefined, caller)).toBe('forbidden');
  });
});

describe('metricsAccess with METRICS_TOKEN', () => {
  it('serves the bearer of the token from anywhere, proxied or not', () => {
    expect(metricsAccess(TOKEN, { authorization: `Bearer ${TOKEN}`, remoteAddress: '10.1.2.3', host: 'worker.internal', forwarded: true })).toBe('allowed');
    expect(metricsAccess(TOKEN, { ...local, authorization: `bearer ${TOKEN}` })).toBe('allowed');
  });

  it.each([
    ['no authorization, even from loopback', undefined],
    ['another token', 'Bearer another-metrics-token-123'],
    ['a prefix of the token', `Bearer ${TOKEN.slice(0, -1)}`],
    ['the token without the Bearer scheme', TOKEN],
    ['another scheme', `Basic ${TOKEN}`],
    ['the token followed by more', `Bearer ${TOKEN} extra`],
  ])('refuses %s', (_, authorization) => {
    expect(metricsAccess(TOKEN, { ...local, authorization })).toBe('unauthenticated');
  });
});

describe('metricsCallerOf', () => {
  /** A request as node:http hands it over, from a peer on another address. */
  const remote = (headers: IncomingMessage['headers']) => ({ headers, socket: { remoteAddress: '192.0.2.2' } }) as Pick<IncomingMessage, 'headers' | 'socket'>;

  it('takes the peer from the socket, so a remote scraper claiming a loopback host is refused', () => {
    const caller = metricsCallerOf(remote({ host: '127.0.0.1', 'x-real-ip': undefined }));
    expect(caller).toEqual({ authorization: undefined, remoteAddress: '192.0.2.2', host: '127.0.0.1', forwarded: false });
    expect(metricsAccess(undefined, caller)).toBe('forbidden');
  });

  it('serves the bearer of the token on another address', () => {
    expect(metricsAccess(TOKEN, metricsCallerOf(remote({ host: 'worker.internal' })))).toBe('unauthenticated');
    expect(metricsAccess(TOKEN, metricsCallerOf(remote({ host: 'worker.internal', authorization: `Bearer ${TOKEN}` })))).toBe('allowed');
  });

  it('notices every proxy forwarding header', () => {
    for (const header of ['forwarded', 'x-forwarded-for', 'x-real-ip']) expect(metricsCallerOf(remote({ [header]: '203.0.113.9' })).forwarded).toBe(true);
  });
});
