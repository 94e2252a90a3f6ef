import { ApiError, type HoursConflict as HoursConflictBody } from '@visitt/contracts';
import type { TimeZoneId } from '@visitt/domain';
import type { FastifyReply } from 'fastify';
import type { OutsideRow } from '../../commands/admin/outside-hours';
import { presentOutside } from '../../presenters/admin';
import { fail } from '../../core/errors';

export const adminTags = ['admin'];
export const adminErrors = { 400: ApiError, 401: ApiError, 403: ApiError, 404: ApiError };

/** 409 `hours_conflict` with the booked appointments a change would put outside the hours. */
export function sendConflict(
  reply: FastifyReply,
  outside: readonly OutsideRow[],
  timeZone: TimeZoneId,
) {
  const body: HoursConflictBody = {
    error: 'hours_conflict',
    message: fail('hours_conflict').message,
    appointments: outside.map((a) => presentOutside(a, timeZone)),
  };
  return reply.code(409).send(body);
}
