import nodemailer from 'nodemailer';
import { env } from '../config/env.ts';
import { logger } from './logger.ts';

export type Mail = {
  to: string;
  subject: string;
  /** Plain text, for every mail client; `html` is the same message, formatted. */
  text: string;
  html: string;
};

/** One pooled SMTP connection set for the process (nodemailer reconnects by itself). */
const transport = env.SMTP_URL ? nodemailer.createTransport(env.SMTP_URL, { from: env.MAIL_FROM }) : undefined;

/**
 * Sends a mail over SMTP_URL. Without one (a development setup that configured none) the mail is logged as not
 * sent, never its body: a reset link in a log would be a key to the account.
 */
export async function sendMail(mail: Mail): Promise<void> {
  if (!transport) {
    logger.warn({ subject: mail.subject }, 'mail not sent: SMTP_URL is not set');
    return;
  }
  await transport.sendMail({ from: env.MAIL_FROM, ...mail });
}

/**
 * Sends without making the caller wait, so an answer takes the same time whether or not a mail went out (a
 * password-reset request must not tell who has an account by how long it took). Failures are logged.
 */
export function sendMailInBackground(mail: Mail): void {
  sendMail(mail).catch((error: unknown) => logger.error({ err: error, subject: mail.subject }, 'could not send mail'));
}
