import type { Instant, UserId } from '@visitt/domain';
import type { GuestLinkRow } from '../db/guests';
import type { AuthMethod } from '../db/sessions';
import type { AppDeps } from '../deps';

export interface Actor {
  readonly userId: UserId;
  readonly authMethod: AuthMethod;
  /** When this session signed in (a fresh sign-in is needed to change contact details). */
  readonly signedInAt: Instant;
  /** Signed in as staff must (password and TOTP, or HelseID): only then do staff rights apply. */
  readonly staff: boolean;
  /** The identity provider's `acr` of an OpenID Connect sign-in (the ID-porten level); else null. */
  readonly acr: string | null;
}

/** What a command gets: the application's dependencies, who is asking, and from where. */
export interface RequestContext extends AppDeps {
  readonly actor: Actor | null;
  readonly ip: string;
  readonly acceptLanguage: string | undefined;
  /** The session cookie's token, when one came with the request (rotated at sign-in). */
  readonly sessionToken: string | null;
  /** On `guest` routes: the guest whose link this browser holds (checked before the handler). */
  readonly guest?: GuestLinkRow;
}

export interface SignedInContext extends RequestContext {
  readonly actor: Actor;
}
