// The metrics as a unit: labels stay bounded, and the subscription port moves its series.
import { describe, expect, it } from 'vitest';
import { WorkerMetrics } from './worker.metrics.js';

async function samples(metrics: WorkerMetrics, name: string): Promise<Array<{ labels: Record<string, string | number>; value: number; metricName?: string }>> {
  const all = await metrics.registry.getMetricsAsJSON();
  return (all.find((m) => m.name === name)?.values ?? []) as Array<{ labels: Record<string, string | number>; value: number; metricName?: string }>;
}

describe('WorkerMetrics', () => {
  it('reports subscriptions: connections per protocol, active subscriptions and delivery delay per project', async () => {
    const metrics = new WorkerMetrics({ pools: {}, projectLabelLimit: 10 });
    const subscriptions = metrics.subscriptions;
    subscriptions.connectionOpened('graphql-ws');
    subscriptions.connectionOpened('graphql-ws');
    subscriptions.connectionOpened('graphql-transport-ws');
    subscriptions.connectionOpened('made-up-protocol');
    subscriptions.connectionClosed('graphql-ws');
    subscriptions.subscriptionStarted('shop$dev');
    subscriptions.subscriptionStarted('shop$dev');
    subscriptions.subscriptionStopped('shop$dev');
    subscriptions.eventDelivered('shop$dev', 120);
    subscriptions.eventDelivered('shop$dev', 4);
    subscriptions.eventDelivered('shop$dev', -3);

    expect(await samples(metrics, 'refract_subscription_connections')).toEqual(
      expect.arrayContaining([
        { labels: { protocol: 'graphql-ws' }, value: 1 },
        { labels: { protocol: 'graphql-transport-ws' }, value: 1 },
        { labels: { protocol: 'other' }, value: 1 },
      ]),
    );
    expect(await samples(metrics, 'refract_subscription_connections_opened_total')).toContainEqual({ labels: { protocol: 'graphql-ws' }, value: 2 });
    expect(await samples(metrics, 'refract_subscriptions_active')).toEqual([{ labels: { project: 'shop$dev' }, value: 1 }]);
    const delay = await samples(metrics, 'refract_subscription_delivery_delay_seconds');
    const bucket = (le: number | string) => delay.find((s) => s.metricName?.endsWith('_bucket') && s.labels.le === le)?.value;
    expect(bucket(0.005)).toBe(2); // 4 ms, and a negative delay counted as 0
    expect(bucket(0.1)).toBe(2);
    expect(bucket(0.25)).toBe(3);
    expect(delay.find((s) => s.metricName?.endsWith('_count'))?.value).toBe(3);
    expect(delay.find((s) => s.metricName?.endsWith('_sum'))?.value).toBeCloseTo(0.124);
  });

  it('gives projects beyond the limit the shared label `other`, for good', async () => {
    const metrics = new WorkerMetrics({ pools: {}, projectLabelLimit: 2 });
    expect(metrics.projects.lookup('a$dev')).toBe('unknown');
    expect(metrics.projects.admit('a$dev')).toBe('a$dev');
    expect(metrics.projects.admit('b$dev')).toBe('b$dev');
    expect(metrics.projects.admit('c$dev')).toBe('other');
    expect(metrics.projects.admit('a$dev')).toBe('a$dev');
    expect(metrics.projects.lookup('c$dev')).toBe('unknown');
    metrics.subscriptions.subscriptionStarted('c$dev');
    metrics.subscriptions.subscriptionStarted('d$dev');
    metrics.subscriptions.subscriptionStopped('c$dev');
    expect(await samples(metrics, 'refract_subscriptions_active')).toEqual([{ labels: { project: 'other' }, value: 1 }]);
  });

  it('counts unusual methods as `other`, and keeps two workers apart', async () => {
    const one = new WorkerMetrics({ pools: {}, projectLabelLimit: 10 });
    const two = new WorkerMetrics({ pools: {}, projectLabelLimit: 10 });
    one.requestCompleted({ route: 'other', method: 'PROPFIND', status: 405, project: '', durationSeconds: 0.001 });
    one.requestCompleted({ route: 'project', method: 'POST', status: 200, project: 'a$dev', durationSeconds: 0.002 });
    expect(await samples(one, 'refract_http_requests_total')).toEqual([
      { labels: { route: 'other', method: 'other', status: '405' }, value: 1 },
      { labels: { route: 'project', method: 'POST', status: '200' }, value: 1 },
    ]);
    expect(await samples(two, 'refract_http_requests_total')).toEqual([]);
  });
});
