import { describe, expect, it } from 'vitest';
import type { ConfigError } from './config';
import { loadConfig } from './config';

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
      loadConfig({ PORT: 'x', DATABASE_URL: 'mysql://db', SESSION_IDLE_MINUTES: '1' });
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
});
