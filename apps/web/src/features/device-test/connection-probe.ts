import type { ConnectionTest } from '@visitt/contracts';
import type { LinkSample } from '@visitt/domain';

/** What the connection test found: the link's measures, or why it found none. */
export type ProbeResult =
  ({ kind: 'measured' } & { [K in keyof LinkSample]: number | null }) | { kind: 'no_connection' };

/** How long the two peers may take to connect through the relay before the test gives up. */
export const CONNECT_TIMEOUT_MS = 10_000;
const PINGS = 100;
const PING_INTERVAL_MS = 20;
/** A ping not back this long after the last was sent is lost. */
const PING_GRACE_MS = 1_500;
const BULK_MS = 3_000;
const CHUNK = 16 * 1024;
const MAX_BUFFERED = 1024 * 1024;

const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Connects two peers of this page to each other through the clinic's relay (TURN) and measures
 * what a call would meet: pings on an unreliable channel give the round trip and the share
 * lost, a reliable channel sent full for three seconds gives the bitrate reached. Everything
 * goes out to the relay and back, so the round trip is halved to stand for one trip to the
 * relay and back. Takes about six seconds; `no_connection` when the peers do not connect within
 * {@link CONNECT_TIMEOUT_MS} (a firewall that blocks the relay, say).
 */
export async function probeConnection(
  config: ConnectionTest,
  signal?: AbortSignal,
): Promise<ProbeResult> {
  const rtcConfig: RTCConfiguration = {
    iceServers: config.iceServers,
    iceTransportPolicy: config.iceTransportPolicy,
  };
  if (signal?.aborted) return { kind: 'no_connection' };
  const sender = new RTCPeerConnection(rtcConfig);
  const echo = new RTCPeerConnection(rtcConfig);
  const close = () => {
    sender.close();
    echo.close();
  };
  signal?.addEventListener('abort', close, { once: true });
  try {
    sender.onicecandidate = (event) => {
      if (event.candidate) void echo.addIceCandidate(event.candidate).catch(() => undefined);
    };
    echo.onicecandidate = (event) => {
      if (event.candidate) void sender.addIceCandidate(event.candidate).catch(() => undefined);
    };
    const pings = sender.createDataChannel('ping', { ordered: false, maxRetransmits: 0 });
    const bulk = sender.createDataChannel('bulk');
    // What the echo peer has received of the bulk channel, and when the first and last came.
    const bulkSeen: { bytes: number; firstAt: number | null; lastAt: number } = {
      bytes: 0,
      firstAt: null,
      lastAt: 0,
    };
    echo.ondatachannel = ({ channel }) => {
      channel.binaryType = 'arraybuffer';
      if (channel.label === 'ping')
        channel.onmessage = (event) => channel.send(event.data as string);
      else
        channel.onmessage = (event) => {
          const now = performance.now();
          bulkSeen.firstAt ??= now;
          bulkSeen.lastAt = now;
          bulkSeen.bytes += (event.data as ArrayBuffer).byteLength;
        };
    };
    const offer = await sender.createOffer();
    await sender.setLocalDescription(offer);
    await echo.setRemoteDescription(offer);
    const answer = await echo.createAnswer();
    await echo.setLocalDescription(answer);
    await sender.setRemoteDescription(answer);

    const isUp = await opened(sender, pings, CONNECT_TIMEOUT_MS, signal);
    if (!isUp || !(await opened(sender, bulk, CONNECT_TIMEOUT_MS, signal))) {
      return { kind: 'no_connection' };
    }

    // Round trip and loss: numbered pings, each echoed.
    const sentAt = new Map<number, number>();
    const trips: number[] = [];
    pings.onmessage = (event) => {
      const at = sentAt.get(Number(event.data));
      if (at !== undefined) trips.push(performance.now() - at);
    };
    for (let n = 0; n < PINGS && !signal?.aborted; n++) {
      sentAt.set(n, performance.now());
      pings.send(String(n));
      await wait(PING_INTERVAL_MS);
    }
    await wait(PING_GRACE_MS);

    // Bitrate: the reliable channel kept full for a while.
    const chunk = new ArrayBuffer(CHUNK);
    const until = performance.now() + BULK_MS;
    bulk.bufferedAmountLowThreshold = MAX_BUFFERED / 2;
    while (performance.now() < until && !signal?.aborted) {
      if (bulk.bufferedAmount > MAX_BUFFERED) {
        await Promise.race([
          new Promise((resolve) => (bulk.onbufferedamountlow = resolve)),
          wait(until - performance.now()),
        ]);
        continue;
      }
      bulk.send(chunk);
    }
    const { bytes, firstAt, lastAt } = bulkSeen;
    const bulkSeconds = firstAt === null ? 0 : (Math.max(lastAt, firstAt + 1) - firstAt) / 1000;

    // Each ping crosses the person's own line four times (out to the relay and back, twice).
    const sorted = trips.sort((a, b) => a - b);
    const median = sorted.length > 0 ? sorted[Math.floor(sorted.length / 2)]! : null;
    return {
      kind: 'measured',
      rttMs: median === null ? null : Math.round(median / 2),
      loss: lossPerCrossing((PINGS - trips.length) / PINGS),
      bitrateKbps: bulkSeconds > 0 ? Math.round((bytes * 8) / 1000 / bulkSeconds) : 0,
    };
  } finally {
    signal?.removeEventListener('abort', close);
    close();
  }
}

/**
 * Resolves true once `channel` is open; false when the connection fails (ICE `failed`), the
 * test is aborted, or `ms` pass first. Leaves no timer or listener behind.
 */
function opened(
  pc: RTCPeerConnection,
  channel: RTCDataChannel,
  ms: number,
  signal: AbortSignal | undefined,
): Promise<boolean> {
  if (channel.readyState === 'open') return Promise.resolve(true);
  return new Promise((resolve) => {
    const done = (isOpen: boolean) => {
      clearTimeout(timer);
      channel.removeEventListener('open', onOpen);
      pc.removeEventListener('iceconnectionstatechange', onIce);
      signal?.removeEventListener('abort', onAbort);
      resolve(isOpen);
    };
    const onOpen = () => done(true);
    const onIce = () => {
      if (pc.iceConnectionState === 'failed' || pc.iceConnectionState === 'closed') done(false);
    };
    const onAbort = () => done(false);
    const timer = setTimeout(() => done(false), ms);
    channel.addEventListener('open', onOpen);
    pc.addEventListener('iceconnectionstatechange', onIce);
    signal?.addEventListener('abort', onAbort);
  });
}

/**
 * The share of packets lost on one crossing of the person's line, from the share of pings lost
 * on their round trip through the relay (four crossings): what one direction of a call meets.
 */
export function lossPerCrossing(roundTripLoss: number): number {
  const share = Math.min(1, Math.max(0, roundTripLoss));
  return 1 - (1 - share) ** (1 / 4);
}
