import { STATUS_CODES } from 'node:http';
import type { Duplex } from 'node:stream';
import type { ApiError } from '@visitt/contracts';
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import {
  hasZodFastifySchemaValidationErrors,
  isResponseSerializationError,
} from 'fastify-type-provider-zod';
import { AppError, defaultMessages } from '../core/errors';
import { EXCLUSION_VIOLATION, sqlState } from '../db/pool';

// Refusals are never kept by a browser or proxy, also those answered before any route matched
// (a malformed path), where the app's no-store hook does not run.
function send(reply: FastifyReply, status: number, body: ApiError): FastifyReply {
  return reply
    .code(status)
    .header('cache-control', 'no-store')
    .type('application/json; charset=utf-8')
    .send(JSON.stringify(body));
}

/**
 * The one place where errors become HTTP answers: refusals keep their code, bad input is 400,
 * an overlap caught by the database's exclusion constraint is 409 `slot_taken`, the rest is 500
 * without details (those go to the log, without request bodies).
 */
export function handleError(
  error: FastifyError | AppError | Error,
  request: FastifyRequest,
  reply: FastifyReply,
) {
  if (error instanceof AppError) {
    reply.headers(error.headers);
    return send(reply, error.status, {
      error: error.code,
      message: error.message,
      ...(error.issues ? { issues: error.issues } : {}),
    });
  }
  if (hasZodFastifySchemaValidationErrors(error)) {
    const issues = error.validation.map((v) => ({
      path: v.instancePath.replace(/^\//, '').replace(/\//g, '.'),
      message: v.message ?? 'invalid',
    }));
    const where = error.validationContext ?? 'request';
    return send(reply, 400, {
      error: 'validation_failed',
      message: `Invalid ${where}: ${issues.map((i) => (i.path ? `${i.path}: ${i.message}` : i.message)).join('; ')}`,
      issues,
    });
  }
  if (sqlState(error) === EXCLUSION_VIOLATION) {
    return send(reply, 409, { error: 'slot_taken', message: defaultMessages.slot_taken });
  }
  if (isResponseSerializationError(error)) {
    request.log.error(
      { err: { message: error.message, issues: error.cause.issues.map((i) => i.path.join('.')) } },
      'response failed its schema',
    );
    return send(reply, 500, { error: 'internal', message: defaultMessages.internal });
  }
  const fastifyError = error as FastifyError;
  const status = fastifyError.statusCode ?? 500;
  if (status === 429)
    return send(reply, 429, { error: 'rate_limited', message: defaultMessages.rate_limited });
  if (status === 404)
    return send(reply, 404, { error: 'not_found', message: defaultMessages.not_found });
  if (status >= 400 && status < 500) {
    // Malformed JSON, wrong content type, body too large: Fastify's own refusals.
    return send(reply, status, { error: 'bad_request', message: fastifyError.message });
  }
  // Only what identifies the fault: a PostgreSQL error's `detail` and `parameters` can hold
  // personal data, so they never reach the log.
  request.log.error(
    {
      err: { type: error.name, code: sqlState(error), message: error.message, stack: error.stack },
    },
    'unhandled error',
  );
  return send(reply, 500, { error: 'internal', message: defaultMessages.internal });
}

/**
 * What Node's HTTP parser refuses before Fastify sees the request (headers too large, a
 * malformed request line) still gets the API's error shape, then the connection is closed.
 */
export function handleClientError(error: NodeJS.ErrnoException, socket: Duplex): void {
  if (error.code === 'ECONNRESET' || socket.destroyed || !socket.writable) return;
  const [status, message] =
    error.code === 'HPE_HEADER_OVERFLOW'
      ? [431, 'The request headers are too large.']
      : error.code === 'ERR_HTTP_REQUEST_TIMEOUT'
        ? [408, 'The request took too long.']
        : [400, 'The request is malformed.'];
  const body = JSON.stringify({ error: 'bad_request', message } satisfies ApiError);
  socket.end(
    `HTTP/1.1 ${status} ${STATUS_CODES[status]}\r\nContent-Type: application/json; charset=utf-8\r\n` +
      'Cache-Control: no-store\r\n' +
      `Content-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
  );
}
