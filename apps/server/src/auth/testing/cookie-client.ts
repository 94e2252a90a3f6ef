/* eslint-disable @typescript-eslint/no-explicit-any, @typescript-eslint/no-unsafe-assignment -- tests read JSON bodies loosely, as test/harness.ts does */

/**
 * A test HTTP client that behaves like one browser: keeps every cookie it is given (per host,
 * by name; paths and expiry are ignored except deletion), follows no redirects by itself, and
 * sends the app's Origin on state-changing requests.
 */
export class CookieClient {
  private readonly jars = new Map<string, Map<string, string>>();

  constructor(private readonly origin?: string) {}

  /** The cookie `name` held for `url`'s host, if any. */
  cookie(url: string, name: string): string | undefined {
    return this.jars.get(new URL(url).host)?.get(name);
  }

  /** Sets or removes a cookie by hand (a test tampering with what the browser holds). */
  setCookie(url: string, name: string, value: string | null): void {
    const jar = this.jar(new URL(url).host);
    if (value === null) jar.delete(name);
    else jar.set(name, value);
  }

  private jar(host: string): Map<string, string> {
    let jar = this.jars.get(host);
    if (!jar) this.jars.set(host, (jar = new Map<string, string>()));
    return jar;
  }

  async request(
    method: string,
    url: string,
    body?: unknown,
  ): Promise<{ status: number; location: string | null; body: any; headers: Headers }> {
    const target = new URL(url);
    const jar = this.jar(target.host);
    const response = await fetch(target, {
      method,
      redirect: 'manual',
      headers: {
        ...(method !== 'GET' && this.origin ? { origin: this.origin } : {}),
        ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
        ...(jar.size > 0
          ? { cookie: [...jar].map(([name, value]) => `${name}=${value}`).join('; ') }
          : {}),
      },
      body: body !== undefined ? JSON.stringify(body) : null,
    });
    for (const line of response.headers.getSetCookie()) {
      const [pair, ...attributes] = line.split(';');
      const at = pair!.indexOf('=');
      const name = pair!.slice(0, at).trim();
      const value = pair!.slice(at + 1).trim();
      const expired = attributes.some((a) => /^\s*max-age=0\s*$/i.test(a)) || value === '';
      if (expired) jar.delete(name);
      else jar.set(name, value);
    }
    const text = await response.text();
    const type = response.headers.get('content-type') ?? '';
    const parsed: unknown = type.includes('json') && text ? JSON.parse(text) : text;
    return {
      status: response.status,
      location: response.headers.get('location'),
      body: parsed as any,
      headers: response.headers,
    };
  }

  get(url: string) {
    return this.request('GET', url);
  }

  post(url: string, body?: unknown) {
    return this.request('POST', url, body);
  }
}
