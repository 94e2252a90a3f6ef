import { createHash, createHmac, randomBytes, randomInt, timingSafeEqual } from 'node:crypto';

/** 32 random bytes as base64url: a session token. */
export const newToken = (): string => randomBytes(32).toString('base64url');

export const sha256 = (value: string): Buffer => createHash('sha256').update(value).digest();

export const hmac = (secret: string, ...parts: string[]): Buffer =>
  createHmac('sha256', secret).update(parts.join('\u0000')).digest();

/** A six-digit one-time code, uniformly drawn. */
export const newOneTimeCode = (): string => randomInt(0, 1_000_000).toString().padStart(6, '0');

export function equalBuffers(a: Buffer, b: Buffer): boolean {
  return a.length === b.length && timingSafeEqual(a, b);
}
