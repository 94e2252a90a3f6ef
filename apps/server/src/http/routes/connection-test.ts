import { ApiError, ConnectionTest } from '@visitt/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  startConnectionTest,
  TESTS_PER_IP,
  TESTS_PER_MINUTE,
} from '../../commands/connection-test';

/** The test page's connection test: open to anyone, like the page. */
export const connectionTestRoutes: FastifyPluginAsyncZod = async (app) => {
  app.post(
    '/api/v1/connection-test',
    {
      config: { access: 'public' },
      schema: {
        tags: ['video'],
        summary: 'ICE servers for a connection test through the TURN relay, without signing in',
        description: `The test page connects two peers of its own through the relay and measures the round trip, loss and bitrate. The TURN credentials last a minute. 429 \`rate_limited\` (with \`Retry-After\`) after ${TESTS_PER_IP} tests from one client (an IPv4 address or an IPv6 /64) within ten minutes, or ${TESTS_PER_MINUTE} from everyone within a minute.`,
        body: z.strictObject({}),
        response: { 200: ConnectionTest, 400: ApiError, 429: ApiError },
      },
    },
    async (request) => startConnectionTest(request.ctx),
  );
};
