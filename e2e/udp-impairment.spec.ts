import { createSocket, type Socket } from 'node:dgram';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { UdpImpairmentRelay } from './udp-impairment';

/**
 * The impairment relay itself, in front of a UDP echo server on loopback: what the call tests
 * read as "delay" and "loss" must be what it does.
 */
describe('the UDP impairment relay', () => {
  let echo: Socket;
  let relay: UdpImpairmentRelay;
  let client: Socket;
  const answers: { at: number; text: string }[] = [];

  beforeAll(async () => {
    echo = createSocket('udp4');
    echo.on('message', (packet, from) => echo.send(packet, from.port, from.address));
    await new Promise<void>((resolve) => echo.bind(0, '127.0.0.1', resolve));
    relay = await UdpImpairmentRelay.start('127.0.0.1', {
      address: '127.0.0.1',
      port: echo.address().port,
    });
    client = createSocket('udp4');
    client.on('message', (packet) => answers.push({ at: Date.now(), text: packet.toString() }));
    await new Promise<void>((resolve) => client.bind(0, '127.0.0.1', resolve));
  });
  afterAll(async () => {
    client.close();
    echo.close();
    await relay.close();
  });

  /** Sends `count` numbered packets, 2 ms apart, and gives what came back after `waitMs`. */
  async function roundTrips(tag: string, count: number, waitMs: number) {
    answers.length = 0;
    const sentAt = new Map<string, number>();
    for (let i = 0; i < count; i++) {
      const text = `${tag}-${i}`;
      sentAt.set(text, Date.now());
      client.send(text, relay.port, '127.0.0.1');
      await new Promise((r) => setTimeout(r, 2));
    }
    await new Promise((r) => setTimeout(r, waitMs));
    return answers
      .filter((a) => a.text.startsWith(`${tag}-`))
      .map((a) => a.at - sentAt.get(a.text)!);
  }

  it('passes everything on at once when nothing is set', async () => {
    const rtts = await roundTrips('clear', 100, 200);
    expect(rtts).toHaveLength(100);
    expect(Math.max(...rtts)).toBeLessThan(50);
  });

  it('holds each crossing back by the delay (twice per round trip)', async () => {
    relay.set({ delayMs: 60 });
    const rtts = await roundTrips('delay', 50, 400);
    expect(rtts).toHaveLength(50);
    expect(Math.min(...rtts)).toBeGreaterThanOrEqual(119);
    expect(Math.max(...rtts)).toBeLessThan(220);
  });

  it('loses about the share asked for, on each crossing', async () => {
    relay.set({ loss: 0.3 });
    const before = relay.read().dropped;
    const rtts = await roundTrips('loss', 1000, 300);
    // Both crossings: 0.7² = 49 % come back; far outside chance either way fails.
    expect(rtts.length).toBeGreaterThan(400);
    expect(rtts.length).toBeLessThan(580);
    expect(relay.read().dropped - before).toBeGreaterThan(400);
  });

  it('loses everything when blocked, and only for the hosts named', async () => {
    relay.set({ loss: 1 });
    expect(await roundTrips('blocked', 50, 200)).toHaveLength(0);
    relay.set({ loss: 1, hosts: ['10.255.255.1'] });
    expect(await roundTrips('other-host', 50, 200)).toHaveLength(50);
    relay.set({});
  });

  it('refuses an impairment that is not one', () => {
    expect(() => relay.set({ loss: 2 })).toThrow();
    expect(() => relay.set({ delayMs: -1 })).toThrow();
  });
});
