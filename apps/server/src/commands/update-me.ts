import { isPossibleBirthDate } from '@visitt/domain';
import type { UpdateMeBody } from '@visitt/contracts';
import type { SignedInContext } from '../core/context';
import { fail } from '../core/errors';
import { updateUser } from '../db/users';

/**
 * Saves what the signed-in user changes about themselves (name, given and family name, date of
 * birth, language). A date of birth in the future is 400 `validation_failed`, checked here
 * because only the server's clock is trusted; nothing is written then.
 */
export async function updateMe(ctx: SignedInContext, body: UpdateMeBody): Promise<void> {
  const now = ctx.clock.now();
  if (body.birthDate !== undefined && !isPossibleBirthDate(body.birthDate, now)) {
    throw fail('validation_failed', 'birthDate: a date of birth cannot be in the future.');
  }
  await updateUser(ctx.db, ctx.actor.userId, body, now);
}
