import type { Config } from '../config/config';
import type { Db } from '../db/pool';
import { createDevOutboxTransport } from './dev-outbox';
import { createLinkMobilityTransport } from './link-mobility';
import { restrictSmsCountries } from './sms-countries';
import { createSmtpTransport } from './smtp';
import type { Transport, Transports } from './transport';

/**
 * The transports this installation sends with, chosen by configuration: e-mail over SMTP and SMS
 * over LINK Mobility when configured (only to the allowed countries), Web Push always (with the installation's VAPID keys). In
 * the demo, what has no real provider goes to the dev outbox, and push is copied there too, so
 * the outbox shows every message a patient would have received.
 */
export function createTransports(config: Config, db: Db, push: Transport | undefined): Transports {
  const outbox = config.isProduction ? undefined : createDevOutboxTransport(db);
  const { sms } = config;
  const link =
    sms.linkUrl && sms.username && sms.password && sms.platformId && sms.platformPartnerId
      ? createLinkMobilityTransport({
          url: sms.linkUrl,
          username: sms.username,
          password: sms.password,
          platformId: sms.platformId,
          platformPartnerId: sms.platformPartnerId,
          gateId: sms.gateId,
          sender: sms.sender,
        })
      : undefined;
  const smsTransport = link ?? outbox;
  return {
    email: config.smtpUrl ? createSmtpTransport(config.smtpUrl, config.mailFrom) : outbox,
    // Every SMS, whoever queued it, goes only to the allowed countries.
    sms: smsTransport && restrictSmsCountries(smsTransport, sms.allowedCountryCodes),
    push: push && outbox ? mirrored(push, outbox) : push,
  };
}

/** Sends with `primary` and keeps a copy of what it delivered in the dev outbox (demo only). */
function mirrored(primary: Transport, copy: Transport): Transport {
  return {
    name: `${primary.name}+${copy.name}`,
    async send(message) {
      const result = await primary.send(message);
      await copy.send(message);
      return result;
    },
  };
}
