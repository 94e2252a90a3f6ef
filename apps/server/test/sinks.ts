import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { simpleParser, type ParsedMail } from 'mailparser';
import { SMTPServer } from 'smtp-server';

/** A local SMTP server that keeps every message it is given, parsed. */
export async function startSmtpSink(): Promise<{
  url: string;
  messages: ParsedMail[];
  close(): Promise<void>;
}> {
  const messages: ParsedMail[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream, _session, callback) {
      simpleParser(stream)
        .then((mail) => {
          messages.push(mail);
          callback();
        })
        .catch((error: Error) => callback(error));
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.server.address() as AddressInfo;
  return {
    url: `smtp://127.0.0.1:${port}`,
    messages,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

export interface SmsRequest {
  destination: string;
  userData: string;
  refId: string;
  source: string;
}

/**
 * A local stand-in for LINK Mobility's `/sms/send`: records what arrives, answers as the gateway
 * does (`resultCode` 1005, queued). `delayMs` slows each answer; `fail` decides an answer's status.
 */
export async function startSmsSink(
  options: { delayMs?: number; fail?: (request: SmsRequest) => number | null } = {},
) {
  const received: SmsRequest[] = [];
  let counter = 0;
  const server: Server = createServer((req, res) => {
    let body = '';
    req.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')));
    req.on('end', () => {
      const request = JSON.parse(body) as SmsRequest;
      const status = options.fail?.(request) ?? null;
      const answer = () => {
        if (status) {
          res
            .writeHead(status, { 'content-type': 'application/json' })
            .end(JSON.stringify({ resultCode: status === 400 ? 2105 : 0 }));
          return;
        }
        received.push(request);
        res.writeHead(200, { 'content-type': 'application/json' }).end(
          JSON.stringify({
            messageId: `link-${++counter}`,
            resultCode: 1005,
            description: 'Queued',
          }),
        );
      };
      if (options.delayMs) setTimeout(answer, options.delayMs);
      else answer();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/sms/send`,
    received,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
