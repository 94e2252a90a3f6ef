import { createPublicKey } from 'node:crypto';
import {
  ApiError,
  PushSettings,
  PushSubscriptionBody,
  PushUnsubscribeBody,
  VapidPublicKey,
} from '@visitt/contracts';
import type { UserId } from '@visitt/domain';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Queryable } from '../../db/pool';
import {
  findPushPreference,
  findPushSubscriptions,
  removePushSubscription,
  savePushSubscription,
} from '../../db/push';
import { getVapidKeys } from '../../notifications/vapid';
import { fail } from '../../core/errors';
import { signedIn } from '../access';

const tags = ['push'];

/**
 * Whether `p256dh` (base64url, 65 bytes) is a point on P-256. The contract checks its form;
 * only a real point can be encrypted to, and a bad one would fail every later message.
 */
function isP256Point(p256dh: string): boolean {
  const point = Buffer.from(p256dh, 'base64url');
  if (point.length !== 65 || point[0] !== 0x04) return false;
  try {
    createPublicKey({
      key: {
        kty: 'EC',
        crv: 'P-256',
        x: point.subarray(1, 33).toString('base64url'),
        y: point.subarray(33).toString('base64url'),
      },
      format: 'jwk',
    });
    return true;
  } catch {
    return false;
  }
}

async function presentPushSettings(db: Queryable, userId: UserId): Promise<PushSettings> {
  const [preference, devices] = await Promise.all([
    findPushPreference(db, userId),
    findPushSubscriptions(db, userId),
  ]);
  return {
    enabled: (preference?.enabled ?? false) && devices.length > 0,
    changedAt: preference?.changedAt.toISOString() ?? null,
    devices: devices.map((d) => ({
      endpoint: d.endpoint,
      createdAt: d.createdAt.toISOString(),
      lastUsedAt: d.lastUsedAt?.toISOString() ?? null,
    })),
  };
}

/**
 * Web Push: the installation's public VAPID key, and the signed-in user's subscriptions (one
 * per browser or installed app). Subscribing records the consent to push with its time;
 * removing the last device records that push is off.
 */
export const pushRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/api/v1/push/vapid-public-key',
    {
      config: { access: 'public' },
      schema: {
        tags,
        summary: 'The application server key for PushManager.subscribe',
        response: { 200: VapidPublicKey },
      },
    },
    async (request, reply) => {
      const { publicKey } = await getVapidKeys(request.ctx.db);
      // Made once per installation and kept, but a restored backup may bring another.
      reply.header('cache-control', 'no-cache');
      return { publicKey };
    },
  );

  app.get(
    '/api/v1/me/push-subscriptions',
    {
      config: { access: 'user' },
      schema: {
        tags,
        summary: "The signed-in user's push choice and devices",
        response: { 200: PushSettings, 401: ApiError },
      },
    },
    async (request) => {
      const ctx = signedIn(request);
      return presentPushSettings(ctx.db, ctx.actor.userId);
    },
  );

  app.post(
    '/api/v1/me/push-subscriptions',
    {
      config: { access: 'user' },
      schema: {
        tags,
        summary: 'Turn on push for this browser (the body is PushSubscription.toJSON())',
        body: PushSubscriptionBody,
        response: { 201: PushSettings, 400: ApiError, 401: ApiError },
      },
    },
    async (request, reply) => {
      const ctx = signedIn(request);
      const { endpoint, keys } = request.body;
      if (!isP256Point(keys.p256dh))
        throw fail('validation_failed', 'keys.p256dh is not a P-256 public key.');
      await savePushSubscription(
        ctx.db,
        ctx.actor.userId,
        { endpoint, p256dh: keys.p256dh, auth: keys.auth },
        ctx.clock.now(),
      );
      return reply.code(201).send(await presentPushSettings(ctx.db, ctx.actor.userId));
    },
  );

  app.delete(
    '/api/v1/me/push-subscriptions',
    {
      config: { access: 'user' },
      schema: {
        tags,
        summary: 'Turn off push for this browser',
        body: PushUnsubscribeBody,
        response: { 204: z.null(), 400: ApiError, 401: ApiError },
      },
    },
    async (request, reply) => {
      const ctx = signedIn(request);
      await removePushSubscription(
        ctx.db,
        ctx.actor.userId,
        request.body.endpoint,
        ctx.clock.now(),
      );
      return reply.code(204).send(null);
    },
  );
};
