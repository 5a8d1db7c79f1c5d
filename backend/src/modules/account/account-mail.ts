import { env } from '../../config/env.ts';
import type { Mail } from '../../lib/mailer.ts';
import { escapeHtml } from '../link-previews/escape-html.ts';

type Recipient = { email: string; name: string };

const SITE = 'Streamhouse';

/** A link into the site. */
export const siteLink = (path: string) => new URL(path, env.PUBLIC_URL).toString();

/**
 * One layout for every mail: a greeting, paragraphs, at most one button, and a footer naming the site. The plain
 * text says the same with the link written out. Nothing secret goes in the subject (previews show it everywhere).
 */
function compose(
  to: Recipient,
  subject: string,
  body: { lines: string[]; action?: { label: string; url: string }; after?: string[] },
): Mail {
  const after = body.after ?? [];
  const text = [
    `Hi ${to.name},`,
    '',
    ...body.lines.flatMap((line) => [line, '']),
    ...(body.action ? [`${body.action.label}: ${body.action.url}`, ''] : []),
    ...after.flatMap((line) => [line, '']),
    `— ${SITE} · ${siteLink('/')}`,
  ].join('\n');
  const paragraph = (line: string) => `<p style="margin:0 0 16px">${escapeHtml(line)}</p>`;
  const button = body.action
    ? `<p style="margin:24px 0"><a href="${escapeHtml(body.action.url)}" style="background:#7c3aed;color:#fff;padding:12px 20px;border-radius:8px;text-decoration:none;font-weight:600">${escapeHtml(body.action.label)}</a></p>
<p style="margin:0 0 16px;font-size:13px;color:#52525b">Or open this address: <a href="${escapeHtml(body.action.url)}" style="color:#6d28d9;word-break:break-all">${escapeHtml(body.action.url)}</a></p>`
    : '';
  const html = `<!doctype html><html lang="en"><body style="margin:0;padding:24px;background:#f4f4f5;font-family:system-ui,sans-serif;color:#18181b">
<div style="max-width:520px;margin:0 auto;background:#fff;border-radius:12px;padding:28px">
<p style="margin:0 0 20px;font-weight:700;font-size:18px">${SITE}</p>
${paragraph(`Hi ${to.name},`)}
${body.lines.map(paragraph).join('\n')}
${button}
${after.map(paragraph).join('\n')}
<p style="margin:24px 0 0;font-size:12px;color:#71717a"><a href="${escapeHtml(siteLink('/'))}" style="color:#71717a">${SITE}</a></p>
</div></body></html>`;
  return { to: to.email, subject, text, html };
}

export const PASSWORD_RESET_MINUTES = 30;

export function passwordResetMail(to: Recipient, token: string): Mail {
  return compose(to, `Reset your ${SITE} password`, {
    lines: [
      `Someone (hopefully you) asked to reset the password of your ${SITE} account.`,
      `The link works once, for ${PASSWORD_RESET_MINUTES} minutes. Setting a new password signs you out everywhere else.`,
    ],
    action: { label: 'Choose a new password', url: siteLink(`/account/reset-password?token=${encodeURIComponent(token)}`) },
    after: ["If you didn't ask for this, ignore this mail: your password stays as it is."],
  });
}

export function passwordChangedMail(to: Recipient): Mail {
  return compose(to, `Your ${SITE} password was changed`, {
    lines: [
      `The password of your ${SITE} account was just changed, and your other sessions were signed out.`,
      "If that wasn't you, reset your password now and check your account's sessions.",
    ],
    action: { label: 'Reset my password', url: siteLink('/account/forgot-password') },
  });
}

export function verifyEmailMail(to: Recipient, url: string): Mail {
  return compose(to, `Confirm your email address for ${SITE}`, {
    lines: [`Please confirm that ${to.email} is your address, so you can recover your account if you lose your password.`],
    action: { label: 'Confirm my email', url },
    after: ["If you didn't create an account or change your email on " + SITE + ', ignore this mail.'],
  });
}

export function emailChangeRequestedMail(to: Recipient, newEmail: string): Mail {
  return compose(to, `Your ${SITE} email address is being changed`, {
    lines: [
      `Someone signed in to your account asked to change its email address to ${newEmail}. It changes once that address confirms.`,
      "If that wasn't you, change your password now: whoever did it knows it.",
    ],
    action: { label: 'Review my account', url: siteLink('/settings') },
  });
}
