import {
  AccessibilityContact,
  AccessibilityReportBody,
  AccessibilityReportSent,
  ApiError,
} from '@visitt/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  readAccessibilityContact,
  reportAccessibilityProblem,
} from '../../commands/report-accessibility-problem';

const tags = ['accessibility'];

/** The accessibility statement's contact and its way to report a problem: open to anyone. */
export const accessibilityRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/api/v1/accessibility',
    {
      config: { access: 'public' },
      schema: {
        tags,
        summary: "The operator's accessibility contact, for the accessibility statement",
        response: { 200: AccessibilityContact },
      },
    },
    async (request) => readAccessibilityContact(request.ctx),
  );

  app.post(
    '/api/v1/accessibility/reports',
    {
      config: { access: 'public' },
      schema: {
        tags,
        summary: "Report a problem with accessibility to the operator's accessibility contact",
        description:
          'E-mailed to the address `VISITT_ACCESSIBILITY_EMAIL`; nothing is stored. 503 `channel_unavailable` when no address is set (or no e-mail can be sent); 429 `rate_limited` (with `Retry-After`) after 10 reports from one IP address within the hour.',
        body: AccessibilityReportBody,
        response: { 202: AccessibilityReportSent, 400: ApiError, 429: ApiError, 503: ApiError },
      },
    },
    async (request, reply) =>
      reply.code(202).send(await reportAccessibilityProblem(request.ctx, request.body)),
  );
};
