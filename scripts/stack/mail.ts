import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { REPO_ROOT, TOOLS_BIN, findBinary } from './livekit.ts';
import { exitedEarly, startProcess } from './processes.ts';
import { waitForHttp } from './wait.ts';
import type { StackProfile } from './profiles.ts';

export type MailServer = {
  /** What the backend sends to (SMTP_URL). */
  smtpUrl: string;
  /** The web inbox, and the HTTP API tests read messages from (`/api/v1/…`). */
  webUrl: string;
};

/**
 * Mailpit, the site's mail server in development and tests: it accepts every message over SMTP and keeps it in
 * memory for the web inbox and its HTTP API; nothing leaves the machine.
 */
export async function startMailServer(options: { profile: StackProfile; quiet?: boolean }): Promise<MailServer> {
  // Builds the pinned Mailpit with Go the first time (returns at once when it is there).
  execFileSync('bash', [path.join(REPO_ROOT, 'scripts/provision/build-mailpit.sh'), TOOLS_BIN], { stdio: 'inherit' });
  const binary = findBinary('mailpit');
  if (!binary) throw new Error('mailpit is not installed (scripts/provision/build-mailpit.sh builds it with Go)');
  const { mailSmtpPort, mailWebPort } = options.profile;
  const child = startProcess(
    'mailpit',
    binary,
    [
      '--smtp',
      `127.0.0.1:${mailSmtpPort}`,
      '--listen',
      `127.0.0.1:${mailWebPort}`,
      '--smtp-auth-accept-any',
      '--smtp-auth-allow-insecure',
      '--disable-version-check',
      '--max',
      '5000',
      '--quiet',
    ],
    { quiet: options.quiet },
  );
  const webUrl = `http://127.0.0.1:${mailWebPort}`;
  await Promise.race([waitForHttp(`${webUrl}/readyz`), exitedEarly(child, 'mailpit')]);
  return { smtpUrl: `smtp://127.0.0.1:${mailSmtpPort}`, webUrl };
}
