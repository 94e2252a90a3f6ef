import WebSocket from 'ws';
import type { Browser, TestApp } from './harness';

/** A signaling WebSocket of one browser, with the messages it received waiting to be taken. */
export class Socket {
  readonly received: any[] = [];
  private waiters: { match: (m: any) => boolean; resolve: (m: any) => void }[] = [];
  constructor(readonly ws: WebSocket) {
    ws.on('message', (data) => {
      const message = JSON.parse((data as Buffer).toString('utf8'));
      this.received.push(message);
      this.waiters = this.waiters.filter((w) =>
        w.match(message) ? (w.resolve(message), false) : true,
      );
    });
  }
  /** Opens a socket with `browser`'s session, from `origin` (the app's own unless given). */
  static open(
    app: Pick<TestApp, 'baseUrl' | 'origin'>,
    browser: Browser,
    origin = app.origin,
  ): Promise<Socket> {
    return new Promise((resolve, reject) => {
      const ws = new WebSocket(`${app.baseUrl.replace('http', 'ws')}/api/v1/signaling`, {
        headers: { origin, ...(browser.cookieHeader ? { cookie: browser.cookieHeader } : {}) },
      });
      ws.once('open', () => resolve(new Socket(ws)));
      ws.once('unexpected-response', (_req, res) => reject(new Error(`HTTP ${res.statusCode}`)));
      ws.once('error', reject);
    });
  }
  send(message: unknown) {
    this.ws.send(JSON.stringify(message));
  }
  /** The first message (received or to come) that matches; taken, so it is not seen twice. */
  next(match: (m: any) => boolean, timeoutMs = 3000): Promise<any> {
    const seen = this.received.find(match);
    if (seen) {
      this.received.splice(this.received.indexOf(seen), 1);
      return Promise.resolve(seen);
    }
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error('no such message')), timeoutMs);
      this.waiters.push({
        match,
        resolve: (m) => {
          clearTimeout(timer);
          this.received.splice(this.received.indexOf(m), 1);
          resolve(m);
        },
      });
    });
  }
  close() {
    this.ws.close();
  }
}
