import { createSocket, type RemoteInfo, type Socket } from 'node:dgram';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * What the relay does to each packet as it crosses: held back `delayMs` (plus up to `jitterMs`
 * more, at random), or lost with probability `loss` (0–1). `hosts` limits it to the clients at
 * those addresses (one side's browser, say); empty or absent, every client.
 *
 * A packet between two browsers crosses twice (the sender's client to TURN, and TURN to the
 * receiver's client), so a `loss` on both ends loses about 1 − (1 − loss)² of them end to end, and
 * the round trip gains four delays.
 */
export interface Impairment {
  delayMs: number;
  jitterMs: number;
  loss: number;
  hosts: readonly string[];
}

export const NO_IMPAIRMENT: Impairment = { delayMs: 0, jitterMs: 0, loss: 0, hosts: [] };

export interface ImpairmentCounts {
  forwarded: number;
  dropped: number;
  clients: number;
}

/**
 * A small UDP relay in front of a TURN server, for making the network worse on purpose (this
 * kernel has no `netem`): browsers are given the relay's address as their TURN server, and it
 * passes each client's packets on from a socket of that client's own, and the answers back, with
 * the configured delay and loss. The TURN server sees the relay's addresses as its clients; the
 * browsers' media, forced through TURN, goes through here both ways.
 *
 * Controlled over HTTP on loopback (the test workers are other processes): `PUT /impairment` with
 * an {@link Impairment} (missing fields from {@link NO_IMPAIRMENT}), `GET /counts`.
 */
export class UdpImpairmentRelay {
  private impairment: Impairment = NO_IMPAIRMENT;
  private readonly counts = { forwarded: 0, dropped: 0 };
  private readonly upstreams = new Map<string, Socket>();
  private readonly timers = new Set<ReturnType<typeof setTimeout>>();

  private constructor(
    private readonly front: Socket,
    private readonly control: Server,
    private readonly listenIp: string,
    private readonly target: { address: string; port: number },
    readonly port: number,
    readonly controlUrl: string,
  ) {}

  /** Listens on `listenIp` (a free port) for clients of the TURN server at `target`. */
  static async start(
    listenIp: string,
    target: { address: string; port: number },
  ): Promise<UdpImpairmentRelay> {
    const front = createSocket('udp4');
    await new Promise<void>((resolve, reject) => {
      front.once('error', reject);
      front.bind({ address: listenIp, port: 0 }, () => resolve());
    });
    const control = createServer();
    await new Promise<void>((resolve) => control.listen(0, '127.0.0.1', resolve));
    const relay = new UdpImpairmentRelay(
      front,
      control,
      listenIp,
      target,
      front.address().port,
      `http://127.0.0.1:${(control.address() as AddressInfo).port}`,
    );
    front.on('message', (packet, from) => relay.fromClient(packet, from));
    control.on('request', (request, response) => {
      let body = '';
      request.on('data', (chunk: Buffer) => (body += chunk.toString()));
      request.on('end', () => {
        try {
          if (request.method === 'PUT' && request.url === '/impairment') {
            relay.set(JSON.parse(body || '{}') as Partial<Impairment>);
            response.writeHead(204).end();
          } else if (request.method === 'GET' && request.url === '/counts') {
            response.writeHead(200, { 'Content-Type': 'application/json' });
            response.end(JSON.stringify(relay.read()));
          } else response.writeHead(404).end();
        } catch (error) {
          response.writeHead(400).end(String(error));
        }
      });
    });
    return relay;
  }

  set(impairment: Partial<Impairment>): void {
    const next = { ...NO_IMPAIRMENT, ...impairment };
    if (
      !(next.delayMs >= 0 && next.jitterMs >= 0 && next.loss >= 0 && next.loss <= 1) ||
      !Array.isArray(next.hosts)
    )
      throw new Error(`Not an impairment: ${JSON.stringify(impairment)}`);
    this.impairment = next;
  }

  read(): ImpairmentCounts {
    return { ...this.counts, clients: this.upstreams.size };
  }

  /** Passes a packet on after the impairment, or loses it. */
  private pass(client: string, send: () => void): void {
    const { delayMs, jitterMs, loss, hosts } = this.impairment;
    if (hosts.length > 0 && !hosts.includes(client)) {
      this.counts.forwarded += 1;
      send();
      return;
    }
    if (loss > 0 && Math.random() < loss) {
      this.counts.dropped += 1;
      return;
    }
    this.counts.forwarded += 1;
    const wait = delayMs + (jitterMs > 0 ? Math.random() * jitterMs : 0);
    if (wait <= 0) {
      send();
      return;
    }
    const timer = setTimeout(() => {
      this.timers.delete(timer);
      send();
    }, wait);
    this.timers.add(timer);
  }

  private fromClient(packet: Buffer, from: RemoteInfo): void {
    const key = `${from.address}:${from.port}`;
    let upstream = this.upstreams.get(key);
    if (!upstream) {
      const socket = createSocket('udp4');
      socket.bind({ address: this.listenIp, port: 0 });
      // The TURN server's answers (and the media relayed to this client) go back to it.
      socket.on('message', (answer) =>
        this.pass(from.address, () => this.front.send(answer, from.port, from.address)),
      );
      socket.on('error', () => undefined);
      this.upstreams.set(key, socket);
      upstream = socket;
    }
    const socket = upstream;
    this.pass(from.address, () => socket.send(packet, this.target.port, this.target.address));
  }

  async close(): Promise<void> {
    for (const timer of this.timers) clearTimeout(timer);
    for (const socket of this.upstreams.values()) socket.close();
    this.front.close();
    await new Promise<void>((resolve) => this.control.close(() => resolve()));
  }
}

/** Sets the relay's impairment from a test worker (`calls.impairmentUrl`). */
export async function impair(controlUrl: string, impairment: Partial<Impairment>): Promise<void> {
  const response = await fetch(`${controlUrl}/impairment`, {
    method: 'PUT',
    body: JSON.stringify(impairment),
  });
  if (!response.ok) throw new Error(`The relay refused ${JSON.stringify(impairment)}`);
}

/** What the relay has passed on and lost so far. */
export async function impairmentCounts(controlUrl: string): Promise<ImpairmentCounts> {
  return (await (await fetch(`${controlUrl}/counts`)).json()) as ImpairmentCounts;
}
