import { once } from 'node:events';
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';
import { smtpMailer } from '../../src/services/send-mail.js';

/** A real SMTP server on loopback that keeps what it receives (authentication required). */
const received: { from: string; to: string[]; raw: string }[] = [];
const server = new SMTPServer({
  secure: false,
  disabledCommands: ['STARTTLS'],
  authMethods: ['PLAIN', 'LOGIN'],
  onAuth: (auth, _session, done) =>
    auth.username === 'pacte' && auth.password === 's3cret' ? done(null, { user: 'pacte' }) : done(new Error('bad')),
  onData(stream, session, done) {
    const chunks: Buffer[] = [];
    stream.on('data', (chunk: Buffer) => chunks.push(chunk));
    stream.on('end', () => {
      received.push({
        from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
        to: session.envelope.rcptTo.map((r) => r.address),
        raw: Buffer.concat(chunks).toString('utf8'),
      });
      done();
    });
  },
});
let port = 0;

beforeAll(async () => {
  server.listen(0, '127.0.0.1');
  await once(server.server, 'listening');
  port = (server.server.address() as AddressInfo).port;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

/** The text of a MIME header, decoding RFC 2047 base64 words as nodemailer writes them. */
function header(raw: string, name: string): string {
  const value = new RegExp(`^${name}: (.*(?:\\r\\n[ \\t].*)*)`, 'mi').exec(raw)?.[1] ?? '';
  return value
    .replace(/\r\n[ \t]/g, ' ')
    .replace(/=\?UTF-8\?B\?([^?]*)\?=\s*/gi, (_, b64: string) => Buffer.from(b64, 'base64').toString('utf8'));
}

describe('e-mail through an SMTP server', () => {
  it('is off unless PACTE_SMTP_URL is set, and says what a wrong setting should be', () => {
    expect(loadConfig({}, {}).mail).toBeUndefined();
    expect(() => loadConfig({}, { PACTE_SMTP_URL: 'http://mail.example.org' })).toThrow(/PACTE_SMTP_URL: smtp:\/\//);
    expect(() => loadConfig({}, { PACTE_MAIL_FROM: 'pacte@example.org' })).toThrow(/only with PACTE_SMTP_URL/);
    const { mail } = loadConfig({}, { PACTE_SMTP_URL: 'smtp://u:p@mail.example.org:587' });
    expect(mail).toEqual({ url: 'smtp://u:p@mail.example.org:587', from: 'Pacte <pacte@mail.example.org>' });
  });

  it('delivers a reminder in Arabic, authenticated, from the configured sender', async () => {
    const mailer = smtpMailer({ url: `smtp://pacte:s3cret@127.0.0.1:${port}`, from: 'Pacte <pacte@escwa.test>' });
    await mailer.send({
      to: 'focal.mar@example.org',
      subject: 'تذكير: موعد تقديم الاستعراض',
      text: 'يرجى تقديم الاستعراض.',
    });
    mailer.close();
    const mail = received.at(-1)!;
    expect(mail.from).toBe('pacte@escwa.test');
    expect(mail.to).toEqual(['focal.mar@example.org']);
    expect(header(mail.raw, 'Subject')).toBe('تذكير: موعد تقديم الاستعراض');
  });

  it('fails with the server named without its password', async () => {
    const mailer = smtpMailer({ url: `smtp://pacte:wrong-secret@127.0.0.1:${port}`, from: 'pacte@escwa.test' });
    const failure = mailer.send({ to: 'a@example.org', subject: 's', text: 't' });
    await expect(failure).rejects.toThrow(/through smtp:\/\/pacte:\*\*\*@127\.0\.0\.1/);
    await expect(failure).rejects.not.toThrow(/wrong-secret/);
    mailer.close();
  });
});
