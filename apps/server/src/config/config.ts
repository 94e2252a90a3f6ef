import { z } from 'zod';

const Bool = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'])
  .transform((v) => v === 'true' || v === '1' || v === 'yes');

const Env = z.object({
  NODE_ENV: z.string().optional(),
  /**
   * `production` turns off the demo: no seed, no dev outbox, strict secrets. Unset: production
   * when a deployment setting is present (see chooseMode), else demo.
   */
  VISITT_MODE: z.enum(['demo', 'production']).optional(),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().default('0.0.0.0'),
  /** External PostgreSQL; when unset an embedded PostgreSQL runs in VISITT_DATA_DIR. */
  DATABASE_URL: z.url({ protocol: /^postgres(ql)?$/ }).optional(),
  DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(200).default(20),
  VISITT_DATA_DIR: z.string().default('./data'),
  /** The address patients use, e.g. https://visitt.example.no. Decides cookie security. */
  PUBLIC_URL: z.url({ protocol: /^https?$/ }).optional(),
  /** Extra origins allowed to send state-changing requests (comma separated). */
  ALLOWED_ORIGINS: z.string().optional(),
  /** Keys HMACs of sign-in codes and rate-limit keys. At least 32 characters. */
  VISITT_SECRET: z.string().min(32).optional(),
  TRUST_PROXY: Bool.default(false),
  SESSION_IDLE_MINUTES: z.coerce
    .number()
    .int()
    .min(5)
    .max(24 * 60)
    .default(30),
  SESSION_ABSOLUTE_HOURS: z.coerce
    .number()
    .int()
    .min(1)
    .max(24 * 30)
    .default(12),
  /** Sign-in codes one IP address may ask for per hour (a clinic's network may share one). */
  RATE_LIMIT_CODES_PER_IP_PER_HOUR: z.coerce.number().int().min(1).default(100),
  /**
   * Wrong sign-in codes one address (e-mail or mobile) may get in a day, across all its codes:
   * with 6-digit codes, 20 a day keeps an attacker who rotates IP addresses below 0.06 % a month.
   */
  RATE_LIMIT_CODE_TRIES_PER_ADDRESS_PER_DAY: z.coerce.number().int().min(1).max(1000).default(20),
  /**
   * Country calling codes SMS may go to (comma separated, with `+`): codes to other countries are
   * refused, so nobody can run up the SMS bill to premium numbers abroad (toll fraud).
   * Default: Norway and the Nordics.
   */
  SMS_ALLOWED_COUNTRY_CODES: z
    .string()
    .regex(
      /^\+[1-9]\d{0,3}(\s*,\s*\+[1-9]\d{0,3})*$/,
      'comma-separated calling codes such as +47,+46',
    )
    .default('+47,+46,+45,+358,+354'),
  /** SMTP server for e-mail, e.g. smtp://user:pass@smtp.example.no:587. */
  SMTP_URL: z.url({ protocol: /^smtps?$/ }).optional(),
  MAIL_FROM: z.string().default('Visitt <no-reply@visitt.invalid>'),
  /** SMS over LINK Mobility's REST API (`/sms/send`); unset means no SMS outside the demo. */
  LINK_SMS_URL: z.url({ protocol: /^https?$/ }).optional(),
  LINK_SMS_USERNAME: z.string().optional(),
  LINK_SMS_PASSWORD: z.string().optional(),
  LINK_SMS_PLATFORM_ID: z.string().optional(),
  LINK_SMS_PLATFORM_PARTNER_ID: z.string().optional(),
  /** The gate LINK Mobility posts delivery reports through (configured with them). */
  LINK_SMS_GATE_ID: z.string().optional(),
  /** Sender shown on the phone: up to 11 letters/digits, or a number. */
  SMS_SENDER: z
    .string()
    .regex(/^([A-Za-z0-9 ]{1,11}|\+?[0-9]{3,15})$/)
    .default('Visitt'),
  /** Secret part of the delivery-report callback path (/api/v1/sms/reports/<token>). */
  SMS_REPORT_TOKEN: z.string().min(16).optional(),
  /** Web Push contact (mailto: or https:) sent to push services with the VAPID signature. */
  VAPID_SUBJECT: z
    .string()
    .regex(/^(mailto:|https:)/)
    .default('mailto:drift@visitt.invalid'),
  /**
   * Where reports from the accessibility statement (/tilgjengelighet) are e-mailed, and the
   * address the statement shows. Demo: an example address, so reports show in the demo outbox.
   * Production without it: the statement says no address is set, and reports are refused (503).
   */
  VISITT_ACCESSIBILITY_EMAIL: z.email().max(254).optional(),
  /** `inline` runs the notification worker in the server process; `off` when it runs separately. */
  NOTIFICATION_WORKER: z.enum(['inline', 'off']).default('inline'),
  /** How long a worker holds a message it is sending; a crashed worker's messages wait this long. */
  NOTIFICATION_LEASE_SECONDS: z.coerce.number().int().min(1).max(600).default(60),
  /** STUN servers for video calls, comma separated (stun:stun.example.no:3478). */
  ICE_STUN_URLS: z.string().optional(),
  /** TURN servers, comma separated (turn:turn.example.no:3478?transport=udp,turns:…:5349). */
  ICE_TURN_URLS: z.string().optional(),
  /** coturn's static-auth-secret (use-auth-secret): TURN credentials are derived per join. */
  TURN_SECRET: z.string().min(16).optional(),
  /** How long TURN credentials live. */
  TURN_TTL_SECONDS: z.coerce.number().int().min(60).max(86_400).default(3600),
  /** `relay` makes every call go through TURN. */
  ICE_TRANSPORT_POLICY: z.enum(['all', 'relay']).default('all'),
  /**
   * OpenID Connect sign-in for patients (ID-porten style): the provider's issuer, e.g.
   * https://idporten.no. Unset: patients sign in with one-time codes only.
   */
  OIDC_PATIENT_ISSUER: z.url({ protocol: /^https?$/ }).optional(),
  /** The client id registered with the patients' provider. */
  OIDC_PATIENT_CLIENT_ID: z.string().min(1).optional(),
  /** The client secret (for client_secret_basic / client_secret_post). */
  OIDC_PATIENT_CLIENT_SECRET: z.string().min(1).optional(),
  /** How the client authenticates at the token endpoint (default: private_key_jwt with a key, else client_secret_basic). */
  OIDC_PATIENT_CLIENT_AUTH: z
    .enum(['client_secret_basic', 'client_secret_post', 'private_key_jwt'])
    .optional(),
  /** For private_key_jwt: the private key as a JWK (JSON, RSA or EC P-256, with `kid`). */
  OIDC_PATIENT_PRIVATE_KEY: z.string().optional(),
  /**
   * The levels of assurance accepted, space or comma separated, most wanted first: sent as
   * `acr_values`, and the ID token's `acr` must be one of them.
   */
  OIDC_PATIENT_ACR_VALUES: z.string().default('idporten-loa-high'),
  /** Scopes asked for; must include `openid`. */
  OIDC_PATIENT_SCOPE: z.string().default('openid profile'),
  /** The ID token claim with the national identity number that identifies the person. */
  OIDC_PATIENT_PID_CLAIM: z.string().min(1).default('pid'),
  /** The provider's name on the sign-in button. */
  OIDC_PATIENT_NAME: z.string().min(1).max(40).default('ID-porten'),
  /**
   * OpenID Connect sign-in for staff (HelseID style): the provider's issuer, e.g.
   * https://helseid-sts.nhn.no. Unset: staff sign in with password and authenticator app only.
   */
  OIDC_STAFF_ISSUER: z.url({ protocol: /^https?$/ }).optional(),
  /** The client id registered with the staff's provider. */
  OIDC_STAFF_CLIENT_ID: z.string().min(1).optional(),
  /** The client secret (for client_secret_basic / client_secret_post). */
  OIDC_STAFF_CLIENT_SECRET: z.string().min(1).optional(),
  /** How the client authenticates at the token endpoint (HelseID: private_key_jwt). */
  OIDC_STAFF_CLIENT_AUTH: z
    .enum(['client_secret_basic', 'client_secret_post', 'private_key_jwt'])
    .optional(),
  /** For private_key_jwt: the private key as a JWK (JSON, RSA or EC P-256, with `kid`). */
  OIDC_STAFF_PRIVATE_KEY: z.string().optional(),
  /** The levels of assurance accepted (as for patients); required with OIDC_STAFF_ISSUER. */
  OIDC_STAFF_ACR_VALUES: z.string().optional(),
  /** Scopes asked for; must include `openid`. */
  OIDC_STAFF_SCOPE: z.string().default('openid profile helseid://scopes/identity/pid'),
  /** The ID token claim with the national identity number. */
  OIDC_STAFF_PID_CLAIM: z.string().min(1).default('helseid://claims/identity/pid'),
  /** The provider's name on the sign-in button. */
  OIDC_STAFF_NAME: z.string().min(1).max(40).default('HelseID'),
  /** Bearer token for GET /metrics; without it metrics are served only in demo mode. */
  METRICS_TOKEN: z.string().min(16).optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /** Static files of the web client; built by `npm run build`. */
  WEB_DIST_DIR: z.string().optional(),
});

/** The demo's accessibility contact: reports to it land in the demo outbox. */
export const DEMO_ACCESSIBILITY_EMAIL = 'tilgjengelighet@visitt.invalid';

const list = (value: string | undefined): string[] =>
  (value ?? '')
    .split(',')
    .map((v) => v.trim())
    .filter(Boolean);

/** A list separated by spaces or commas, as `acr_values` are written. */
const words = (value: string | undefined): string[] =>
  (value ?? '').split(/[\s,]+/).filter(Boolean);

function oidcProvider(input: {
  issuer: string | undefined;
  clientId: string | undefined;
  clientSecret: string | undefined;
  clientAuth: OidcProviderConfig['clientAuth'] | undefined;
  privateKey: string | undefined;
  acrValues: string | undefined;
  scope: string;
  pidClaim: string;
  name: string;
}): OidcProviderConfig | null {
  // Completeness was checked by crossFieldProblems.
  if (!input.issuer || !input.clientId) return null;
  return {
    issuer: input.issuer,
    clientId: input.clientId,
    clientAuth: input.clientAuth ?? (input.privateKey ? 'private_key_jwt' : 'client_secret_basic'),
    clientSecret: input.clientSecret,
    privateKey: input.privateKey,
    acrValues: words(input.acrValues),
    scope: words(input.scope).join(' '),
    pidClaim: input.pidClaim,
    name: input.name,
  };
}

/** The mode the server runs in, and why, in words for the start-up line. */
export interface ModeChoice {
  readonly mode: 'demo' | 'production';
  /** e.g. `PUBLIC_URL is https, DATABASE_URL is set`. */
  readonly reason: string;
  /** False when the mode was inferred from other settings. */
  readonly isExplicit: boolean;
}

type RawEnv = Record<string, string | undefined>;

/** A variable as the schema will read it: trimmed, and empty counts as unset. */
const setting = (env: RawEnv, name: string): string | undefined => env[name]?.trim() || undefined;
const isHttps = (value: string | undefined) => (value ?? '').toLowerCase().startsWith('https://');

/**
 * Settings that only a real deployment has: any of them without `VISITT_MODE=demo` is
 * production. Read as the schema reads them (trimmed, any case where case does not matter), so a
 * stray space or capital letter never turns a deployment into the demo.
 */
const DEPLOYMENT_SIGNS: readonly {
  readonly reason: string;
  readonly test: (env: RawEnv) => boolean;
}[] = [
  {
    reason: 'NODE_ENV is production',
    test: (env) => setting(env, 'NODE_ENV')?.toLowerCase() === 'production',
  },
  { reason: 'PUBLIC_URL is https', test: (env) => isHttps(setting(env, 'PUBLIC_URL')) },
  { reason: 'DATABASE_URL is set', test: (env) => Boolean(setting(env, 'DATABASE_URL')) },
  { reason: 'VISITT_SECRET is set', test: (env) => Boolean(setting(env, 'VISITT_SECRET')) },
  { reason: 'SMTP_URL is set', test: (env) => Boolean(setting(env, 'SMTP_URL')) },
  {
    reason: 'LINK SMS is configured',
    test: (env) =>
      Object.keys(env).some((name) => name.startsWith('LINK_SMS_') && setting(env, name)),
  },
  {
    reason: 'an identity provider is configured',
    test: (env) =>
      isHttps(setting(env, 'OIDC_PATIENT_ISSUER')) || isHttps(setting(env, 'OIDC_STAFF_ISSUER')),
  },
  { reason: 'METRICS_TOKEN is set', test: (env) => Boolean(setting(env, 'METRICS_TOKEN')) },
  {
    reason: 'TRUST_PROXY is on',
    test: (env) => ['true', '1', 'yes'].includes(setting(env, 'TRUST_PROXY')?.toLowerCase() ?? ''),
  },
];

/**
 * Demo or production. `VISITT_MODE` decides when set; otherwise the server runs in production
 * as soon as anything suggests a real deployment (NODE_ENV=production, an https PUBLIC_URL, an
 * external database, a secret, SMTP, LINK SMS, an https identity provider, a metrics token, a
 * trusted proxy), so a forgotten variable never puts a clinic's server in the demo with its dev
 * outbox and published demo codes. Empty variables count as unset.
 */
export function chooseMode(env: RawEnv): ModeChoice {
  const explicit = setting(env, 'VISITT_MODE');
  if (explicit === 'demo' || explicit === 'production')
    return { mode: explicit, reason: `VISITT_MODE is ${explicit}`, isExplicit: true };
  const signs = DEPLOYMENT_SIGNS.filter(({ test }) => test(env)).map(({ reason }) => reason);
  if (signs.length > 0) return { mode: 'production', reason: signs.join(', '), isExplicit: false };
  return {
    mode: 'demo',
    reason:
      'no VISITT_MODE, and nothing set that only a deployment has (DATABASE_URL, VISITT_SECRET, SMTP_URL, an https PUBLIC_URL…)',
    isExplicit: false,
  };
}

const modeOf = (env: Record<string, string | undefined>) => chooseMode(env).mode;

/** A private JWK we can sign client assertions with, or why not. */
function privateJwkProblem(value: string): string | null {
  let jwk: unknown;
  try {
    jwk = JSON.parse(value);
  } catch {
    return 'must be a JWK in JSON';
  }
  if (typeof jwk !== 'object' || jwk === null) return 'must be a JWK in JSON';
  const key = jwk as Record<string, unknown>;
  if (typeof key.d !== 'string') return 'must be a private key (with `d`)';
  if (key.kty === 'RSA') return null;
  if (key.kty === 'EC' && key.crv === 'P-256') return null;
  return 'must be an RSA or EC P-256 key';
}

/** The cross-variable rules of one OpenID Connect provider (`OIDC_PATIENT_…`, `OIDC_STAFF_…`). */
function oidcProblems(env: Record<string, string | undefined>, prefix: string): string[] {
  const v = (name: string) => env[`${prefix}_${name}`];
  const problems: string[] = [];
  if (!v('ISSUER')) {
    for (const name of ['CLIENT_ID', 'CLIENT_SECRET', 'PRIVATE_KEY', 'CLIENT_AUTH'])
      if (v(name)) problems.push(`${prefix}_${name}: needs ${prefix}_ISSUER`);
    return problems;
  }
  if (!v('CLIENT_ID')) problems.push(`${prefix}_CLIENT_ID: required with ${prefix}_ISSUER`);
  const auth = v('CLIENT_AUTH') ?? (v('PRIVATE_KEY') ? 'private_key_jwt' : 'client_secret_basic');
  if (auth === 'private_key_jwt') {
    const key = v('PRIVATE_KEY');
    if (!key) problems.push(`${prefix}_PRIVATE_KEY: required for private_key_jwt`);
    else {
      const problem = privateJwkProblem(key);
      if (problem) problems.push(`${prefix}_PRIVATE_KEY: ${problem}`);
    }
  } else if (!v('CLIENT_SECRET')) {
    problems.push(`${prefix}_CLIENT_SECRET: required for ${auth}`);
  }
  const scope = v('SCOPE');
  if (scope !== undefined && !scope.split(/\s+/).includes('openid'))
    problems.push(`${prefix}_SCOPE: must include openid`);
  if (prefix === 'OIDC_STAFF' && !v('ACR_VALUES'))
    problems.push('OIDC_STAFF_ACR_VALUES: required with OIDC_STAFF_ISSUER');
  if (modeOf(env) === 'production' && !v('ISSUER')!.startsWith('https://'))
    problems.push(`${prefix}_ISSUER: must be https in production`);
  return problems;
}

/** Rules across variables, and what production needs; checked on the raw environment. */
function crossFieldProblems(env: Record<string, string | undefined>): string[] {
  const problems: string[] = [];
  if (env.ICE_TURN_URLS && !env.TURN_SECRET)
    problems.push('TURN_SECRET: required with ICE_TURN_URLS');
  problems.push(...oidcProblems(env, 'OIDC_PATIENT'), ...oidcProblems(env, 'OIDC_STAFF'));
  if (modeOf(env) !== 'production') return problems;
  if (!env.VISITT_SECRET) problems.push('VISITT_SECRET: required in production');
  if (!env.PUBLIC_URL) problems.push('PUBLIC_URL: required in production');
  else if (!env.PUBLIC_URL.startsWith('https://'))
    problems.push('PUBLIC_URL: must be https in production');
  return problems;
}

/** One OpenID Connect provider, as configured by `OIDC_PATIENT_…` or `OIDC_STAFF_…`. */
export interface OidcProviderConfig {
  readonly issuer: string;
  readonly clientId: string;
  readonly clientAuth: 'client_secret_basic' | 'client_secret_post' | 'private_key_jwt';
  readonly clientSecret: string | undefined;
  /** The private JWK (JSON) for private_key_jwt. */
  readonly privateKey: string | undefined;
  /** Accepted `acr` values, most wanted first; sent as `acr_values`. */
  readonly acrValues: readonly string[];
  readonly scope: string;
  /** The ID token claim holding the national identity number. */
  readonly pidClaim: string;
  /** Shown on the sign-in button. */
  readonly name: string;
}

export interface Config {
  readonly mode: 'demo' | 'production';
  /** Why this mode (see chooseMode), for the start-up line. */
  readonly modeReason: string;
  readonly isProduction: boolean;
  readonly port: number;
  readonly host: string;
  readonly databaseUrl: string | undefined;
  readonly databasePoolSize: number;
  readonly dataDir: string;
  readonly publicUrl: string;
  readonly allowedOrigins: readonly string[];
  readonly secret: string | undefined;
  readonly trustProxy: boolean;
  readonly sessionIdleMs: number;
  readonly sessionAbsoluteMs: number;
  readonly codesPerIpPerHour: number;
  readonly codeTriesPerAddressPerDay: number;
  readonly smtpUrl: string | undefined;
  readonly mailFrom: string;
  readonly sms: {
    readonly linkUrl: string | undefined;
    readonly username: string | undefined;
    readonly password: string | undefined;
    readonly platformId: string | undefined;
    readonly platformPartnerId: string | undefined;
    readonly gateId: string | undefined;
    readonly sender: string;
    readonly reportToken: string | undefined;
    /** Calling codes (`+47`) numbers must start with; others get no SMS. */
    readonly allowedCountryCodes: readonly string[];
  };
  readonly vapidSubject: string;
  /** The operator's accessibility contact (`VISITT_ACCESSIBILITY_EMAIL`); null when not set. */
  readonly accessibilityEmail: string | null;
  readonly notificationWorker: 'inline' | 'off';
  readonly notificationLeaseMs: number;
  readonly ice: {
    readonly stunUrls: readonly string[];
    readonly turnUrls: readonly string[];
    readonly turnSecret: string | undefined;
    readonly turnTtlSeconds: number;
    readonly transportPolicy: 'all' | 'relay';
  };
  /** OpenID Connect providers; null where not configured. */
  readonly oidc: {
    readonly patient: OidcProviderConfig | null;
    readonly staff: OidcProviderConfig | null;
  };
  readonly metricsToken: string | undefined;
  readonly logLevel: string;
  readonly webDistDir: string | undefined;
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
  }
}

/**
 * Reads the whole configuration once at start-up. Throws a ConfigError listing every bad
 * variable at once, so an operator fixes them in one go.
 */
export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  // `NAME=` (as in .env.example) means unset.
  env = Object.fromEntries(
    Object.entries(env).filter(([, value]) => value !== undefined && value !== ''),
  );
  const parsed = Env.safeParse(env);
  const problems = [
    ...(parsed.success
      ? []
      : parsed.error.issues.map((i) => `${i.path.join('.') || '(env)'}: ${i.message}`)),
    ...crossFieldProblems(env),
  ];
  if (!parsed.success || problems.length > 0) throw new ConfigError(problems);
  const e = parsed.data;
  const { mode, reason: modeReason } = chooseMode(env);
  const publicUrl = (e.PUBLIC_URL ?? `http://localhost:${e.PORT}`).replace(/\/+$/, '');
  const extra = (e.ALLOWED_ORIGINS ?? '')
    .split(',')
    .map((o) => o.trim())
    .filter(Boolean);
  const local =
    mode === 'demo'
      ? [`http://localhost:${e.PORT}`, `http://127.0.0.1:${e.PORT}`, 'http://localhost:5173']
      : [];
  return {
    mode,
    modeReason,
    isProduction: mode === 'production',
    port: e.PORT,
    host: e.HOST,
    databaseUrl: e.DATABASE_URL,
    databasePoolSize: e.DATABASE_POOL_SIZE,
    dataDir: e.VISITT_DATA_DIR,
    publicUrl,
    allowedOrigins: [...new Set([new URL(publicUrl).origin, ...extra, ...local])],
    secret: e.VISITT_SECRET,
    trustProxy: e.TRUST_PROXY,
    sessionIdleMs: e.SESSION_IDLE_MINUTES * 60_000,
    sessionAbsoluteMs: e.SESSION_ABSOLUTE_HOURS * 3_600_000,
    codesPerIpPerHour: e.RATE_LIMIT_CODES_PER_IP_PER_HOUR,
    codeTriesPerAddressPerDay: e.RATE_LIMIT_CODE_TRIES_PER_ADDRESS_PER_DAY,
    smtpUrl: e.SMTP_URL,
    mailFrom: e.MAIL_FROM,
    sms: {
      linkUrl: e.LINK_SMS_URL,
      username: e.LINK_SMS_USERNAME,
      password: e.LINK_SMS_PASSWORD,
      platformId: e.LINK_SMS_PLATFORM_ID,
      platformPartnerId: e.LINK_SMS_PLATFORM_PARTNER_ID,
      gateId: e.LINK_SMS_GATE_ID,
      sender: e.SMS_SENDER,
      reportToken: e.SMS_REPORT_TOKEN,
      allowedCountryCodes: list(e.SMS_ALLOWED_COUNTRY_CODES),
    },
    vapidSubject: e.VAPID_SUBJECT,
    accessibilityEmail:
      e.VISITT_ACCESSIBILITY_EMAIL ?? (mode === 'demo' ? DEMO_ACCESSIBILITY_EMAIL : null),
    notificationWorker: e.NOTIFICATION_WORKER,
    notificationLeaseMs: e.NOTIFICATION_LEASE_SECONDS * 1000,
    ice: {
      stunUrls: list(e.ICE_STUN_URLS),
      turnUrls: list(e.ICE_TURN_URLS),
      turnSecret: e.TURN_SECRET,
      turnTtlSeconds: e.TURN_TTL_SECONDS,
      transportPolicy: e.ICE_TRANSPORT_POLICY,
    },
    oidc: {
      patient: oidcProvider({
        issuer: e.OIDC_PATIENT_ISSUER,
        clientId: e.OIDC_PATIENT_CLIENT_ID,
        clientSecret: e.OIDC_PATIENT_CLIENT_SECRET,
        clientAuth: e.OIDC_PATIENT_CLIENT_AUTH,
        privateKey: e.OIDC_PATIENT_PRIVATE_KEY,
        acrValues: e.OIDC_PATIENT_ACR_VALUES,
        scope: e.OIDC_PATIENT_SCOPE,
        pidClaim: e.OIDC_PATIENT_PID_CLAIM,
        name: e.OIDC_PATIENT_NAME,
      }),
      staff: oidcProvider({
        issuer: e.OIDC_STAFF_ISSUER,
        clientId: e.OIDC_STAFF_CLIENT_ID,
        clientSecret: e.OIDC_STAFF_CLIENT_SECRET,
        clientAuth: e.OIDC_STAFF_CLIENT_AUTH,
        privateKey: e.OIDC_STAFF_PRIVATE_KEY,
        acrValues: e.OIDC_STAFF_ACR_VALUES,
        scope: e.OIDC_STAFF_SCOPE,
        pidClaim: e.OIDC_STAFF_PID_CLAIM,
        name: e.OIDC_STAFF_NAME,
      }),
    },
    metricsToken: e.METRICS_TOKEN,
    logLevel: e.LOG_LEVEL,
    webDistDir: e.WEB_DIST_DIR,
  };
}
