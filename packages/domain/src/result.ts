/** A rule said yes. */
export interface Ok<T = undefined> {
  readonly ok: true;
  readonly value: T;
}

/** A rule said no, with the reason as a stable code the edges map to HTTP and text. */
export interface Refused<Code extends string> {
  readonly ok: false;
  readonly reason: Code;
}

export type Decision<Code extends string, T = undefined> = Ok<T> | Refused<Code>;

export const ok = <T = undefined>(value?: T): Ok<T> => ({ ok: true, value: value as T });
export const refuse = <Code extends string>(reason: Code): Refused<Code> => ({ ok: false, reason });
