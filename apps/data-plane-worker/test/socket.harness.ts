// Raw WebSocket clients for exact message checks: every frame is kept in order, keep-alives can be
// skipped, the close code is recorded, and every socket opened here is closed by `closeSockets`.
import { WebSocket } from 'ws';

export interface Closed {
  readonly code: number;
  readonly reason: string;
}

const KEEP_ALIVES = new Set(['{"type":"ka"}', '{"type":"keepalive"}']);
const WAIT_MS = 5_000;

const open = new Set<WebSocket>();

export class RawSocket {
  private readonly frames: string[] = [];
  private read = 0;
  private wake: () => void = () => undefined;
  private closedWith: Closed | null = null;
  readonly closed: Promise<Closed>;

  private constructor(readonly socket: WebSocket) {
    socket.on('message', (data) => {
      this.frames.push(String(data));
      this.wake();
    });
    this.closed = new Promise((resolve) =>
      socket.once('close', (code, reason) => {
        open.delete(socket);
        this.closedWith = { code, reason: reason.toString() };
        resolve(this.closedWith);
        this.wake();
      }),
    );
  }

  /** Opens a socket and waits for the handshake. */
  static open(url: string, protocols: string | string[]): Promise<RawSocket> {
    const socket = new WebSocket(url, protocols);
    open.add(socket);
    const raw = new RawSocket(socket);
    return new Promise((resolve, reject) => {
      socket.once('open', () => resolve(raw));
      socket.once('error', reject);
    });
  }

  get protocol(): string {
    return this.socket.protocol;
  }

  send(message: unknown): void {
    this.socket.send(typeof message === 'string' ? message : JSON.stringify(message));
  }

  /** The text of the next frame; keep-alives are skipped unless `keepAlives` is true. */
  async nextText(options: { keepAlives?: boolean; timeoutMs?: number } = {}): Promise<string> {
    const deadline = Date.now() + (options.timeoutMs ?? WAIT_MS);
    for (;;) {
      while (this.read < this.frames.length) {
        const frame = this.frames[this.read++]!;
        if (options.keepAlives || !KEEP_ALIVES.has(frame)) return frame;
      }
      if (this.closedWith) throw new Error(`the socket closed (${this.closedWith.code} ${this.closedWith.reason}) before the next frame`);
      const left = deadline - Date.now();
      if (left <= 0) throw new Error('no frame arrived in time');
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, left);
        this.wake = () => {
          clearTimeout(timer);
          resolve();
        };
      });
    }
  }

  /** The next frame, parsed; keep-alives are skipped. */
  async next(): Promise<any> {
    return JSON.parse(await this.nextText());
  }

  /** The frames (keep-alives skipped) that arrive within `ms`. */
  async framesWithin(ms: number): Promise<string[]> {
    await new Promise((resolve) => setTimeout(resolve, ms));
    const frames = this.frames.slice(this.read).filter((frame) => !KEEP_ALIVES.has(frame));
    this.read = this.frames.length;
    return frames;
  }

  async close(): Promise<Closed> {
    if (this.socket.readyState === WebSocket.OPEN || this.socket.readyState === WebSocket.CONNECTING) this.socket.close();
    return this.closed;
  }
}

/** The HTTP status and body a WebSocket upgrade is refused with. */
export function refusal(url: string, protocols?: string | string[]): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const socket = new WebSocket(url, protocols);
    socket.once('unexpected-response', (_request, response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () => {
        resolve({ status: response.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') });
        socket.terminate();
      });
    });
    socket.once('open', () => {
      socket.terminate();
      reject(new Error('the upgrade was accepted'));
    });
    // Also after the refusal: terminating a socket that never opened reports an error.
    socket.on('error', reject);
  });
}

/** Cuts every socket a test left open. */
export function closeSockets(): void {
  for (const socket of open) socket.terminate();
  open.clear();
}
