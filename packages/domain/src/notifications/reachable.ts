import type { PatientChannels } from './channel-rule';

/** What is known about one of the patient's contact details (an e-mail address, a mobile number). */
export interface ContactState {
  /** The account has one. */
  readonly given: boolean;
  /** The patient proved with a code that it is theirs. */
  readonly verified: boolean;
  /** The patient's own switch for the channel: on unless they turned it off. */
  readonly enabled: boolean;
}

/** The patient's contact details, channel switches and push devices, as stored. */
export interface PatientContactState {
  readonly email: ContactState;
  readonly sms: ContactState;
  readonly push: { readonly enabled: boolean; readonly devices: number };
}

const reachable = (contact: ContactState) => contact.given && contact.verified && contact.enabled;

/**
 * Where the patient can be reached: an e-mail address or mobile number that is verified and not
 * switched off, and push when it is on and at least one device receives it. The server plans and
 * sends by this, and the web says by it where messages go, so the two cannot drift apart.
 */
export function reachableChannels(state: PatientContactState): PatientChannels {
  return {
    email: reachable(state.email),
    sms: reachable(state.sms),
    push: state.push.enabled && state.push.devices > 0,
  };
}
