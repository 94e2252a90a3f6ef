import { describe, expect, it } from 'vitest';
import { classifyMediaError } from './call-session';

const domError = (name: string) => Object.assign(new Error(name), { name });

describe('classifyMediaError', () => {
  it.each([
    ['NotAllowedError', 'permission_denied'],
    ['SecurityError', 'permission_denied'],
    ['NotReadableError', 'device_in_use'],
    ['AbortError', 'device_in_use'],
    ['NotFoundError', 'no_device'],
    ['OverconstrainedError', 'no_device'],
    ['TypeError', 'unknown'],
  ])('%s → %s', (name, problem) => {
    expect(classifyMediaError(domError(name))).toBe(problem);
  });

  it('calls anything that is not an error unknown', () => {
    expect(classifyMediaError('nope')).toBe('unknown');
  });
});
