import { z } from 'zod';

const Bool = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'])
  .transform((v) => v === 'true' || v === '1' || v === 'yes');

const Env = z.object({
  NODE_ENV: z.string().optional(),
  /** `production` turns off the demo: no seed, no dev outbox, strict secrets. */
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
  /** Bearer token for GET /metrics; without it metrics are served only in demo mode. */
  METRICS_TOKEN: z.string().min(16).optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /** Static files of the web client; built by `npm run build`. */
  WEB_DIST_DIR: z.string().optional(),
});

const list = (value: string | undefined): string[] =>
  (value ?? '')
    .split(',')
    .map((v) => v.trim())
    .filter(Boolean);

const modeOf = (env: Record<string, string | undefined>) =>
  env.VISITT_MODE ?? (env.NODE_ENV === 'production' ? 'production' : 'demo');

/** Rules across variables, and what production needs; checked on the raw environment. */
function crossFieldProblems(env: Record<string, string | undefined>): string[] {
  const problems: string[] = [];
  if (env.ICE_TURN_URLS && !env.TURN_SECRET)
    problems.push('TURN_SECRET: required with ICE_TURN_URLS');
  if (modeOf(env) !== 'production') return problems;
  if (!env.VISITT_SECRET) problems.push('VISITT_SECRET: required in production');
  if (!env.PUBLIC_URL) problems.push('PUBLIC_URL: required in production');
  else if (!env.PUBLIC_URL.startsWith('https://'))
    problems.push('PUBLIC_URL: must be https in production');
  return problems;
}

export interface Config {
  readonly mode: 'demo' | 'production';
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
  };
  readonly vapidSubject: string;
  readonly notificationWorker: 'inline' | 'off';
  readonly notificationLeaseMs: number;
  readonly ice: {
    readonly stunUrls: readonly string[];
    readonly turnUrls: readonly string[];
    readonly turnSecret: string | undefined;
    readonly turnTtlSeconds: number;
    readonly transportPolicy: 'all' | 'relay';
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
  const mode = e.VISITT_MODE ?? (modeOf(env) === 'production' ? 'production' : 'demo');
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
    },
    vapidSubject: e.VAPID_SUBJECT,
    notificationWorker: e.NOTIFICATION_WORKER,
    notificationLeaseMs: e.NOTIFICATION_LEASE_SECONDS * 1000,
    ice: {
      stunUrls: list(e.ICE_STUN_URLS),
      turnUrls: list(e.ICE_TURN_URLS),
      turnSecret: e.TURN_SECRET,
      turnTtlSeconds: e.TURN_TTL_SECONDS,
      transportPolicy: e.ICE_TRANSPORT_POLICY,
    },
    metricsToken: e.METRICS_TOKEN,
    logLevel: e.LOG_LEVEL,
    webDistDir: e.WEB_DIST_DIR,
  };
}
