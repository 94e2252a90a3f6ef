import { webcrypto } from 'node:crypto';
import * as client from 'openid-client';
import type { OidcProviderConfig } from '../config/config';

/**
 * The OpenID Connect relying party, on `openid-client` v6 (panva's certified client, on
 * `oauth4webapi`). The library validates the authorization response (state, `iss` per RFC 9207,
 * errors), exchanges the code with the PKCE verifier, and validates the ID token: signature
 * against the provider's JWKS (non-repudiation checks turned on), `iss`, `aud`, `exp`, `iat`
 * and `nonce`. What is ours: the `acr` and identity-number checks, in oidc-sign-in.ts.
 */

// One discovery per configured provider and application, made on first use and kept; a failed
// one is forgotten, so the next sign-in tries again.
const discovered = new WeakMap<OidcProviderConfig, Promise<client.Configuration>>();

/** Algorithm parameters for importing a private JWK to sign client assertions with. */
type Jwk = webcrypto.JsonWebKey & { kid?: string; use?: string };

function signingAlgorithm(jwk: Jwk): {
  alg: string;
  params: webcrypto.RsaHashedImportParams | webcrypto.EcKeyImportParams;
} {
  if (jwk.kty === 'EC') return { alg: 'ES256', params: { name: 'ECDSA', namedCurve: 'P-256' } };
  const alg = jwk.alg ?? 'RS256';
  return alg === 'PS256'
    ? { alg, params: { name: 'RSA-PSS', hash: 'SHA-256' } }
    : { alg: 'RS256', params: { name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-256' } };
}

async function clientAuthentication(provider: OidcProviderConfig): Promise<client.ClientAuth> {
  switch (provider.clientAuth) {
    case 'client_secret_basic':
      return client.ClientSecretBasic(provider.clientSecret);
    case 'client_secret_post':
      return client.ClientSecretPost(provider.clientSecret);
    case 'private_key_jwt': {
      const jwk = JSON.parse(provider.privateKey ?? '{}') as Jwk;
      const { alg, params } = signingAlgorithm(jwk);
      const { kid, use: _use, key_ops: _ops, ...material } = jwk;
      const key = await webcrypto.subtle.importKey('jwk', { ...material, alg }, params, false, [
        'sign',
      ]);
      return client.PrivateKeyJwt(kid ? { key, kid } : key);
    }
  }
}

async function discover(provider: OidcProviderConfig): Promise<client.Configuration> {
  // Plain http only reaches this far outside production (config refuses it there): local
  // test providers.
  const insecure = provider.issuer.startsWith('http://');
  return client.discovery(
    new URL(provider.issuer),
    provider.clientId,
    provider.clientSecret ? { client_secret: provider.clientSecret } : undefined,
    await clientAuthentication(provider),
    {
      execute: [
        client.enableNonRepudiationChecks,
        ...(insecure ? [client.allowInsecureRequests] : []),
      ],
      timeout: 10,
    },
  );
}

/** The provider's client configuration, discovered once (throws when it cannot be reached). */
export function oidcConfiguration(provider: OidcProviderConfig): Promise<client.Configuration> {
  let configuration = discovered.get(provider);
  if (!configuration) {
    configuration = discover(provider);
    discovered.set(provider, configuration);
    configuration.catch(() => discovered.delete(provider));
  }
  return configuration;
}

/** A fresh state, nonce and PKCE verifier with its S256 challenge. */
export async function newAuthorizationSecrets(): Promise<{
  state: string;
  nonce: string;
  codeVerifier: string;
  codeChallenge: string;
}> {
  const codeVerifier = client.randomPKCECodeVerifier();
  return {
    state: client.randomState(),
    nonce: client.randomNonce(),
    codeVerifier,
    codeChallenge: await client.calculatePKCECodeChallenge(codeVerifier),
  };
}

/** The provider's authorization URL for an authorization code request with PKCE S256. */
export function authorizationUrl(
  configuration: client.Configuration,
  provider: OidcProviderConfig,
  input: { redirectUri: string; state: string; nonce: string; codeChallenge: string },
): URL {
  return client.buildAuthorizationUrl(configuration, {
    response_type: 'code',
    redirect_uri: input.redirectUri,
    scope: provider.scope,
    state: input.state,
    nonce: input.nonce,
    code_challenge: input.codeChallenge,
    code_challenge_method: 'S256',
    ...(provider.acrValues.length > 0 ? { acr_values: provider.acrValues.join(' ') } : {}),
  });
}

/**
 * Validates the authorization response at `callbackUrl` and exchanges its code; returns the ID
 * token's claims. Throws on any failed check (the library's errors).
 */
export async function exchangeCode(
  configuration: client.Configuration,
  callbackUrl: URL,
  checks: { state: string; nonce: string; codeVerifier: string },
): Promise<client.IDToken> {
  const tokens = await client.authorizationCodeGrant(configuration, callbackUrl, {
    pkceCodeVerifier: checks.codeVerifier,
    expectedState: checks.state,
    expectedNonce: checks.nonce,
    idTokenExpected: true,
  });
  const claims = tokens.claims();
  if (!claims) throw new Error('no ID token');
  return claims;
}

/**
 * What may be logged about a failed exchange: the library's error class and code, and the OAuth
 * error code from the provider. Never tokens, claims or the provider's free text.
 */
export function describeOidcError(error: unknown): Record<string, string> {
  if (!(error instanceof Error)) return { type: typeof error };
  const described: Record<string, string> = { type: error.name };
  const code = (error as { code?: unknown }).code;
  if (typeof code === 'string') described.libraryCode = code;
  const oauthError = (error as { error?: unknown }).error;
  if (typeof oauthError === 'string') described.oauthError = oauthError.slice(0, 64);
  // Which claim failed a comparison: its name only, found in the library's (nested) causes.
  // The causes also hold the claims' values, which never go to the log.
  let cause: unknown = error.cause;
  for (let depth = 0; depth < 3 && typeof cause === 'object' && cause !== null; depth++) {
    const claim = (cause as { claim?: unknown }).claim;
    if (typeof claim === 'string') {
      described.claim = claim.slice(0, 64);
      break;
    }
    cause = (cause as { cause?: unknown }).cause;
  }
  described.message = error.message.slice(0, 160);
  return described;
}
