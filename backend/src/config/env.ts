import path from 'node:path';
import { z } from 'zod';

/** Turns "ws(s)://host" into "http(s)://host": the server SDK speaks Twirp over HTTP. */
function toHttpUrl(url: string): string {
  return url.replace(/^ws(s?):\/\//, 'http$1://');
}

export const envSchema = z.object({
  NODE_ENV: z.enum(['development', 'test', 'production']).default('development'),
  HOST: z.string().default('127.0.0.1'),
  PORT: z.coerce.number().int().min(1).max(65535).default(4000),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /** `json`: one JSON object a line, for log collectors. `pretty`: one short coloured line a request, for a person (`pnpm dev`). */
  LOG_FORMAT: z.enum(['json', 'pretty']).default('json'),
  DATABASE_URL: z
    .string({ error: 'is required (run `pnpm dev`, which starts an embedded PostgreSQL, or set it)' })
    .regex(/^postgres(ql)?:\/\//, 'must be a postgresql:// URL'),
  /**
   * A direct (or session-pooled) connection for LISTEN, when DATABASE_URL goes through a transaction pooler such
   * as PgBouncer in transaction mode, which never delivers notifications. /ready checks that they arrive.
   */
  DATABASE_LISTEN_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must be a postgresql:// URL')
    .optional(),
  /** The URL browsers connect to. */
  LIVEKIT_URL: z
    .string()
    .regex(/^wss?:\/\//, 'must be a ws:// or wss:// URL')
    .default('ws://127.0.0.1:7880'),
  /** The URL the backend calls; defaults to LIVEKIT_URL over HTTP. */
  LIVEKIT_API_URL: z.url().optional(),
  LIVEKIT_API_KEY: z.string().min(1).default('devkey'),
  LIVEKIT_API_SECRET: z.string().min(6).default('devsecret-change-me-in-production-0123'),
  /** Lifetime of viewer, guest and creator tokens. */
  TOKEN_TTL_SECONDS: z.coerce.number().int().min(60).max(86_400).default(3600),
  /** The address people open in a browser; sign-in accepts requests from this origin. */
  PUBLIC_URL: z.url().default('http://localhost:5173'),
  /** Signs session cookies. Required in production. */
  AUTH_SECRET: z.string().min(32, 'must be at least 32 characters').default('dev-only-secret-change-me-0123456789abcdef'),
  /**
   * Which proxies may set X-Forwarded-For (Express "trust proxy"): every per-network limit keys on the client
   * address. `loopback` (the default outside production) trusts a proxy on the same machine; behind a load
   * balancer name its subnets (e.g. `10.0.0.0/8`) or a hop count. Required in production: a wrong guess either
   * makes the balancer every visitor (site-wide limits) or trusts forged headers (`true`).
   */
  TRUST_PROXY: z
    .string()
    .default('loopback')
    .transform((value): boolean | number | string =>
      value === 'true' ? true : value === 'false' ? false : /^\d+$/.test(value) ? Number(value) : value,
    ),
  /** The go-live gate: followers a user needs before they may create a stream key. */
  MIN_FOLLOWERS_TO_STREAM: z.coerce.number().int().min(0).default(0),
  /** When true, only users an admin approved (User.creatorApproved) may create a stream key. */
  REQUIRE_CREATOR_APPROVAL: z
    .enum(['true', 'false', '1', '0'], { error: 'must be true or false' })
    .default('false')
    .transform((value) => value === 'true' || value === '1'),
  /** Open live-event streams (SSE) one instance holds; more are answered 503 with Retry-After. */
  LIVE_EVENTS_MAX_STREAMS: z.coerce.number().int().min(1).default(10_000),
  /** Open live-event streams per client network (tabs of one household); more are answered 503. */
  LIVE_EVENTS_MAX_PER_NETWORK: z.coerce.number().int().min(1).default(20),
  /**
   * On SIGTERM: seconds /ready answers 503 while requests are still served (set it to your balancer's health-check
   * interval), then the whole time allowed before open work is cut (keep your orchestrator's stop timeout above it).
   */
  SHUTDOWN_DRAIN_SECONDS: z.coerce.number().min(0).max(300).default(0),
  SHUTDOWN_GRACE_SECONDS: z.coerce.number().min(1).max(600).default(25),
  /** PostgreSQL: how long to wait for a connection, and for one statement, before answering 503 (Retry-After). */
  DATABASE_CONNECT_TIMEOUT_MS: z.coerce.number().int().min(100).max(60_000).default(5000),
  DATABASE_STATEMENT_TIMEOUT_MS: z.coerce.number().int().min(100).max(600_000).default(15_000),
  /**
   * Where the site's mail goes (password resets, email verification): `smtp://user:pass@host:587` (STARTTLS when
   * the server offers it) or `smtps://…:465`. `pnpm dev` and the tests start Mailpit and set it. Required in production.
   */
  SMTP_URL: z
    .string()
    .regex(/^smtps?:\/\//, 'must be an smtp:// or smtps:// URL')
    .optional(),
  /** The sender of the site's mail, as people see it. */
  MAIL_FROM: z.string().min(3).default('Streamhouse <no-reply@streamhouse.localhost>'),
  /** When true, a creator must confirm their email address before they create a stream key or go live. */
  REQUIRE_VERIFIED_EMAIL: z
    .enum(['true', 'false', '1', '0'], { error: 'must be true or false' })
    .default('false')
    .transform((value) => value === 'true' || value === '1'),
  /** When true, a creator turns on two-factor sign-in (an authenticator app) before they create a stream key or go live. */
  REQUIRE_TWO_FACTOR_FOR_CREATORS: z
    .enum(['true', 'false', '1', '0'], { error: 'must be true or false' })
    .default('false')
    .transform((value) => value === 'true' || value === '1'),
  /** Turns on GET /metrics (Prometheus) for callers sending `Authorization: Bearer <this>`; unset, there is none. */
  METRICS_TOKEN: z.string().min(24, 'must be at least 24 characters').optional(),
  /** Where the built frontend lives; when set, the backend serves it (single origin in production and e2e). */
  STATIC_DIR: z.string().optional(),

  /** Broadcasts are recorded by the LiveKit egress service; false when there is none (say why below). */
  RECORDINGS_ENABLED: z
    .enum(['true', 'false', '1', '0'], { error: 'must be true or false' })
    .default('true')
    .transform((value) => value === 'true' || value === '1'),
  /** Shown to creators while recording is off. */
  RECORDINGS_OFF_REASON: z.string().default('Recording is turned off on this server.'),
  /**
   * Local storage: the folder the egress writes recordings and snapshots to and the backend serves them from
   * (both must see it at the same path). Unused when RECORDINGS_S3_BUCKET is set.
   */
  RECORDINGS_DIR: z
    .string()
    .default('recordings')
    .transform((dir) => path.resolve(dir)),
  /** The recorded video's size (H.264, 30 fps): the egress re-encodes every stream, so this decides its CPU cost. */
  RECORDINGS_VIDEO: z.enum(['360p', '540p', '720p', '1080p']).default('720p'),
  /** A JPEG of each live stream this often (live cards and link previews). */
  RECORDINGS_SNAPSHOT_SECONDS: z.coerce.number().int().min(5).max(300).default(30),
  /** S3-compatible storage (AWS, MinIO, R2…): when the bucket is set the egress uploads there instead. */
  RECORDINGS_S3_BUCKET: z.string().min(1).optional(),
  RECORDINGS_S3_REGION: z.string().min(1).default('us-east-1'),
  /** For S3-compatible services other than AWS, e.g. http://127.0.0.1:9000 (MinIO). */
  RECORDINGS_S3_ENDPOINT: z.url().optional(),
  RECORDINGS_S3_ACCESS_KEY_ID: z.string().min(1).optional(),
  RECORDINGS_S3_SECRET_ACCESS_KEY: z.string().min(1).optional(),
  /** Path-style URLs (bucket in the path): MinIO and most self-hosted services need it. */
  RECORDINGS_S3_FORCE_PATH_STYLE: z
    .enum(['true', 'false', '1', '0'], { error: 'must be true or false' })
    .default('false')
    .transform((value) => value === 'true' || value === '1'),
  /**
   * Encrypts creators' restream keys (other platforms' stream keys) at rest. Unset, a key derived from AUTH_SECRET
   * is used; set it to rotate AUTH_SECRET without losing the saved keys.
   */
  RESTREAM_KEY_SECRET: z.string().min(32, 'must be at least 32 characters').optional(),
  /**
   * Whether restream destinations may be private or loopback addresses (the egress would connect to them from
   * inside your network). Off unless set; the dev and test stacks turn it on to restream to their own ingress.
   */
  RESTREAM_ALLOW_PRIVATE_HOSTS: z
    .enum(['true', 'false', '1', '0'], { error: 'must be true or false' })
    .default('false')
    .transform((value) => value === 'true' || value === '1'),
});

/** Secrets published in this repository (defaults, livekit.yaml, docker-compose.yml): fine locally, never in production. */
const PUBLISHED_SECRETS = new Set([
  'devsecret-change-me-in-production-0123',
  'dev-only-secret-change-me-0123456789abcdef',
  'change-me-to-32-or-more-random-characters',
  'secret',
]);
const MIN_PRODUCTION_SECRET_LENGTH = 32;

/**
 * Anyone holding the LiveKit secret can sign webhooks (and so flip streams live) and mint room tokens; anyone
 * holding AUTH_SECRET can forge sessions. In production both must be set, long, and not ones published here.
 */
function productionProblems(parsed: z.infer<typeof envSchema>, source: Record<string, string | undefined>): string[] {
  const problems: string[] = [];
  if (!parsed.PUBLIC_URL.startsWith('https://'))
    problems.push('PUBLIC_URL: must be an https:// address in production (sessions are Secure cookies)');
  if (!parsed.LIVEKIT_URL.startsWith('wss://'))
    problems.push('LIVEKIT_URL: must be a wss:// address in production (browsers on an https page refuse ws://)');
  if (source.TRUST_PROXY === undefined)
    problems.push(
      'TRUST_PROXY: is required in production: the addresses of your load balancer or TLS proxy (e.g. `10.0.0.0/8`, `loopback`), or `false` when nothing is in front',
    );
  else if (parsed.TRUST_PROXY === true)
    problems.push(
      'TRUST_PROXY: `true` trusts X-Forwarded-For from anyone (forged addresses); name the proxy subnets or a hop count',
    );
  if (!parsed.SMTP_URL)
    problems.push('SMTP_URL: is required in production: password resets and email verification are sent by mail');
  for (const name of ['AUTH_SECRET', 'LIVEKIT_API_SECRET'] as const) {
    const value = parsed[name];
    if (source[name] === undefined)
      problems.push(`${name}: is required in production (${MIN_PRODUCTION_SECRET_LENGTH}+ random characters)`);
    else if (PUBLISHED_SECRETS.has(value))
      problems.push(`${name}: is a published example value; generate your own (e.g. \`openssl rand -base64 36\`)`);
    else if (value.length < MIN_PRODUCTION_SECRET_LENGTH)
      problems.push(`${name}: must be at least ${MIN_PRODUCTION_SECRET_LENGTH} characters in production`);
  }
  return problems;
}

export type Env = Omit<z.infer<typeof envSchema>, 'LIVEKIT_API_URL'> & { LIVEKIT_API_URL: string };

export function parseEnv(source: Record<string, string | undefined>): Env {
  const result = envSchema.safeParse(source);
  if (!result.success) {
    const lines = result.error.issues.map((issue) => `  - ${issue.path.join('.')}: ${issue.message}`);
    throw new Error(`Invalid configuration:\n${lines.join('\n')}`);
  }
  const parsed = result.data;
  if (source.ADMIN_USERNAMES !== undefined)
    throw new Error(
      'Invalid configuration:\n  - ADMIN_USERNAMES: is no longer read: whoever signed up first with a listed name became an admin. Make an existing account an admin with `pnpm admin:grant <username>` (docs/operations.md).',
    );
  if (parsed.RECORDINGS_S3_BUCKET && !(parsed.RECORDINGS_S3_ACCESS_KEY_ID && parsed.RECORDINGS_S3_SECRET_ACCESS_KEY)) {
    throw new Error(
      'Invalid configuration:\n  - RECORDINGS_S3_ACCESS_KEY_ID, RECORDINGS_S3_SECRET_ACCESS_KEY: are required with RECORDINGS_S3_BUCKET',
    );
  }
  if (parsed.NODE_ENV === 'production') {
    const problems = productionProblems(parsed, source);
    if (problems.length)
      throw new Error(`Invalid configuration for production:\n${problems.map((line) => `  - ${line}`).join('\n')}`);
  }
  return { ...parsed, LIVEKIT_API_URL: parsed.LIVEKIT_API_URL ?? toHttpUrl(parsed.LIVEKIT_URL) };
}

/** Parsed once at boot; the only reader of process.env. */
export const env: Env = (() => {
  try {
    return parseEnv(process.env);
  } catch (error) {
    console.error((error as Error).message);
    process.exit(1);
  }
})();
