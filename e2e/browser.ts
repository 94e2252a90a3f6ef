import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { inject } from 'vitest';

const require = createRequire(import.meta.url);

/** Debian's Chromium (or CHROMIUM_PATH), never a downloaded browser. */
export async function launchChromium(
  extraArgs: string[] = [],
  executablePath = process.env.CHROMIUM_PATH || '/usr/bin/chromium',
): Promise<Browser> {
  return chromium.launch({
    executablePath,
    headless: true,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      ...extraArgs,
    ],
  });
}

export const baseUrl = (): string => inject('baseUrl');

export const PHONE = { width: 390, height: 844 };
export const DESKTOP = { width: 1280, height: 800 };

export async function newContext(
  browser: Browser,
  viewport: { width: number; height: number },
  locale = 'nb-NO',
): Promise<BrowserContext> {
  return browser.newContext({
    viewport,
    locale,
    baseURL: baseUrl(),
    timezoneId: 'Europe/Oslo',
    acceptDownloads: true,
  });
}

let axeSource: string | null = null;

/** Runs axe-core in the page and returns the serious and critical violations, with where they are. */
export async function seriousA11yViolations(page: Page): Promise<string[]> {
  axeSource ??= await readFile(require.resolve('axe-core/axe.min.js'), 'utf8');
  await page.evaluate(axeSource);
  const violations = await page.evaluate(async () => {
    const axe = (
      window as unknown as {
        axe: {
          run: (
            ctx: Document,
            opts: object,
          ) => Promise<{
            violations: {
              id: string;
              impact: string;
              nodes: { target: string[] }[];
              help: string;
            }[];
          }>;
        };
      }
    ).axe;
    const result = await axe.run(document, { resultTypes: ['violations'] });
    return result.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      targets: v.nodes.map((n) => n.target.join(' ')),
    }));
  });
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.impact} ${v.id}: ${v.help} at ${v.targets.join(', ')}`);
}

/** The newest sign-in code the demo outbox holds for an address. */
export async function codeFromOutbox(to: string): Promise<string> {
  for (let i = 0; i < 50; i++) {
    const response = await fetch(`${baseUrl()}/api/v1/dev/outbox?to=${encodeURIComponent(to)}`);
    const messages = (await response.json()) as { text: string }[];
    const code = /\b(\d{6})\b/.exec(messages[0]?.text ?? '')?.[1];
    if (code) return code;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`no code for ${to}`);
}

/** A signed-in API client (another patient, outside the browser). */
export async function apiAs(email: string) {
  const base = baseUrl();
  const origin = new URL(base).origin;
  const post = (path: string, body: unknown, cookie?: string) =>
    fetch(`${base}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin, ...(cookie ? { cookie } : {}) },
      body: JSON.stringify(body),
    });
  await post('/api/v1/auth/code', { email });
  const verified = await post('/api/v1/auth/code/verify', {
    email,
    code: await codeFromOutbox(email),
  });
  const cookie = (verified.headers.get('set-cookie') ?? '').split(';')[0]!;
  return {
    get: async (path: string) => (await fetch(`${base}${path}`, { headers: { cookie } })).json(),
    post: async (path: string, body: unknown) => {
      const response = await post(path, body, cookie);
      return { status: response.status, body: await response.json() };
    },
    patch: async (path: string, body: unknown) => {
      const response = await fetch(`${base}${path}`, {
        method: 'PATCH',
        headers: { 'content-type': 'application/json', origin, cookie },
        body: JSON.stringify(body),
      });
      return { status: response.status, body: (await response.json()) as unknown };
    },
  };
}
