import { createHash } from 'node:crypto';
import dns from 'node:dns';
import https from 'node:https';
import { BlockList, isIP, type LookupFunction } from 'node:net';
import webpush, { type RequestOptions, type SendResult } from 'web-push';
import type { UserId } from '@visitt/domain';
import type { Db } from '../db/pool';
import {
  deletePushSubscription,
  findPushSubscriptions,
  markPushSubscriptionUsed,
  type PushSubscriptionRow,
} from '../db/push';
import { systemClock, type Clock } from '../lib/clock';
import { TransportError, type OutgoingMessage, type Transport } from './transport';
import type { VapidKeys } from './vapid';

/** The part of the web-push library the transport uses; tests wrap it. */
export interface WebPushClient {
  sendNotification(
    subscription: { endpoint: string; keys: { p256dh: string; auth: string } },
    payload: string,
    options: RequestOptions,
  ): Promise<SendResult>;
}

export interface WebPushTransportOptions {
  /** `mailto:` or `https:` contact sent to push services (config `VAPID_SUBJECT`). */
  subject: string;
  vapid: VapidKeys;
  webPush?: WebPushClient;
  /** For `last_used_at`. */
  clock?: Clock;
  /** How long a push service keeps a message for an offline device. Default one hour. */
  ttlSeconds?: number;
}

/** A message still waiting for an offline device after an hour is news no more. */
const DEFAULT_TTL_SECONDS = 60 * 60;
const REQUEST_TIMEOUT_MS = 10_000;

// Addresses a push service never has. Subscriptions come from browsers, i.e. from users, and
// the server POSTs to them: without this a made-up endpoint could reach the clinic's network.
const PRIVATE = new BlockList();
for (const [net, prefix] of [
  ['0.0.0.0', 8],
  ['10.0.0.0', 8],
  ['100.64.0.0', 10],
  ['127.0.0.0', 8],
  ['169.254.0.0', 16],
  ['172.16.0.0', 12],
  ['192.0.0.0', 24],
  ['192.168.0.0', 16],
  ['198.18.0.0', 15],
  ['224.0.0.0', 3],
] as const)
  PRIVATE.addSubnet(net, prefix, 'ipv4');
for (const [net, prefix] of [
  ['::', 127],
  ['fc00::', 7],
  ['fe80::', 10],
  ['ff00::', 8],
] as const)
  PRIVATE.addSubnet(net, prefix, 'ipv6');

/** Whether `address` (an IP literal) is loopback, private, link-local, or otherwise not public. */
export function isNonPublicAddress(address: string): boolean {
  const family = isIP(address);
  if (family === 0) return true;
  // BlockList judges IPv4-mapped IPv6 addresses (::ffff:7f00:1) by the IPv4 rules.
  return PRIVATE.check(address, family === 4 ? 'ipv4' : 'ipv6');
}

class NonPublicAddressError extends Error {
  readonly code = 'EPUSHADDRESS';
  constructor() {
    super('push service address refused');
  }
}

/** dns.lookup that refuses names resolving to any non-public address. */
const publicOnlyLookup: LookupFunction = (hostname, options, callback) => {
  dns.lookup(hostname, { ...options, all: true }, (error, addresses) => {
    if (error) return callback(error, '', 4);
    if (addresses.length === 0 || addresses.some((a) => isNonPublicAddress(a.address)))
      return callback(new NonPublicAddressError(), '', 4);
    if (options.all) return callback(null, addresses);
    return callback(null, addresses[0]!.address, addresses[0]!.family);
  });
};

/** Kept-alive connections to the few push services, only ever at public addresses. */
const pushAgent = new https.Agent({ keepAlive: true, maxSockets: 50, lookup: publicOnlyLookup });

/** An endpoint whose host is an IP literal must be public too (no lookup happens for those). */
function hasPublicHost(endpoint: string): boolean {
  let host: string;
  try {
    host = new URL(endpoint).hostname.replace(/^\[|\]$/g, '');
  } catch {
    return false;
  }
  return isIP(host) === 0 || !isNonPublicAddress(host);
}

/**
 * RFC 8030 `Topic` (at most 32 base64url characters) from the notification's tag: a newer
 * message replaces one with the same tag still waiting at the push service, as it replaces it
 * on the device.
 */
function topicOf(tag: string): string {
  return createHash('sha256').update(tag).digest('base64url').slice(0, 32);
}

type DeviceOutcome =
  | { kind: 'sent' }
  | { kind: 'gone' }
  | { kind: 'refused'; reason: string }
  | { kind: 'transient'; reason: string };

const statusOf = (error: unknown): number | null =>
  typeof error === 'object' &&
  error !== null &&
  'statusCode' in error &&
  typeof error.statusCode === 'number'
    ? error.statusCode
    : null;

const codeOf = (error: unknown): string | null =>
  typeof error === 'object' && error !== null && 'code' in error && typeof error.code === 'string'
    ? error.code
    : null;

/**
 * What one push service's answer means for the message. Reasons name status codes and error
 * codes only: errors of the library and of the network carry the endpoint or its host.
 */
function classify(error: unknown): DeviceOutcome {
  const status = statusOf(error);
  if (status === 404 || status === 410) return { kind: 'gone' };
  if (status === 429 || (status !== null && status >= 500))
    return { kind: 'transient', reason: `HTTP ${status}` };
  // 400 malformed, 401/403 VAPID refused (e.g. the subscription was made with another key),
  // 413 payload too large: trying the same message again gives the same answer.
  if (status !== null) return { kind: 'refused', reason: `HTTP ${status}` };
  const code = codeOf(error);
  if (code === 'EPUSHADDRESS') return { kind: 'refused', reason: 'non-public address' };
  if (code !== null) return { kind: 'transient', reason: code };
  if (error instanceof Error && error.message === 'Socket timeout')
    return { kind: 'transient', reason: 'timeout' };
  // Anything else was thrown before sending (an unusable key, say): it will not get better.
  return { kind: 'refused', reason: 'unusable subscription' };
}

const summary = (outcomes: DeviceOutcome[]): string => {
  const counts = new Map<string, number>();
  for (const o of outcomes) {
    const label =
      o.kind === 'refused' || o.kind === 'transient' ? `${o.kind} (${o.reason})` : o.kind;
    counts.set(label, (counts.get(label) ?? 0) + 1);
  }
  return [...counts].map(([label, n]) => `${n} ${label}`).join(', ');
};

/**
 * Web Push (RFC 8030, payload encrypted aes128gcm per RFC 8291, signed with VAPID per RFC 8292)
 * to every device of the message's user. Resolves when at least one push service accepted
 * it. Throws a permanent TransportError when the user has no device, or every device is gone
 * (404/410, those subscriptions are deleted) or refused it; a transient one when no device
 * accepted it and at least one may later (429, 5xx, network). Logs nothing: endpoints and
 * payloads stay out of logs and out of error messages.
 */
export function createWebPushTransport(db: Db, options: WebPushTransportOptions): Transport {
  const client: WebPushClient = options.webPush ?? webpush;
  const clock = options.clock ?? systemClock;
  const vapidDetails = {
    subject: options.subject,
    publicKey: options.vapid.publicKey,
    privateKey: options.vapid.privateKey,
  };
  const ttl = options.ttlSeconds ?? DEFAULT_TTL_SECONDS;

  async function sendTo(
    device: PushSubscriptionRow,
    payload: string,
    topic: string,
  ): Promise<DeviceOutcome> {
    if (!hasPublicHost(device.endpoint)) return { kind: 'refused', reason: 'non-public address' };
    try {
      await client.sendNotification(
        { endpoint: device.endpoint, keys: { p256dh: device.p256dh, auth: device.auth } },
        payload,
        {
          vapidDetails,
          TTL: ttl,
          urgency: 'high',
          topic,
          contentEncoding: 'aes128gcm',
          timeout: REQUEST_TIMEOUT_MS,
          agent: pushAgent,
        },
      );
    } catch (error) {
      const outcome = classify(error);
      // Best effort: a failed delete is repeated on the next 410.
      if (outcome.kind === 'gone') await deletePushSubscription(db, device.id).catch(() => null);
      return outcome;
    }
    // Best effort too: the message is out, and throwing now would send it twice.
    await markPushSubscriptionUsed(db, device.id, clock.now()).catch(() => null);
    return { kind: 'sent' };
  }

  return {
    name: 'web-push',
    async send(message: OutgoingMessage) {
      if (message.channel !== 'push') throw new TransportError('Web Push sends push only', true);
      const devices = await findPushSubscriptions(db, message.to as UserId);
      if (devices.length === 0) throw new TransportError('no push subscriptions', true);
      const { title, body, url, tag } = message.push;
      const payload = JSON.stringify({ title, body, url, tag });
      const topic = topicOf(tag);
      const outcomes = await Promise.all(devices.map((device) => sendTo(device, payload, topic)));
      if (outcomes.some((o) => o.kind === 'sent')) return { reference: null };
      const retry = outcomes.some((o) => o.kind === 'transient');
      throw new TransportError(`no device accepted the push message: ${summary(outcomes)}`, !retry);
    },
  };
}
