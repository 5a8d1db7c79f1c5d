import path from 'node:path';
import type { StackProfile } from './profiles.ts';
import { ensureDatabase, recreateDatabase, startEmbeddedPostgres } from './postgres.ts';
import { startRedis } from './redis.ts';
import { REPO_ROOT, findBinary, provisionLiveKit, startEgress, startIngress, startLiveKitServer } from './livekit.ts';
import { applyMigrations } from '../db/schema-engine.ts';
import { stopAll } from './processes.ts';
import { startTlsProxy, type TlsProxy } from './tls-proxy.ts';
import { startMailServer, type MailServer } from './mail.ts';

export type Stack = {
  profile: StackProfile;
  /** Environment for the backend (and the tests) that points at this stack. */
  env: Record<string, string>;
  ingressAvailable: boolean;
  /** Broadcasts are recorded (the LiveKit egress service runs). */
  egressAvailable: boolean;
  /**
   * The TLS proxy in front of the site and LiveKit, when the stack was started with `tls`. `env` keeps the direct
   * addresses (what a backend beside LiveKit uses); browsers get the proxy's (`tls.siteUrl`, `tls.livekitUrl`).
   */
  tls?: TlsProxy;
  /** Mailpit, when no SMTP_URL was configured: `env.SMTP_URL` points at it, tests read its inbox. */
  mail?: MailServer;
  /** Process ids of the local livekit-server and embedded PostgreSQL (undefined when configured elsewhere). */
  livekitPid?: number;
  postgresPid?: number;
  /** A new, migrated database on the same PostgreSQL server, named after this stack's plus `suffix`. */
  freshDatabase: (suffix: string) => Promise<string>;
  stop: () => Promise<void>;
};

const log = (line: string) => console.log(`\x1b[2mstack    │\x1b[0m ${line}`);

/**
 * Starts what is not configured: embedded PostgreSQL unless a database URL is given, a local
 * LiveKit server (plus Redis and the ingress service when available) unless LIVEKIT_URL is given.
 */
export async function startStack(
  profile: StackProfile,
  options: {
    databaseUrl?: string;
    livekitUrl?: string;
    /** Mail goes there (SMTP_URL); without it a local Mailpit is started. */
    smtpUrl?: string;
    freshDatabase?: boolean;
    quiet?: boolean;
    privateLiveKitSecret?: boolean;
    /**
     * Put Caddy with its own certificate authority in front of the site (profile.siteTlsPort), LiveKit's
     * signalling and WHIP, as production does: `env` then gives browsers https:// and wss:// addresses.
     */
    tls?: boolean;
  } = {},
): Promise<Stack> {
  const name = profile.name;
  const dataRoot = path.join(REPO_ROOT, '.data', profile.dataName);
  const stops: Array<() => Promise<void>> = [];

  let databaseUrl = options.databaseUrl;
  let postgresPid: number | undefined;
  if (databaseUrl) {
    log(`database: ${redactPassword(databaseUrl)} (from configuration)`);
    if (options.freshDatabase) await recreateDatabase(databaseUrl);
  } else {
    const database = await startEmbeddedPostgres({ dataRoot, port: profile.postgresPort, database: `streamhouse_${name}`, log });
    databaseUrl = database.url;
    postgresPid = database.pid;
    stops.push(database.stop);
    if (options.freshDatabase) await recreateDatabase(databaseUrl);
    else await ensureDatabase(databaseUrl);
    log(`database: embedded PostgreSQL on 127.0.0.1:${profile.postgresPort} (data in .data/${profile.dataName}/postgres)`);
  }
  const { applied } = await applyMigrations(databaseUrl);
  log(applied.length ? `migrations applied: ${applied.join(', ')}` : 'migrations: up to date');

  const env: Record<string, string> = {
    DATABASE_URL: databaseUrl,
    RECORDINGS_DIR: path.join(dataRoot, 'recordings'),
    // Restreaming to this stack's own ingress (a second channel) is how it is tried out and tested here.
    RESTREAM_ALLOW_PRIVATE_HOSTS: 'true',
  };
  let ingressAvailable = false;
  let egressAvailable = false;
  let livekitPid: number | undefined;

  let mail: MailServer | undefined;
  if (options.smtpUrl) {
    env.SMTP_URL = options.smtpUrl;
    log(`mail: ${redactPassword(options.smtpUrl)} (from configuration)`);
  } else {
    mail = await startMailServer({ profile, quiet: options.quiet });
    env.SMTP_URL = mail.smtpUrl;
    log(`mail: Mailpit on ${mail.smtpUrl}; inbox at ${mail.webUrl}`);
  }

  // Builds what is missing (LiveKit's services, Caddy) before anything needs it.
  if (!options.livekitUrl) provisionLiveKit();
  const tls = options.tls ? await startTlsProxy({ profile, dataRoot, quiet: options.quiet }) : undefined;
  if (tls) log(`TLS proxy: ${tls.siteUrl} (site), ${tls.livekitUrl} (LiveKit), certificates from ${tls.caFile}`);

  if (options.livekitUrl) {
    log(`livekit: ${options.livekitUrl} (from configuration; no local server started)`);
    env.LIVEKIT_URL = options.livekitUrl;
  } else {
    const redisAddress = await startRedis(profile.redisPort, options.quiet);
    if (!redisAddress) log('redis-server not found: RTMP/WHIP stream keys are unavailable (browser go-live works).');
    const livekit = await startLiveKitServer({
      profile,
      dataRoot,
      redisAddress,
      quiet: options.quiet,
      privateSecret: options.privateLiveKitSecret,
      whipBaseUrl: tls?.whipBaseUrl,
    });
    livekitPid = livekit.pid;
    Object.assign(env, { LIVEKIT_URL: livekit.url, LIVEKIT_API_KEY: livekit.apiKey, LIVEKIT_API_SECRET: livekit.apiSecret });
    log(`livekit: ${livekit.url} (local server, keys from livekit.yaml)`);
    if (redisAddress && findBinary('ingress')) {
      await startIngress({ profile, dataRoot, redisAddress, livekit, quiet: options.quiet });
      ingressAvailable = true;
      log(`ingress: RTMP on :${profile.rtmpPort}, WHIP on :${profile.whipPort}`);
    } else if (redisAddress) {
      log('ingress service not installed (`pnpm provision` builds it; needs GStreamer): RTMP/WHIP stream keys are unavailable.');
    }
    if (redisAddress && findBinary('egress')) {
      await startEgress({ profile, dataRoot, redisAddress, livekit, quiet: options.quiet });
      egressAvailable = true;
      log(`egress: recordings in .data/${profile.dataName}/recordings`);
    } else {
      const reason = redisAddress
        ? 'The LiveKit egress service is not installed on this server (`pnpm provision` builds it; it needs GStreamer).'
        : 'The LiveKit egress service needs Redis, which is not installed on this server.';
      Object.assign(env, { RECORDINGS_ENABLED: 'false', RECORDINGS_OFF_REASON: reason });
      log(`recording is off: ${reason}`);
    }
  }

  return {
    profile,
    env,
    ingressAvailable,
    egressAvailable,
    tls,
    mail,
    livekitPid,
    postgresPid,
    freshDatabase: async (suffix) => {
      const url = new URL(env.DATABASE_URL!);
      url.pathname = `${url.pathname}_${suffix}`;
      await recreateDatabase(url.toString());
      await applyMigrations(url.toString());
      return url.toString();
    },
    stop: async () => {
      await stopAll();
      for (const stop of stops.reverse()) await stop();
    },
  };
}

function redactPassword(url: string): string {
  const parsed = new URL(url);
  if (parsed.password) parsed.password = '***';
  return parsed.toString();
}
