import { useTestDatabase } from '@refract/shared/testing';
import { expect, it } from 'vitest';
import { NotificationListener } from './notification.listener.js';

const database = useTestDatabase({ prefix: 'pg_listener' });

it('receives notifications, and after its backend is terminated listens again and says so', async () => {
  const received: string[] = [];
  const states: string[] = [];
  const listener = new NotificationListener({
    connectionString: database.url,
    channel: 'refract_test_channel',
    applicationName: 'refract-listener-test',
    onNotification: (payload) => received.push(payload),
    onListening: (reconnected) => states.push(reconnected ? 'again' : 'first'),
    onLost: () => states.push('lost'),
    retryMs: 50,
  });
  const pool = database.pool();
  try {
    await listener.start();
    expect(listener.listening).toBe(true);
    await pool.query(`SELECT pg_notify('refract_test_channel', 'one')`);
    await expect.poll(() => received).toEqual(['one']);
    await pool.query(`SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = 'refract-listener-test'`);
    await expect.poll(() => states, { timeout: 5000 }).toEqual(['first', 'lost', 'again']);
    expect(listener.listening).toBe(true);
    await pool.query(`SELECT pg_notify('refract_test_channel', 'two')`);
    await expect.poll(() => received).toEqual(['one', 'two']);
  } finally {
    await listener.close();
    await pool.end();
  }
  expect(listener.listening).toBe(false);
});
