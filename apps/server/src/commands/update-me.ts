import { checkBirthDate, latestDateOnEarth, type BirthDateRefusal } from '@visitt/domain';
import type { UpdateMeBody } from '@visitt/contracts';
import type { SignedInContext } from '../core/context';
import { invalidField } from '../core/errors';
import { updateUser } from '../db/users';

const BIRTH_DATE_REFUSALS: Record<BirthDateRefusal, string> = {
  invalid: 'birthDate: there is no such date.',
  too_early: 'birthDate: a date of birth cannot be before 1900.',
  future: 'birthDate: a date of birth cannot be in the future.',
};

/**
 * Saves what the signed-in user changes about themselves (name, given and family name, date of
 * birth, language). The date of birth is checked again by the domain's rule with the server's
 * clock, the only one trusted to say what day has begun: a refusal is 400 `validation_failed`
 * with the rule's reason as the `birthDate` issue's message, and nothing is written.
 */
export async function updateMe(ctx: SignedInContext, body: UpdateMeBody): Promise<void> {
  const now = ctx.clock.now();
  if (body.birthDate !== undefined) {
    const decision = checkBirthDate(body.birthDate, latestDateOnEarth(now));
    if (!decision.ok)
      throw invalidField('birthDate', decision.reason, BIRTH_DATE_REFUSALS[decision.reason]);
  }
  await updateUser(ctx.db, ctx.actor.userId, body, now);
}
