import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { Instant } from '@visitt/domain';
import { loadConfig } from '../config/config';
import { iceServersFor, turnCredentials } from './turn';

describe('turnCredentials', () => {
  it('follows the TURN REST API scheme coturn checks', () => {
    const now = Date.parse('2026-12-01T10:00:00Z') as Instant;
    const { username, credential, expiresAt } = turnCredentials('north', 'user-1', now, 3600);
    expect(username).toBe(`${Date.parse('2026-12-01T11:00:00Z') / 1000}:user-1`);
    expect(expiresAt).toBe(Date.parse('2026-12-01T11:00:00Z'));
    // What coturn computes: base64(HMAC-SHA1(static-auth-secret, username)).
    expect(credential).toBe(createHmac('sha1', 'north').update(username).digest('base64'));
    expect(Buffer.from(credential, 'base64')).toHaveLength(20);
  });
});

describe('iceServersFor', () => {
  const now = Date.parse('2026-12-01T10:00:00Z') as Instant;

  it('gives STUN and TURN with per-user credentials', () => {
    const config = loadConfig({
      ICE_STUN_URLS: 'stun:stun.example.no:3478',
      ICE_TURN_URLS: 'turn:turn.example.no:3478?transport=udp, turns:turn.example.no:5349',
      TURN_SECRET: 'a-long-shared-secret',
    });
    const { iceServers, expiresAt } = iceServersFor(config.ice, 'u1', now);
    expect(iceServers[0]).toEqual({ urls: ['stun:stun.example.no:3478'] });
    expect(iceServers[1]).toMatchObject({
      urls: ['turn:turn.example.no:3478?transport=udp', 'turns:turn.example.no:5349'],
      username: `${now / 1000 + 3600}:u1`,
    });
    expect(expiresAt).toBe(now + 3_600_000);
  });

  it('gives nothing without configuration (host candidates only)', () => {
    expect(iceServersFor(loadConfig({}).ice, 'u1', now)).toEqual({
      iceServers: [],
      expiresAt: null,
    });
  });

  it('refuses TURN servers without a secret', () => {
    expect(() => loadConfig({ ICE_TURN_URLS: 'turn:x:3478' })).toThrow(/TURN_SECRET/);
  });
});
