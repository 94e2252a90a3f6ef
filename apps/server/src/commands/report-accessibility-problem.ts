import { randomUUID } from 'node:crypto';
import type {
  AccessibilityContact,
  AccessibilityReportBody,
  AccessibilityReportSent,
} from '@visitt/contracts';
import type { RequestContext } from '../core/context';
import { fail } from '../core/errors';
import { enforceRateLimit, type RateLimitRule } from '../db/rate-limits';
import { clientKey } from '../lib/client-key';

/**
 * Reports one client (IP address) may send per hour: enough for someone who meets several
 * problems, too few to flood the operator's mailbox.
 */
export const REPORTS_PER_IP_PER_HOUR = 10;

const perIp = {
  bucket: 'accessibility-report:ip',
  limit: REPORTS_PER_IP_PER_HOUR,
  windowMs: 60 * 60_000,
} satisfies RateLimitRule;

/**
 * Reports the whole installation sends per hour, from everyone: many clients together cannot
 * flood the operator's mailbox, nor crowd the e-mail transport that sends sign-in codes.
 */
export const REPORTS_PER_HOUR = 100;

const perInstallation = {
  bucket: 'accessibility-report:all',
  limit: REPORTS_PER_HOUR,
  windowMs: 60 * 60_000,
} satisfies RateLimitRule;

/**
 * Where this installation takes accessibility reports: the operator's contact address (null when
 * none is set), and whether a report can be sent to it now (an address and an e-mail transport).
 */
export function readAccessibilityContact(
  ctx: Pick<RequestContext, 'config' | 'transports'>,
): AccessibilityContact {
  const email = ctx.config.accessibilityEmail;
  return { email, acceptsReports: email !== null && ctx.transports.email !== undefined };
}

/**
 * The e-mail the operator gets: in Norwegian bokmål, the operator's language, with the person's
 * own words unchanged. Plain text only, so nothing they typed is read as markup.
 */
const quote = (text: string) =>
  text
    .split(/\r\n|\r|\n/)
    .map((line) => `> ${line}`)
    .join('\n');

function reportText(body: AccessibilityReportBody, publicUrl: string): string {
  return [
    `Noen har meldt fra om et problem med tilgjengeligheten i Visitt (${publicUrl}).`,
    '',
    `Svar til: ${body.email ?? '(ingen e-postadresse oppgitt)'}`,
    '',
    'Svar så snart som mulig. Personen kan melde fra til Tilsynet for universell utforming av IKT',
    '(https://www.uutilsynet.no/) hvis svaret ikke er godt nok.',
    '',
    // The person's own words last, every line marked: nothing they write can pass for a line of
    // the form above.
    'Side, eller hva personen holdt på med:',
    quote(body.page || '(ikke oppgitt)'),
    '',
    'Problemet:',
    quote(body.text),
  ].join('\n');
}

/**
 * E-mails an accessibility report to the operator's contact address through the installation's
 * e-mail transport (SMTP in production, the demo's outbox in the demo). Nothing of it is stored
 * or logged. Refuses, before anything is sent: 503 `channel_unavailable` when no contact address
 * is set or the installation cannot send e-mail (the caller should contact the clinic, or
 * Tilsynet); 429 `rate_limited` with Retry-After after {@link REPORTS_PER_IP_PER_HOUR} reports
 * from the client's IP address within the hour. 503 `channel_unavailable` too when the e-mail
 * could not be handed over (try again later).
 */
export async function reportAccessibilityProblem(
  ctx: RequestContext,
  body: AccessibilityReportBody,
): Promise<AccessibilityReportSent> {
  const to = ctx.config.accessibilityEmail;
  if (to === null)
    throw fail(
      'channel_unavailable',
      'This installation has no accessibility contact (VISITT_ACCESSIBILITY_EMAIL). Contact the clinic.',
    );
  const transport = ctx.transports.email;
  if (!transport)
    throw fail('channel_unavailable', 'This installation cannot send e-mail. Contact the clinic.');
  await enforceRateLimit(ctx, perIp, clientKey(ctx.ip), ctx.clock.now());
  await enforceRateLimit(ctx, perInstallation, 'all', ctx.clock.now());
  try {
    await transport.send({
      channel: 'email',
      to,
      subject: 'Tilgjengelighet: melding om et problem i Visitt',
      text: reportText(body, ctx.config.publicUrl),
      reference: randomUUID(),
    });
  } catch {
    // Not logged: a transport's error can name the addresses or quote the message.
    throw fail(
      'channel_unavailable',
      'The report could not be sent right now. Try again in a moment.',
    );
  }
  return { status: 'sent' };
}
