import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';

/** Routes of the clinic's side (issue 5); filled in by their builders. */
export const adminRoutes: FastifyPluginAsyncZod = async () => {};
