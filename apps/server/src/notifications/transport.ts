/** A file sent with an e-mail (the .ics of a booking confirmation). */
export interface Attachment {
  filename: string;
  contentType: string;
  content: string;
}

/** What a push notification shows, and where a click on it leads (a path of the web client). */
export interface PushContent {
  title: string;
  body: string;
  /** Path to open on click, e.g. `/timer/<id>`; never carries a token. */
  url: string;
  /** Notifications with the same tag replace each other on the device. */
  tag: string;
}

/** One message as a person receives it. */
export type OutgoingMessage =
  | {
      channel: 'email';
      /** The address, normalized. */
      to: string;
      subject: string;
      text: string;
      html?: string;
      attachments?: Attachment[];
      /** Stable per event: the provider's idempotency/reference id, our Message-ID. */
      reference: string;
    }
  | {
      channel: 'sms';
      /** E.164, e.g. +4791234567. */
      to: string;
      text: string;
      reference: string;
    }
  | {
      channel: 'push';
      /** The user whose devices (push subscriptions) receive it. */
      to: string;
      push: PushContent;
      reference: string;
    };

export type Channel = OutgoingMessage['channel'];

/**
 * A failed send. `permanent` failures (an invalid number, a rejected address, no devices left)
 * are recorded and not tried again; the others are retried with backoff until their deadline.
 */
export class TransportError extends Error {
  constructor(
    message: string,
    readonly permanent: boolean,
  ) {
    super(message);
  }
}

/** Delivers messages of one channel (SMTP, an SMS gateway, Web Push, the demo's outbox). */
export interface Transport {
  readonly name: string;
  /**
   * Resolves with the provider's reference once the provider accepted the message; throws a
   * TransportError when it did not (anything else thrown counts as transient).
   */
  send(message: OutgoingMessage): Promise<{ reference: string | null }>;
}

export type Transports = Partial<Record<Channel, Transport>>;
