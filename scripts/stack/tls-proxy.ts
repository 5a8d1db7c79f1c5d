import fs from 'node:fs';
import path from 'node:path';
import https from 'node:https';
import { execFileSync } from 'node:child_process';
import { REPO_ROOT, TOOLS_BIN, findBinary } from './livekit.ts';
import { exitedEarly, startProcess } from './processes.ts';
import type { StackProfile } from './profiles.ts';

export type TlsProxy = {
  /** The site as browsers open it. */
  siteUrl: string;
  /** LiveKit's signalling for browsers (wss://). */
  livekitUrl: string;
  /** The WHIP endpoint's base for OBS (https://). */
  whipBaseUrl: string;
  /** The proxy's own certificate authority (PEM): trusted by the test browsers and by Node for the run. */
  caFile: string;
  /** A HOME whose NSS database trusts that authority: Chromium reads `$HOME/.pki/nssdb`. */
  browserHome: string;
};

/**
 * Caddy in front of the site, LiveKit's signalling and WHIP, with certificates from its own local authority, as an
 * operator would run it (docs/operations.md uses the same proxy with public certificates). Forwarded headers from
 * loopback are kept, so a test client can still speak for a household of its own (X-Forwarded-For).
 */
export async function startTlsProxy(options: { profile: StackProfile; dataRoot: string; quiet?: boolean }): Promise<TlsProxy> {
  // Builds the pinned Caddy with Go the first time (returns at once when it is there).
  execFileSync('bash', [path.join(REPO_ROOT, 'scripts/provision/build-caddy.sh'), TOOLS_BIN], { stdio: 'inherit' });
  const binary = findBinary('caddy');
  if (!binary) throw new Error('caddy is not installed (scripts/provision/build-caddy.sh builds it with Go)');
  const { profile } = options;
  const storage = path.join(options.dataRoot, 'caddy');
  fs.mkdirSync(storage, { recursive: true });
  const site = (port: number, upstream: number, extra = '') =>
    `https://localhost:${port} {\n\ttls internal\n\treverse_proxy 127.0.0.1:${upstream}${extra}\n}\n`;
  const caddyfile = [
    '{',
    '\tadmin off',
    `\tstorage file_system ${storage}`,
    '\tskip_install_trust',
    '\tauto_https disable_redirects',
    '\tservers {',
    '\t\ttrusted_proxies static 127.0.0.1/8 ::1',
    '\t}',
    '}',
    // Server-sent events must reach the browser as they are written.
    site(profile.siteTlsPort, profile.backendPort, ' {\n\t\tflush_interval -1\n\t}'),
    site(profile.livekitTlsPort, profile.livekitPort),
    site(profile.whipTlsPort, profile.whipPort),
  ].join('\n');
  const configPath = path.join(options.dataRoot, 'Caddyfile');
  fs.writeFileSync(configPath, caddyfile);
  const child = startProcess('caddy', binary, ['run', '--config', configPath, '--adapter', 'caddyfile'], {
    env: { HOME: storage, XDG_DATA_HOME: storage, XDG_CONFIG_HOME: storage },
    quiet: options.quiet,
  });

  const caFile = path.join(storage, 'pki/authorities/local/root.crt');
  const siteUrl = `https://localhost:${profile.siteTlsPort}`;
  await Promise.race([waitForFile(caFile), exitedEarly(child, 'caddy')]);
  // The proxy answers once its certificates are issued; its own authority is what the check trusts.
  await Promise.race([waitForHttpsWith(caFile, `https://localhost:${profile.livekitTlsPort}/`), exitedEarly(child, 'caddy')]);
  return {
    siteUrl,
    livekitUrl: `wss://localhost:${profile.livekitTlsPort}`,
    whipBaseUrl: `https://localhost:${profile.whipTlsPort}/w`,
    caFile,
    browserHome: browserHomeTrusting(caFile, path.join(options.dataRoot, 'browser-home')),
  };
}

/** A HOME for Chromium whose certificate store (NSS, `$HOME/.pki/nssdb`) trusts `caFile` for websites. */
function browserHomeTrusting(caFile: string, home: string): string {
  const certutil = findBinary('certutil');
  if (!certutil) throw new Error('certutil is not installed (Debian: apt-get install libnss3-tools); the HTTPS tests need it');
  const nssdb = path.join(home, '.pki/nssdb');
  fs.rmSync(home, { recursive: true, force: true });
  fs.mkdirSync(nssdb, { recursive: true });
  execFileSync(certutil, ['-N', '--empty-password', '-d', `sql:${nssdb}`]);
  execFileSync(certutil, ['-A', '-d', `sql:${nssdb}`, '-n', 'streamhouse-test-ca', '-t', 'C,,', '-i', caFile]);
  return home;
}

async function waitForFile(file: string, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!fs.existsSync(file)) {
    if (Date.now() > deadline) throw new Error(`${file} did not appear within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** Polls an https URL, trusting only `caFile`, until it answers at all (any status). */
async function waitForHttpsWith(caFile: string, url: string, timeoutMs = 30_000): Promise<void> {
  const ca = fs.readFileSync(caFile, 'utf8');
  const deadline = Date.now() + timeoutMs;
  const answers = () =>
    new Promise<boolean>((resolve) => {
      https
        .get(url, { ca }, (response) => {
          response.resume();
          resolve(true);
        })
        .on('error', () => resolve(false));
    });
  while (!(await answers())) {
    if (Date.now() > deadline) throw new Error(`${url} did not answer over TLS within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}
