import { expect } from '@playwright/test';

/** A mail the site sent, as Mailpit received it (`pnpm test` starts Mailpit and sets MAILPIT_URL). */
export type Mail = { id: string; subject: string; text: string };

async function mailpit<T>(path: string): Promise<T> {
  const base = process.env.MAILPIT_URL;
  if (!base) throw new Error('MAILPIT_URL is not set: run the journeys through `pnpm test`, which starts Mailpit.');
  const response = await fetch(new URL(path, base));
  if (!response.ok) throw new Error(`Mailpit answered ${response.status} for ${path}`);
  return (await response.json()) as T;
}

async function newestMail(address: string, subject: RegExp): Promise<Mail | undefined> {
  const found = await mailpit<{ messages: Array<{ ID: string; Subject: string }> }>(
    `/api/v1/search?query=${encodeURIComponent(`to:"${address}"`)}`,
  );
  const summary = found.messages.find((message) => subject.test(message.Subject));
  if (!summary) return undefined;
  const message = await mailpit<{ ID: string; Subject: string; Text: string }>(`/api/v1/message/${summary.ID}`);
  return { id: message.ID, subject: message.Subject, text: message.Text };
}

/** Waits for the newest mail to `address` whose subject matches (mail leaves a moment after the page's answer). */
export async function waitForMail(address: string, subject: RegExp): Promise<Mail> {
  let mail: Mail | undefined;
  await expect
    .poll(async () => (mail = await newestMail(address, subject)), { message: `a mail to ${address} matching ${subject}` })
    .toBeDefined();
  return mail!;
}

/** The link in a mail's text that starts with `prefix`, as a path on the site (the browser opens it there). */
export function linkIn(mail: Mail, prefix: string): string {
  const url = mail.text
    .split(/\s+/)
    .find((word) => new URL(word, 'http://x').pathname.startsWith(prefix) && /^https?:/.test(word));
  if (!url) throw new Error(`no ${prefix} link in “${mail.subject}”:\n${mail.text}`);
  const parsed = new URL(url);
  return parsed.pathname + parsed.search;
}
