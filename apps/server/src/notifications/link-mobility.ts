import { z } from 'zod';
import { SingleLine } from '@visitt/contracts';
import { TransportError, type OutgoingMessage, type Transport } from './transport';

// LINK Mobility's "Common" platform, SMS REST API (MT and delivery reports). Based on LINK's
// "SMS REST API" document v1.6 (2019: §0.5 POST /sms/send, §0.5.6 TON, §0.5.7 error result
// codes, §0.9 delivery reports, §0.9.1 result codes), cross-checked with the OpenAPI document
// of deveel/deveel.lm.client (docs/openapi/link-api-v1.json, Models/ResultCodes.cs,
// Models/SmsDeliveryReport.cs) and dc/sms_link (Gateway.php, DeliveryReport.php, GatewayTest.php).

/** How LINK reads a source or destination: its TON values are these three (§0.5.6). */
export type TypeOfNumber = 'ALPHANUMERIC' | 'SHORTNUMBER' | 'MSISDN';

/** The JSON body of `POST /sms/send`, as far as Visitt uses it. */
export interface LinkSendRequest {
  source: string;
  sourceTON: TypeOfNumber;
  destination: string;
  destinationTON: 'MSISDN';
  /** TEXT: the gateway picks GSM 7-bit or UCS-2 and splits long texts itself. */
  dcs: 'TEXT';
  userData: string;
  platformId: string;
  platformPartnerId: string;
  /** Mirrored in the delivery report. A correlation id only: LINK does not deduplicate on it. */
  refId: string;
  useDeliveryReport: boolean;
  deliveryReportGates?: string[];
  /** LINK's default is true (answer 204 without the messageId); we want the messageId. */
  ignoreResponse: false;
}

/**
 * What a result code (of a send answer or a delivery report) says about the message.
 * `pending`: on its way (queued, sent to the operator); `delivered`: on the handset;
 * `retryable`: failed in a way a later attempt may not; `failed`: will not get better.
 */
export type ResultKind = 'pending' | 'delivered' | 'retryable' | 'failed';

const PENDING = new Set([1000, 1005, 1008, 1011, 1012, 1013]);
const DELIVERED = new Set([1001, 1007]);
const RETRYABLE = new Set([
  0, // unknown error
  1, // temporary routing error
  3, // maximum throttling exceeded
  4, // timeout
  5, // operator unknown error
  105, // internal LINK Mobility error
  1004, // mobile full
  2107, // destination temporarily barred
  106000, // unknown error (send API)
  106300, // no gates available (send API)
]);

/**
 * Sorts one of LINK's result codes. Everything not known to be pending, delivered or worth
 * retrying is a failure: invalid or unknown numbers (2104, 2106), barred subscribers (2105),
 * refused content (4001…), wrong credentials or platform ids (106100…106301).
 */
export function classifyResultCode(code: number): ResultKind {
  if (PENDING.has(code)) return 'pending';
  if (DELIVERED.has(code)) return 'delivered';
  if (RETRYABLE.has(code)) return 'retryable';
  return 'failed';
}

/**
 * A delivery report as LINK posts it to a gate in JSON format (§0.9). `id` is LINK's messageId,
 * `refId` ours (null when none was sent). Loose: the gateway may add fields.
 */
export const LinkDeliveryReport = z.looseObject({
  // The two ids are looked up in the database: one line of text, no control characters (a NUL
  // is refused by PostgreSQL), so a malformed report is a 400, not a failed query.
  refId: SingleLine(256).nullish(),
  id: SingleLine(256).min(1),
  operator: z.string().nullish(),
  sentTimestamp: z.string().nullish(),
  timestamp: z.string().nullish(),
  resultCode: z.number().int(),
  operatorResultCode: z.string().nullish(),
  segments: z.number().int().nullish(),
});
export type LinkDeliveryReport = z.infer<typeof LinkDeliveryReport>;

const SendResult = z.looseObject({
  messageId: z.string().min(1).optional(),
  resultCode: z.number().int(),
});
const ErrorBody = z.looseObject({
  resultCode: z.coerce.number().int().optional(),
  errorCode: z.coerce.number().int().optional(),
});

const E164 = /^\+[1-9][0-9]{7,14}$/;

/** ALPHANUMERIC for a name, MSISDN for `+4790000000`, SHORTNUMBER for digits such as `2333`. */
export function senderTypeOfNumber(sender: string): TypeOfNumber {
  if (/^\+[0-9]+$/.test(sender)) return 'MSISDN';
  if (/^[0-9]+$/.test(sender)) return 'SHORTNUMBER';
  return 'ALPHANUMERIC';
}

/** `https://n-eu.linkmobility.io`, `…/sms` or `…/sms/send` all mean the same endpoint. */
function sendEndpoint(url: string): string {
  const endpoint = new URL(url);
  const path = endpoint.pathname.replace(/\/+$/, '');
  if (!path.endsWith('/sms/send')) endpoint.pathname = `${path.replace(/\/sms$/, '')}/sms/send`;
  return endpoint.toString();
}

export interface LinkMobilityOptions {
  /** The base URL LINK assigned (e.g. `https://n-eu.linkmobility.io`) or its `/sms/send`. */
  url: string;
  username: string;
  password: string;
  platformId: string;
  platformPartnerId: string;
  /** The gate LINK posts delivery reports to; without it none are asked for. */
  gateId?: string | undefined;
  /** Up to 11 letters and digits, a short number, or `+` and a phone number. */
  sender: string;
  /** How long one send may take, answer included. Default 10 s. */
  timeoutMs?: number;
  fetch?: typeof fetch;
}

/**
 * SMS through LINK Mobility's `POST /sms/send`. Resolves with LINK's messageId (null when the
 * gateway answers 204 without a body). Throws a TransportError: transient for network errors,
 * timeouts, HTTP 5xx and 429, and retryable result codes; permanent for other HTTP 4xx (bad
 * request, wrong credentials) and for result codes that refuse the message (invalid or
 * barred number, refused content). Neither the number nor the text ever goes into an error.
 */
export function createLinkMobilityTransport(options: LinkMobilityOptions): Transport {
  const endpoint = sendEndpoint(options.url);
  const authorization = `Basic ${Buffer.from(`${options.username}:${options.password}`).toString('base64')}`;
  const doFetch = options.fetch ?? fetch;
  const timeoutMs = options.timeoutMs ?? 10_000;
  const sourceTON = senderTypeOfNumber(options.sender);

  return {
    name: 'link-mobility',
    async send(message: OutgoingMessage) {
      if (message.channel !== 'sms') throw new TransportError('LINK Mobility sends SMS only', true);
      if (!E164.test(message.to))
        throw new TransportError('The destination is not an E.164 number', true);
      const body: LinkSendRequest = {
        source: options.sender,
        sourceTON,
        destination: message.to,
        destinationTON: 'MSISDN',
        dcs: 'TEXT',
        userData: message.text,
        platformId: options.platformId,
        platformPartnerId: options.platformPartnerId,
        refId: message.reference,
        useDeliveryReport: options.gateId !== undefined,
        ...(options.gateId !== undefined ? { deliveryReportGates: [options.gateId] } : {}),
        ignoreResponse: false,
      };

      let status: number;
      let text: string;
      try {
        // One deadline for connecting, sending and reading the answer.
        const response = await doFetch(endpoint, {
          method: 'POST',
          headers: {
            authorization,
            'content-type': 'application/json; charset=utf-8',
            accept: 'application/json',
          },
          body: JSON.stringify(body),
          signal: AbortSignal.timeout(timeoutMs),
        });
        status = response.status;
        text = await response.text();
      } catch (error) {
        const name = (error as Error).name;
        if (name === 'TimeoutError' || name === 'AbortError')
          throw new TransportError(`LINK Mobility did not answer within ${timeoutMs} ms`, false);
        const cause = (error as { cause?: { code?: string } }).cause?.code;
        throw new TransportError(`LINK Mobility unreachable${cause ? ` (${cause})` : ''}`, false);
      }

      if (status === 204) return { reference: null };
      if (status >= 200 && status < 300) {
        const result = SendResult.safeParse(parseJson(text));
        // Not LINK's answer (a wrong URL?): not an acceptance, so tried again.
        if (!result.success)
          throw new TransportError(`LINK Mobility answered HTTP ${status} without a result`, false);
        const { resultCode, messageId } = result.data;
        const kind = classifyResultCode(resultCode);
        if (kind === 'pending' || kind === 'delivered') return { reference: messageId ?? null };
        throw new TransportError(
          `LINK Mobility refused the message (result ${resultCode})`,
          kind === 'failed',
        );
      }
      // Only the status and LINK's numeric code: an error description may quote the number.
      const parsed = ErrorBody.safeParse(parseJson(text));
      const code = parsed.success ? (parsed.data.resultCode ?? parsed.data.errorCode) : undefined;
      const permanent = status >= 400 && status < 500 && status !== 429 && status !== 408;
      throw new TransportError(
        `LINK Mobility answered HTTP ${status}${code !== undefined ? ` (${code})` : ''}`,
        permanent,
      );
    },
  };
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}
