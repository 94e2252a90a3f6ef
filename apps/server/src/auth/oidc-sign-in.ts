import {
  LocalDateString,
  PersonName,
  type AuthProviders,
  type ErrorCode,
  type OidcKind,
  type OidcStartQuery,
} from '@visitt/contracts';
import { safeReturnPath, type Instant, type UserId, isPossibleBirthDate } from '@visitt/domain';
import type { Config, OidcProviderConfig } from '../config/config';
import { withTransaction, type Tx } from '../db/pool';
import { hitRateLimit, type RateLimitRule } from '../db/rate-limits';
import { createSession, deleteSession } from '../db/sessions';
import { fillMissingProfile, isActiveStaff } from '../db/users';
import type { RequestContext } from '../core/context';
import { equalBuffers, hmac } from '../lib/crypto';
import { localeFromAcceptLanguage } from '../notifications/texts';
import {
  hasIdentity,
  insertIdentityUser,
  insertOidcRequest,
  linkIdentity,
  takeOidcRequest,
  useIdentity,
  type IdentityProvider,
} from './oidc-db';
import {
  authorizationUrl,
  describeOidcError,
  exchangeCode,
  newAuthorizationSecrets,
  oidcConfiguration,
} from './oidc-client';

/** How long a round trip to the identity provider may take. */
export const OIDC_REQUEST_TTL_MS = 10 * 60_000;

/** Sign-ins one IP address may start (a clinic's network may share one). */
const OIDC_START_LIMIT: RateLimitRule = { bucket: 'oidc:ip', limit: 100, windowMs: 15 * 60_000 };

const providerName = {
  patient: 'patient_oidc',
  staff: 'staff_oidc',
} as const satisfies Record<OidcKind, IdentityProvider>;

/** The web client's sign-in pages, where a refusal is shown from `?feil=<code>`. */
export const SIGN_IN_PAGE = {
  patient: '/logg-inn',
  staff: '/ansatt/logg-inn',
} as const satisfies Record<OidcKind, string>;

const DEFAULT_RETURN = { patient: '/', staff: '/arbeidsflate' } as const satisfies Record<
  OidcKind,
  string
>;

/**
 * A refused OpenID Connect sign-in. `code` is all the browser learns (in the redirect to the
 * sign-in page); `reason` and `detail` are for the log, and hold no personal data or tokens.
 */
export class OidcRefusal extends Error {
  /** Where the sign-in was to lead, once the refused request is known: kept for a new try. */
  returnTo: string | null = null;

  constructor(
    readonly code: ErrorCode,
    readonly reason: string,
    readonly detail: Record<string, string> = {},
  ) {
    super(reason);
  }
}

/** Where the provider sends the browser back: registered with the provider as the redirect URI. */
export const callbackUrlFor = (config: Config, kind: OidcKind): string =>
  `${config.publicUrl}/api/v1/auth/oidc/${kind}/callback`;

/** The sign-in page showing `code`, and where a new try should lead when not the default. */
export function refusalLocation(kind: OidcKind, code: ErrorCode, returnTo?: string | null): string {
  const query = new URLSearchParams({ feil: code });
  if (returnTo && returnTo !== DEFAULT_RETURN[kind]) query.set('neste', returnTo);
  return `${SIGN_IN_PAGE[kind]}?${query.toString()}`;
}

/** Which providers this installation has, for the sign-in pages' buttons. */
export function listIdentityProviders(config: Config): AuthProviders {
  const entry = (kind: OidcKind) => {
    const provider = config.oidc[kind];
    return provider ? { name: provider.name, startPath: `/api/v1/auth/oidc/${kind}/start` } : null;
  };
  return { patient: entry('patient'), staff: entry('staff') };
}

function configuredProvider(config: Config, kind: OidcKind): OidcProviderConfig {
  const provider = config.oidc[kind];
  if (!provider) throw new OidcRefusal('oidc_unavailable', 'provider not configured');
  return provider;
}

async function discover(provider: OidcProviderConfig) {
  try {
    return await oidcConfiguration(provider);
  } catch (error) {
    throw new OidcRefusal('oidc_unavailable', 'discovery failed', describeOidcError(error));
  }
}

const stateHash = (secret: string, state: string): Buffer => hmac(secret, 'oidc-state', state);

/**
 * Starts an OpenID Connect sign-in: stores the round trip (state as an HMAC, PKCE verifier, nonce,
 * where to return — a path on this site only — and, with `link=1`, the signed-in user to link the
 * identity to) and returns the provider's authorization URL (code flow, PKCE S256, `state`,
 * `nonce`, `acr_values`) and the state for the browser-binding cookie. Linking needs a session,
 * and for the staff provider an active staff account. Refusals are {@link OidcRefusal}s.
 */
export async function startOidcSignIn(
  ctx: RequestContext,
  kind: OidcKind,
  query: OidcStartQuery,
): Promise<{ location: string; state: string }> {
  const provider = configuredProvider(ctx.config, kind);
  const now = ctx.clock.now();
  // Each start stores a round trip: a flood from one address is cut off.
  const hit = await hitRateLimit(ctx.db, ctx.secret, OIDC_START_LIMIT, ctx.ip, now);
  if (!hit.allowed) throw new OidcRefusal('rate_limited', 'too many starts from one address');
  let linkUserId: UserId | null = null;
  if (query.link === '1') {
    if (!ctx.actor) throw new OidcRefusal('unauthorized', 'link without a session');
    // Only a staff session (password and authenticator app) may link: from an e-mail code
    // session, someone with the mailbox could link their own identity and skip the second factor.
    if (kind === 'staff' && !(ctx.actor.staff && (await isActiveStaff(ctx.db, ctx.actor.userId))))
      throw new OidcRefusal('forbidden', 'staff link without a staff session');
    linkUserId = ctx.actor.userId;
  }
  const configuration = await discover(provider);
  const secrets = await newAuthorizationSecrets();
  await insertOidcRequest(ctx.db, {
    stateHash: stateHash(ctx.secret, secrets.state),
    provider: providerName[kind],
    codeVerifier: secrets.codeVerifier,
    nonce: secrets.nonce,
    returnTo: safeReturnPath(query.next, DEFAULT_RETURN[kind]),
    linkUserId,
    now,
    expiresAt: (now + OIDC_REQUEST_TTL_MS) as Instant,
  });
  const location = authorizationUrl(configuration, provider, {
    redirectUri: callbackUrlFor(ctx.config, kind),
    state: secrets.state,
    nonce: secrets.nonce,
    codeChallenge: secrets.codeChallenge,
  });
  return { location: location.href, state: secrets.state };
}

/** The person's name from the ID token, if the provider gives one (ID-porten does not). */
function nameFrom(claims: Record<string, unknown>): string | null {
  const text = (value: unknown) => (typeof value === 'string' ? value.trim() : '');
  const name =
    text(claims.name) || [text(claims.given_name), text(claims.family_name)].join(' ').trim();
  return name ? name.slice(0, 120) : null;
}

/**
 * Who the person is, as far as the ID token says (ID-porten gives `given_name`, `family_name` and
 * `birthdate` when the client asks for the profile scope): each part only when it is a valid
 * name or a possible date of birth at `now`, else null. A bad claim never stops the sign-in.
 */
export function profileFrom(
  claims: Record<string, unknown>,
  now: Instant,
): { givenName: string | null; familyName: string | null; birthDate: string | null } {
  const name = (value: unknown) => {
    const parsed = PersonName.safeParse(value);
    return parsed.success ? parsed.data : null;
  };
  const date = LocalDateString.safeParse(claims.birthdate);
  return {
    givenName: name(claims.given_name),
    familyName: name(claims.family_name),
    birthDate: date.success && isPossibleBirthDate(date.data, now) ? date.data : null,
  };
}

/**
 * Which user the identity signs in. Patients: the identity's user; else, when linking, the
 * signed-in user; else a new user. Staff: the identity's user, or when linking the signed-in
 * staff user; an unlinked identity is refused (`oidc_not_linked`), as is one whose user is no
 * longer active staff.
 */
async function resolveUser(
  ctx: RequestContext,
  tx: Tx,
  kind: OidcKind,
  subjectHash: Buffer,
  linkUserId: UserId | null,
  name: string | null,
  now: Instant,
): Promise<UserId> {
  const provider = providerName[kind];
  const existing = await useIdentity(tx, provider, subjectHash, now);
  let userId: UserId;
  if (existing) {
    if (linkUserId && existing !== linkUserId)
      throw new OidcRefusal('oidc_identity_in_use', 'identity belongs to another user');
    userId = existing;
  } else if (linkUserId) {
    if (await hasIdentity(tx, provider, linkUserId))
      throw new OidcRefusal('oidc_identity_in_use', 'account has another identity');
    if (!(await linkIdentity(tx, provider, subjectHash, linkUserId, now)))
      throw new OidcRefusal('oidc_identity_in_use', 'identity linked concurrently');
    userId = linkUserId;
  } else if (kind === 'patient') {
    userId = await insertIdentityUser(tx, {
      name,
      locale: localeFromAcceptLanguage(ctx.acceptLanguage),
      now,
    });
    if (!(await linkIdentity(tx, provider, subjectHash, userId, now)))
      throw new OidcRefusal('oidc_failed', 'identity created concurrently');
  } else {
    throw new OidcRefusal('oidc_not_linked', 'staff identity not linked');
  }
  if (kind === 'staff' && !(await isActiveStaff(tx, userId)))
    throw new OidcRefusal('oidc_not_linked', 'user is not active staff');
  return userId;
}

/**
 * Finishes an OpenID Connect sign-in at the callback (`search`: its query string). The state must
 * be the one bound to this browser (`boundState`, from the cookie set at the start) and known and
 * unexpired; it is used up at once, so a replayed callback fails. The library validates the
 * response and the ID token (signature, issuer, audience, expiry, nonce) and exchanges the code
 * with the PKCE verifier; then the `acr` must be one of the accepted values and the identity
 * number claim present. The identity (stored as an HMAC of the number) picks or creates the user,
 * and a new session starts (`auth_method 'oidc'`, with the `acr`). Returns the session token and
 * the path to return to; refusals are {@link OidcRefusal}s.
 */
export async function finishOidcSignIn(
  ctx: RequestContext,
  kind: OidcKind,
  search: string,
  boundState: string | null,
): Promise<{ token: string; returnTo: string }> {
  const provider = configuredProvider(ctx.config, kind);
  const params = new URLSearchParams(search);
  const state = params.get('state');
  if (!state) throw new OidcRefusal('oidc_failed', 'no state');
  if (!boundState || !equalBuffers(stateHash(ctx.secret, state), stateHash(ctx.secret, boundState)))
    throw new OidcRefusal('oidc_failed', 'state not bound to this browser');
  const now = ctx.clock.now();
  const request = await takeOidcRequest(
    ctx.db,
    stateHash(ctx.secret, state),
    providerName[kind],
    now,
  );
  if (!request) throw new OidcRefusal('oidc_failed', 'unknown, used or expired state');
  if (!request.codeVerifier) throw new OidcRefusal('oidc_failed', 'no PKCE verifier');
  if (request.linkUserId && ctx.actor?.userId !== request.linkUserId)
    throw new OidcRefusal('oidc_failed', 'link finished by another session');

  try {
    const configuration = await discover(provider);
    const callbackUrl = new URL(callbackUrlFor(ctx.config, kind));
    callbackUrl.search = params.toString();
    let claims: Record<string, unknown>;
    try {
      claims = await exchangeCode(configuration, callbackUrl, {
        state,
        nonce: request.nonce,
        codeVerifier: request.codeVerifier,
      });
    } catch (error) {
      throw new OidcRefusal('oidc_failed', 'authorization response or ID token refused', {
        ...describeOidcError(error),
      });
    }

    const acr = typeof claims.acr === 'string' ? claims.acr : null;
    if (!acr || !provider.acrValues.includes(acr))
      throw new OidcRefusal('oidc_acr_too_low', 'acr not accepted', {
        acr: (acr ?? 'none').slice(0, 64),
      });
    const pid = claims[provider.pidClaim];
    if (typeof pid !== 'string' || pid.trim() === '')
      throw new OidcRefusal('oidc_failed', 'identity number claim missing', {
        claim: provider.pidClaim,
      });
    const subjectHash = hmac(ctx.secret, 'oidc-pid', pid.trim());

    const token = await withTransaction(ctx.db, async (tx) => {
      const userId = await resolveUser(
        ctx,
        tx,
        kind,
        subjectHash,
        request.linkUserId,
        nameFrom(claims),
        now,
      );
      // A patient who has not said who they are yet gets what the identity provider vouches for;
      // what they gave themselves is kept.
      if (kind === 'patient') await fillMissingProfile(tx, userId, profileFrom(claims, now), now);
      if (ctx.sessionToken) await deleteSession(tx, ctx.sessionToken);
      return createSession(tx, {
        userId,
        authMethod: 'oidc',
        acr,
        // HelseID grants staff rights; a patient's ID-porten does not.
        staff: kind === 'staff',
        now,
        absoluteMs: ctx.config.sessionAbsoluteMs,
      });
    });
    return { token, returnTo: request.returnTo };
  } catch (error) {
    // Refused after the request was found: the sign-in page offers a new try to the same place.
    if (error instanceof OidcRefusal) error.returnTo = request.returnTo;
    throw error;
  }
}
