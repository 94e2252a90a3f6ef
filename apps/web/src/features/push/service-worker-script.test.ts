import { describe, expect, it } from 'vitest';
import source from '../../../public/sw.js?raw';

// The real public/sw.js, run with a stand-in `self`: what it shows for a push, and where a
// click on a notification leads.
const ORIGIN = 'https://visitt.example.no';

interface FakeWindow {
  url: string;
  focused: boolean;
  navigatedTo: string | null;
  focus(): Promise<FakeWindow>;
  navigate(url: string): Promise<FakeWindow>;
}

function fakeWindow(path: string): FakeWindow {
  const w: FakeWindow = {
    url: `${ORIGIN}${path}`,
    focused: false,
    navigatedTo: null,
    focus: async () => {
      w.focused = true;
      return w;
    },
    navigate: async (url) => {
      w.navigatedTo = url;
      return w;
    },
  };
  return w;
}

function loadWorker(windows: FakeWindow[] = []) {
  const handlers = new Map<string, (event: unknown) => void>();
  const shown: { title: string; options: Record<string, unknown> }[] = [];
  const opened: string[] = [];
  const self = {
    location: { origin: ORIGIN },
    addEventListener: (type: string, handler: (event: unknown) => void) =>
      handlers.set(type, handler),
    skipWaiting: async () => undefined,
    registration: {
      showNotification: async (title: string, options: Record<string, unknown>) => {
        shown.push({ title, options });
      },
    },
    clients: {
      claim: async () => undefined,
      matchAll: async () => windows,
      openWindow: async (url: string) => {
        opened.push(url);
        return null;
      },
    },
  };
  // eslint-disable-next-line @typescript-eslint/no-implied-eval -- the script under test, from our own repository
  const run = new Function('self', 'fetch', source) as (self: unknown, fetch: unknown) => void;
  run(self, () => Promise.reject(new Error('offline')));

  async function dispatch(type: string, event: Record<string, unknown>) {
    const pending: Promise<unknown>[] = [];
    handlers.get(type)!({ ...event, waitUntil: (p: Promise<unknown>) => pending.push(p) });
    await Promise.all(pending);
  }
  const push = (data: unknown) =>
    dispatch('push', {
      data:
        data === undefined
          ? null
          : {
              json: () => (typeof data === 'string' ? JSON.parse(data) : data),
            },
    });
  const click = (data: unknown) =>
    dispatch('notificationclick', { notification: { data, close: () => undefined } });
  return { push, click, shown, opened };
}

describe('sw.js push', () => {
  it('shows the payload with icon, badge, tag (renotifying) and the url to open', async () => {
    const worker = loadWorker();
    await worker.push({
      title: 'Påminnelse',
      body: 'Du har time i morgen kl. 10.00.',
      url: '/timer/42',
      tag: 'reminder-42',
    });
    expect(worker.shown).toEqual([
      {
        title: 'Påminnelse',
        options: {
          body: 'Du har time i morgen kl. 10.00.',
          data: { url: '/timer/42' },
          icon: '/icons/icon-192.png',
          badge: '/icons/badge-96.png',
          tag: 'reminder-42',
          renotify: true,
        },
      },
    ]);
  });

  it('still notifies for an empty or unreadable push, and never keeps a foreign url', async () => {
    const worker = loadWorker();
    await worker.push(undefined);
    await worker.push('not json');
    await worker.push({ title: 'x', url: 'https://evil.example/phish' });
    await worker.push({ title: 'y', url: '//evil.example/phish' });
    expect(worker.shown.map((n) => n.title)).toEqual(['Visitt', 'Visitt', 'x', 'y']);
    expect(worker.shown.map((n) => n.options.data)).toEqual([
      { url: '/' },
      { url: '/' },
      { url: '/' },
      { url: '/' },
    ]);
    expect(worker.shown[0]!.options).not.toHaveProperty('tag');
  });
});

describe('sw.js notificationclick', () => {
  it('focuses a Visitt window and navigates it to the url', async () => {
    const open = fakeWindow('/');
    const worker = loadWorker([open]);
    await worker.click({ url: '/arbeidsflate' });
    expect(open.focused).toBe(true);
    expect(open.navigatedTo).toBe(`${ORIGIN}/arbeidsflate`);
    expect(worker.opened).toEqual([]);
  });

  it('only focuses a window already showing the url', async () => {
    const there = fakeWindow('/timer/42');
    const worker = loadWorker([fakeWindow('/'), there]);
    await worker.click({ url: '/timer/42' });
    expect(there.focused).toBe(true);
    expect(there.navigatedTo).toBeNull();
  });

  it('never takes a window out of a video call: opens a new one instead', async () => {
    const inCall = fakeWindow('/arbeidsflate/video/7');
    const worker = loadWorker([inCall]);
    await worker.click({ url: '/arbeidsflate' });
    expect(inCall.navigatedTo).toBeNull();
    expect(worker.opened).toEqual([`${ORIGIN}/arbeidsflate`]);
  });

  it('opens a window when none is open, and only on this origin', async () => {
    const worker = loadWorker([]);
    await worker.click({ url: 'https://evil.example/' });
    await worker.click(undefined);
    expect(worker.opened).toEqual([`${ORIGIN}/`, `${ORIGIN}/`]);
  });
});
