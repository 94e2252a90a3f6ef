import type { UserId } from '@visitt/domain';
import type { AuthMethod } from '../db/sessions';
import type { AppDeps } from '../deps';

export interface Actor {
  readonly userId: UserId;
  readonly authMethod: AuthMethod;
}

/** What a command gets: the application's dependencies, who is asking, and from where. */
export interface RequestContext extends AppDeps {
  readonly actor: Actor | null;
  readonly ip: string;
  readonly acceptLanguage: string | undefined;
  /** The session cookie's token, when one came with the request (rotated at sign-in). */
  readonly sessionToken: string | null;
}

export interface SignedInContext extends RequestContext {
  readonly actor: Actor;
}
