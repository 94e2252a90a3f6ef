/** One message as a person receives it. */
export interface OutgoingMessage {
  channel: 'email' | 'sms';
  /** E-mail address or E.164 number. */
  to: string;
  subject?: string;
  text: string;
  html?: string;
}

/** Delivers messages of one channel (SMTP, an SMS gateway, the demo's outbox). */
export interface Transport {
  readonly name: string;
  /** Resolves with the provider's reference once the provider accepted the message. */
  send(message: OutgoingMessage): Promise<{ reference: string | null }>;
}

export interface Transports {
  email?: Transport;
  sms?: Transport;
}
