import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { createServer, request as httpRequest, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import Provider, { type ClientMetadata, type Configuration } from 'oidc-provider';

/**
 * A real OpenID Provider for tests (panva's `oidc-provider`, the certified implementation), on a
 * local port: authorization code flow with PKCE required, signed ID tokens, and a login that
 * needs no person — the interaction is finished at once as the test's current account, with the
 * `acr` the test chose. Test support only; never imported by the application.
 */

export interface TestAccount {
  /** The provider's subject. */
  sub: string;
  /** The national identity number (put in `pid` and HelseID's claim). */
  pid?: string;
  name?: string;
  /** `given_name`, `family_name` and `birthdate` (`YYYY-MM-DD`), as ID-porten's profile gives them. */
  givenName?: string;
  familyName?: string;
  birthdate?: string;
  /** The level of assurance this login reaches. */
  acr: string;
}

export interface TestOidcProvider {
  /** The issuer identifier (its base URL unless one was given). */
  readonly issuer: string;
  /** Where it listens. */
  readonly url: string;
  /** Who the next login signs in as. */
  account: TestAccount;
  close(): Promise<void>;
}

export const ACR_LEVELS = ['idporten-loa-low', 'idporten-loa-substantial', 'idporten-loa-high'];
export const HELSEID_PID_CLAIM = 'helseid://claims/identity/pid';

function signingKey() {
  const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  return { ...privateKey.export({ format: 'jwk' }), kid: 'test-key', alg: 'RS256', use: 'sig' };
}

/**
 * Starts a provider with these clients. `issuer` overrides the issuer identifier (to put the
 * provider behind a proxy at another address); by default it is the provider's own URL.
 */
export async function startOidcProvider(options: {
  clients: ClientMetadata[];
  account?: TestAccount;
  issuer?: (url: string) => string;
}): Promise<TestOidcProvider> {
  const server: Server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const issuer = options.issuer?.(url) ?? url;
  const state: { account: TestAccount } = {
    account: options.account ?? { sub: 'person-1', pid: '01017012345', acr: 'idporten-loa-high' },
  };

  const configuration: Configuration = {
    clients: options.clients,
    jwks: { keys: [signingKey()] },
    cookies: { keys: [randomBytes(16).toString('hex')] },
    acrValues: ACR_LEVELS,
    claims: {
      openid: ['sub', 'pid', 'name', 'given_name', 'family_name', 'birthdate', HELSEID_PID_CLAIM],
    },
    // Claims in the ID token itself, as ID-porten and HelseID put `pid` there.
    conformIdTokenClaims: false,
    pkce: { required: () => true, methods: ['S256'] },
    ttl: { Interaction: 600, Session: 600, Grant: 600, AccessToken: 600, IdToken: 600 },
    features: { devInteractions: { enabled: false } },
    interactions: { url: (_ctx, interaction) => `/interaction/${interaction.uid}` },
    findAccount: (_ctx, sub) => {
      const account = state.account;
      return {
        accountId: sub,
        claims: () => ({
          sub,
          ...(account.pid ? { pid: account.pid, [HELSEID_PID_CLAIM]: account.pid } : {}),
          ...(account.name ? { name: account.name } : {}),
          ...(account.givenName ? { given_name: account.givenName } : {}),
          ...(account.familyName ? { family_name: account.familyName } : {}),
          ...(account.birthdate ? { birthdate: account.birthdate } : {}),
        }),
      };
    },
    // First-party clients: consent is given without asking.
    loadExistingGrant: async (ctx) => {
      const grant = new ctx.oidc.provider.Grant({
        clientId: ctx.oidc.client!.clientId,
        accountId: ctx.oidc.session!.accountId!,
      });
      const scope = ctx.oidc.params?.scope;
      grant.addOIDCScope(typeof scope === 'string' ? scope : 'openid');
      await grant.save();
      return grant;
    },
  };
  const provider = new Provider(issuer, configuration);
  provider.on('server_error', (_ctx, error) => {
    process.stderr.write(`oidc-provider server_error: ${error.message}\n`);
  });
  const callback = provider.callback();

  server.on('request', (req, res) => {
    if (!(req.url ?? '').startsWith('/interaction/')) {
      void callback(req, res);
      return;
    }
    // The login page: signs the current account in at its acr, without a form.
    void (async () => {
      try {
        await provider.interactionDetails(req, res);
        const account = state.account;
        const returnTo = await provider.interactionResult(
          req,
          res,
          { login: { accountId: account.sub, acr: account.acr, amr: ['BankID'] } },
          { mergeWithLastSubmission: false },
        );
        res.writeHead(303, { location: returnTo, 'content-length': '0' }).end();
      } catch (error) {
        res.writeHead(500).end(String(error));
      }
    })();
  });

  return {
    issuer,
    url,
    get account() {
      return state.account;
    },
    set account(account: TestAccount) {
      state.account = account;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/**
 * An HTTP proxy in front of a provider that lies in the ways an attacker in the middle, or a
 * misconfigured provider, would: it can rewrite the discovery document's `issuer` (to its own
 * address) and swap the client credentials of token requests (so the ID token is issued to
 * another client). Everything else passes through unchanged.
 */
export async function startTamperingProxy(
  target: () => string,
  tamper: {
    /** Discovery says the issuer is the proxy (and drops RFC 9207's `iss` support flag). */
    issuerIsProxy?: boolean;
    /** Token requests are made with these client_secret_post credentials instead. */
    tokenClient?: { id: string; secret: string };
  },
): Promise<{ url: string; close(): Promise<void> }> {
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      let body = Buffer.concat(chunks);
      const headers = { ...req.headers };
      if (tamper.tokenClient && req.method === 'POST' && req.url === '/token') {
        const form = new URLSearchParams(body.toString('utf8'));
        form.set('client_id', tamper.tokenClient.id);
        form.set('client_secret', tamper.tokenClient.secret);
        delete headers.authorization;
        body = Buffer.from(form.toString());
        headers['content-length'] = String(body.length);
      }
      const upstream = httpRequest(
        `${target()}${req.url ?? '/'}`,
        { method: req.method, headers },
        (answer) => {
          const parts: Buffer[] = [];
          answer.on('data', (chunk: Buffer) => parts.push(chunk));
          answer.on('end', () => {
            let payload = Buffer.concat(parts);
            const outHeaders = { ...answer.headers };
            if (tamper.issuerIsProxy && req.url === '/.well-known/openid-configuration') {
              const metadata = JSON.parse(payload.toString('utf8')) as Record<string, unknown>;
              metadata.issuer = proxyUrl;
              delete metadata.authorization_response_iss_parameter_supported;
              payload = Buffer.from(JSON.stringify(metadata));
              outHeaders['content-length'] = String(payload.length);
              delete outHeaders.etag;
            }
            res.writeHead(answer.statusCode ?? 502, outHeaders).end(payload);
          });
        },
      );
      upstream.on('error', () => res.writeHead(502).end());
      upstream.end(body);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const proxyUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url: proxyUrl,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
