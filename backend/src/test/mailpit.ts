import { z } from 'zod';

/** A mail as Mailpit received it. */
export type ReceivedMail = { id: string; subject: string; text: string; html: string; to: string[] };

const summary = z.object({ ID: z.string(), Subject: z.string() });
const search = z.object({ messages: z.array(summary) });
const message = z.object({
  ID: z.string(),
  Subject: z.string(),
  Text: z.string(),
  HTML: z.string(),
  To: z.array(z.object({ Address: z.string() })),
});

/** Mailpit's address: `pnpm test` starts it beside the stack and sets MAILPIT_URL. */
function mailpitUrl(): string {
  const url = process.env.MAILPIT_URL;
  if (!url) throw new Error('MAILPIT_URL is not set: run these tests through `pnpm test`, which starts Mailpit.');
  return url;
}

async function getJson<T>(path: string, schema: z.ZodType<T>): Promise<T> {
  const response = await fetch(new URL(path, mailpitUrl()));
  if (!response.ok) throw new Error(`Mailpit answered ${response.status} for ${path}`);
  return schema.parse(await response.json());
}

/** Every mail sent to `address` so far, newest first. */
export async function mailsTo(address: string): Promise<ReceivedMail[]> {
  const found = await getJson(`/api/v1/search?query=${encodeURIComponent(`to:"${address}"`)}`, search);
  return Promise.all(
    found.messages.map(async ({ ID }) => {
      const mail = await getJson(`/api/v1/message/${ID}`, message);
      return { id: mail.ID, subject: mail.Subject, text: mail.Text, html: mail.HTML, to: mail.To.map((to) => to.Address) };
    }),
  );
}

/**
 * The newest mail to `address` whose subject matches, once it has arrived (mail goes out in the background, a few
 * milliseconds after the answer). `besides` skips mails already seen, for a second mail of the same kind.
 */
export async function waitForMail(
  address: string,
  subject: RegExp,
  { besides = [] as string[], timeoutMs = 10_000 } = {},
): Promise<ReceivedMail> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const mail = (await mailsTo(address)).find((each) => subject.test(each.subject) && !besides.includes(each.id));
    if (mail) return mail;
    if (Date.now() > deadline) throw new Error(`no mail to ${address} matching ${subject} within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** The first link in a mail's plain text that starts with `prefix` (e.g. the site's reset page). */
export function linkIn(mail: ReceivedMail, prefix: string): URL {
  const url = mail.text.split(/\s+/).find((word) => word.startsWith(prefix));
  if (!url) throw new Error(`no link to ${prefix} in “${mail.subject}”:\n${mail.text}`);
  return new URL(url);
}
