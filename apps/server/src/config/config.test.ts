import { describe, expect, it } from 'vitest';
import { ConfigError } from './config';
import { chooseMode, loadConfig } from './config';

describe('loadConfig', () => {
  it('gives the demo defaults', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({
      mode: 'demo',
      port: 3000,
      dataDir: './data',
      publicUrl: 'http://localhost:3000',
      databaseUrl: undefined,
    });
    expect(config.allowedOrigins).toContain('http://localhost:3000');
  });

  it('treats empty variables as unset, as in .env.example', () => {
    expect(loadConfig({ DATABASE_URL: '', PORT: '', SMTP_URL: '' })).toMatchObject({
      port: 3000,
      databaseUrl: undefined,
    });
  });

  it('reports every bad variable at once', () => {
    let problems: string[] = [];
    try {
      loadConfig({
        VISITT_MODE: 'demo',
        PORT: 'x',
        DATABASE_URL: 'mysql://db',
        SESSION_IDLE_MINUTES: '1',
      });
    } catch (error) {
      problems = (error as ConfigError).problems;
    }
    expect(problems.map((p) => p.split(':')[0])).toEqual([
      'PORT',
      'DATABASE_URL',
      'SESSION_IDLE_MINUTES',
    ]);
  });

  it('uses secure cookies and no local origins in production', () => {
    const config = loadConfig({
      NODE_ENV: 'production',
      PUBLIC_URL: 'https://visitt.example.no/',
      VISITT_SECRET: 's'.repeat(32),
    });
    expect(config.isProduction).toBe(true);
    expect(config.publicUrl).toBe('https://visitt.example.no');
    expect(config.allowedOrigins).toEqual(['https://visitt.example.no']);
  });

  it('configures OpenID Connect providers with ID-porten and HelseID defaults', () => {
    const config = loadConfig({
      VISITT_MODE: 'demo',
      OIDC_PATIENT_ISSUER: 'https://idporten.example.no',
      OIDC_PATIENT_CLIENT_ID: 'visitt',
      OIDC_PATIENT_CLIENT_SECRET: 'secret',
      OIDC_STAFF_ISSUER: 'https://helseid.example.no',
      OIDC_STAFF_CLIENT_ID: 'visitt-staff',
      OIDC_STAFF_PRIVATE_KEY: JSON.stringify({ kty: 'EC', crv: 'P-256', d: 'x', x: 'y', y: 'z' }),
      OIDC_STAFF_ACR_VALUES: 'Level4, Level3',
    });
    expect(config.oidc.patient).toEqual({
      issuer: 'https://idporten.example.no',
      clientId: 'visitt',
      clientAuth: 'client_secret_basic',
      clientSecret: 'secret',
      privateKey: undefined,
      acrValues: ['idporten-loa-high'],
      scope: 'openid profile',
      pidClaim: 'pid',
      name: 'ID-porten',
    });
    expect(config.oidc.staff).toMatchObject({
      clientAuth: 'private_key_jwt',
      acrValues: ['Level4', 'Level3'],
      scope: 'openid profile helseid://scopes/identity/pid',
      pidClaim: 'helseid://claims/identity/pid',
      name: 'HelseID',
    });
    expect(loadConfig({}).oidc).toEqual({ patient: null, staff: null });
  });

  it('lists what an OpenID Connect provider lacks', () => {
    let problems: string[] = [];
    try {
      loadConfig({
        NODE_ENV: 'production',
        PUBLIC_URL: 'https://visitt.example.no',
        VISITT_SECRET: 's'.repeat(32),
        OIDC_PATIENT_ISSUER: 'http://idporten.example.no',
        OIDC_PATIENT_SCOPE: 'profile',
        OIDC_STAFF_ISSUER: 'https://helseid.example.no',
        OIDC_STAFF_CLIENT_ID: 'visitt-staff',
        OIDC_STAFF_CLIENT_AUTH: 'private_key_jwt',
        OIDC_STAFF_PRIVATE_KEY: '{"kty":"RSA","n":"public only"}',
      });
    } catch (error) {
      problems = (error as ConfigError).problems;
    }
    expect(problems).toEqual([
      'OIDC_PATIENT_CLIENT_ID: required with OIDC_PATIENT_ISSUER',
      'OIDC_PATIENT_CLIENT_SECRET: required for client_secret_basic',
      'OIDC_PATIENT_SCOPE: must include openid',
      'OIDC_PATIENT_ISSUER: must be https in production',
      'OIDC_STAFF_PRIVATE_KEY: must be a private key (with `d`)',
      'OIDC_STAFF_ACR_VALUES: required with OIDC_STAFF_ISSUER',
    ]);
    expect(() => loadConfig({ OIDC_STAFF_CLIENT_ID: 'x' })).toThrow(
      'OIDC_STAFF_CLIENT_ID: needs OIDC_STAFF_ISSUER',
    );
  });
});

describe('chooseMode', () => {
  const https = 'https://visitt.example.no';
  const db = 'postgres://visitt@db.example.no/visitt';
  it.each([
    // env, mode, reason
    [{}, 'demo', expect.stringContaining('nothing set that only a deployment has')],
    [{ PUBLIC_URL: 'http://localhost:3000' }, 'demo', expect.stringContaining('no VISITT_MODE')],
    [{ DATABASE_URL: '', SMTP_URL: '', NODE_ENV: 'development' }, 'demo', expect.any(String)],
    [{ NODE_ENV: 'production' }, 'production', 'NODE_ENV is production'],
    [{ PUBLIC_URL: https }, 'production', 'PUBLIC_URL is https'],
    [{ PUBLIC_URL: 'HTTPS://VISITT.EXAMPLE.NO' }, 'production', 'PUBLIC_URL is https'],
    [{ DATABASE_URL: db }, 'production', 'DATABASE_URL is set'],
    [{ SMTP_URL: 'smtp://smtp.example.no' }, 'production', 'SMTP_URL is set'],
    [{ LINK_SMS_URL: 'https://n-eu.linkmobility.io' }, 'production', 'LINK SMS is configured'],
    [{ LINK_SMS_USERNAME: 'visitt' }, 'production', 'LINK SMS is configured'],
    // Read as the schema reads them: a stray space or capital letter is still a deployment.
    [{ PUBLIC_URL: ` ${https}` }, 'production', 'PUBLIC_URL is https'],
    [{ NODE_ENV: 'Production' }, 'production', 'NODE_ENV is production'],
    [{ DATABASE_URL: ' ', SMTP_URL: '  ' }, 'demo', expect.any(String)],
    [{ VISITT_SECRET: 'x'.repeat(32) }, 'production', 'VISITT_SECRET is set'],
    [
      { OIDC_STAFF_ISSUER: 'https://helseid-sts.nhn.no' },
      'production',
      'an identity provider is configured',
    ],
    [{ OIDC_PATIENT_ISSUER: 'http://127.0.0.1:4000' }, 'demo', expect.any(String)],
    [{ METRICS_TOKEN: 'm'.repeat(16) }, 'production', 'METRICS_TOKEN is set'],
    [{ TRUST_PROXY: 'TRUE' }, 'production', 'TRUST_PROXY is on'],
    [{ VISITT_MODE: ' demo ', PUBLIC_URL: https }, 'demo', 'VISITT_MODE is demo'],
    [
      { PUBLIC_URL: https, DATABASE_URL: db },
      'production',
      'PUBLIC_URL is https, DATABASE_URL is set',
    ],
    [{ VISITT_MODE: 'demo', PUBLIC_URL: https, DATABASE_URL: db }, 'demo', 'VISITT_MODE is demo'],
    [{ VISITT_MODE: 'demo', NODE_ENV: 'production' }, 'demo', 'VISITT_MODE is demo'],
    [{ VISITT_MODE: 'production' }, 'production', 'VISITT_MODE is production'],
    // An unknown VISITT_MODE is reported by loadConfig; the mode still follows the other settings.
    [{ VISITT_MODE: 'prod', DATABASE_URL: db }, 'production', 'DATABASE_URL is set'],
  ] as const)('%o → %s', (env, mode, reason) => {
    expect(chooseMode(env)).toMatchObject({ mode, reason });
  });

  it('makes a deployment setting without VISITT_MODE start in production, with its checks', () => {
    let problems: string[] = [];
    try {
      loadConfig({ DATABASE_URL: 'postgres://visitt@db.example.no/visitt' });
    } catch (error) {
      expect(error).toBeInstanceOf(ConfigError);
      problems = (error as ConfigError).problems;
    }
    expect(problems).toEqual([
      'VISITT_SECRET: required in production',
      'PUBLIC_URL: required in production',
    ]);
    expect(
      loadConfig({ VISITT_MODE: 'demo', DATABASE_URL: 'postgres://visitt@db.example.no/visitt' }),
    ).toMatchObject({ mode: 'demo', isProduction: false, modeReason: 'VISITT_MODE is demo' });
    expect(
      loadConfig({ PUBLIC_URL: 'https://visitt.example.no', VISITT_SECRET: 's'.repeat(32) }),
    ).toMatchObject({
      mode: 'production',
      isProduction: true,
      modeReason: 'PUBLIC_URL is https, VISITT_SECRET is set',
    });
  });
});
