// One dedicated connection LISTENing on a channel, for as long as the process wants it: when the
// connection dies (server restart, terminated backend, network) it is replaced after a pause,
// again and again until it works. The owner is told when it lost the connection (notifications
// may be missed from then on) and when it listens again (time to catch up on what was missed).
import { compile, sql } from '@refract/sql';
import pg from 'pg';

export interface NotificationListenerOptions {
  readonly connectionString: string;
  readonly channel: string;
  readonly applicationName: string;
  onNotification(payload: string): void;
  /** Listening: `reconnected` is false the first time, true after a lost connection. */
  onListening?(reconnected: boolean): void;
  /** The connection is gone or could not be made; a new attempt follows after `retryMs`. */
  onLost?(error: unknown): void;
  readonly retryMs?: number;
}

export class NotificationListener {
  private client: pg.Client | null = null;
  private readonly dead = new WeakSet<pg.Client>();
  private closed = false;
  private everListened = false;

  constructor(private readonly options: NotificationListenerOptions) {}

  /** Whether notifications are arriving right now. */
  get listening(): boolean {
    return this.client !== null;
  }

  /** Connects; a failure is reported through `onLost` and retried, never thrown. */
  async start(): Promise<void> {
    await this.connect();
  }

  private async connect(): Promise<void> {
    const { channel } = this.options;
    const client = new pg.Client({ connectionString: this.options.connectionString, application_name: this.options.applicationName });
    client.on('notification', (message) => {
      if (message.channel === channel && message.payload !== undefined) this.options.onNotification(message.payload);
    });
    client.on('error', (error) => this.lost(client, error));
    client.on('end', () => this.lost(client, null));
    try {
      await client.connect();
      await client.query(compile(sql`LISTEN ${sql.ident(channel)}`).text);
    } catch (error) {
      this.lost(client, error);
      return;
    }
    if (this.closed || this.dead.has(client)) {
      await client.end().catch(() => undefined);
      return;
    }
    this.client = client;
    const reconnected = this.everListened;
    this.everListened = true;
    this.options.onListening?.(reconnected);
  }

  /** Reports a client's end once (`error` and `end` both arrive) and schedules the next attempt. */
  private lost(client: pg.Client, error: unknown): void {
    if (this.dead.has(client)) return;
    this.dead.add(client);
    if (this.client === client) this.client = null;
    void client.end().catch(() => undefined);
    if (this.closed) return;
    this.options.onLost?.(error);
    setTimeout(() => void this.connect(), this.options.retryMs ?? 1000).unref();
  }

  async close(): Promise<void> {
    this.closed = true;
    const client = this.client;
    this.client = null;
    if (client) {
      this.dead.add(client);
      await client.end().catch(() => undefined);
    }
  }
}
