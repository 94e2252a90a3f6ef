import type { Me } from '@visitt/contracts';
import type { UserId } from '@visitt/domain';
import type { Queryable } from '../db/pool';
import { isStrongAuthMethod, type AuthMethod } from '../db/sessions';
import { findMemberships, findUser } from '../db/users';
import { fail } from '../core/errors';

/**
 * The signed-in user as the client sees them, with their staff memberships and whether `session`
 * (how this browser signed in) counts as strong sign-in and as a staff sign-in.
 */
export async function presentMe(
  db: Queryable,
  userId: UserId,
  session: { authMethod: AuthMethod; staff: boolean },
): Promise<Me> {
  const [user, memberships] = await Promise.all([
    findUser(db, userId),
    findMemberships(db, userId),
  ]);
  if (!user) throw fail('unauthorized');
  return {
    id: user.id,
    name: user.name,
    givenName: user.givenName,
    familyName: user.familyName,
    birthDate: user.birthDate,
    email: user.email,
    emailVerified: user.emailVerifiedAt !== null,
    phone: user.phone,
    phoneVerified: user.phoneVerifiedAt !== null,
    locale: user.locale,
    memberships,
    strongAuth: isStrongAuthMethod(session.authMethod),
    staffSession: session.staff,
  };
}
