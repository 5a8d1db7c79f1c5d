import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import YAML from 'yaml';
import { envSchema, parseEnv } from './env.ts';

/**
 * docker-compose.prod.yml cannot run here (no Docker engine). It is loaded the way `docker compose config` loads
 * it — the Compose Specification's schema, interpolation from the env file, the model's checks (compose-go, built
 * by `pnpm provision` into .tools/bin/compose-config) — and the resolved model is checked against what the
 * backend and the operations guide require.
 */
const root = path.resolve(import.meta.dirname, '../../..');
/** Debian installs haproxy in /usr/sbin, which a plain PATH (/bin:/usr/bin, as on a bare CI machine) lacks. */
const haproxy =
  [...(process.env.PATH ?? '').split(':'), '/usr/local/sbin', '/usr/sbin']
    .map((folder) => path.join(folder, 'haproxy'))
    .find((file) => fs.existsSync(file)) ?? 'haproxy';
const read = (file: string) => fs.readFileSync(path.join(root, file), 'utf8');
const loader = path.join(root, '.tools/bin/compose-config');
const composeText = read('docker-compose.prod.yml');
const envExample = read('scripts/deploy/env.example');
const operations = read('docs/operations.md');

const secret = () => randomBytes(36).toString('base64');
const SECRETS = {
  AUTH_SECRET: secret(),
  LIVEKIT_API_SECRET: secret(),
  METRICS_TOKEN: secret(),
  POSTGRES_PASSWORD: randomBytes(24).toString('hex'),
  REDIS_PASSWORD: randomBytes(24).toString('hex'),
};

type Service = {
  image?: string;
  build?: { context: string; dockerfile?: string; target?: string; args?: Record<string, string> };
  command?: string[] | null;
  environment?: Record<string, string>;
  network_mode?: string;
  ports?: unknown[];
  restart?: string;
  healthcheck?: { test: string[] };
  stop_grace_period?: string;
  depends_on?: Record<string, { condition: string }>;
  volumes?: Array<{ source: string; target: string }>;
};

/** Loads the file with the example settings plus `overrides` (secrets filled in); throws the loader's message. */
function load(overrides: Record<string, string | undefined> = SECRETS): { services: Record<string, Service> } {
  const lines = envExample.split('\n').filter((line) => {
    const name = /^([A-Z_]+)=/.exec(line)?.[1];
    return !name || !(name in overrides);
  });
  for (const [name, value] of Object.entries(overrides)) if (value !== undefined) lines.push(`${name}=${value}`);
  const envFile = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'compose-')), '.env.production');
  fs.writeFileSync(envFile, lines.join('\n'));
  try {
    return JSON.parse(
      execFileSync(loader, [path.join(root, 'docker-compose.prod.yml'), envFile], { encoding: 'utf8', stdio: 'pipe' }),
    );
  } catch (error) {
    throw new Error(String((error as { stderr?: string }).stderr ?? error), { cause: error });
  } finally {
    fs.rmSync(path.dirname(envFile), { recursive: true });
  }
}

const project = load();
const services = project.services;
const app = services.app!;
const livekit = YAML.parse(services.livekit!.environment!.LIVEKIT_CONFIG!);
const ingress = YAML.parse(services.ingress!.environment!.INGRESS_CONFIG_BODY!);
const egress = YAML.parse(services.egress!.environment!.EGRESS_CONFIG_BODY!);
const seconds = (duration = '0s') => {
  const match = /^(?:(\d+)m)?(?:(\d+)s)?$/.exec(duration);
  return Number(match?.[1] ?? 0) * 60 + Number(match?.[2] ?? 0);
};
const pinned = (file: string, variable: string) => new RegExp(`${variable}="(v[\\d.]+)"`).exec(read(file))?.[1];

describe('docker-compose.prod.yml (loaded as Docker Compose would)', () => {
  it('refuses to start without a required setting, naming it', () => {
    expect(() => load({ ...SECRETS, SITE_DOMAIN: '' })).toThrowError(/SITE_DOMAIN/);
    expect(() => load({ ...SECRETS, AUTH_SECRET: '' })).toThrowError(/AUTH_SECRET/);
  });

  it('documents every variable it reads, in the example env file and in the operations guide', () => {
    const used = new Set([...composeText.matchAll(/(?<!\$)\$\{([A-Z_]+)/g)].map((match) => match[1]!));
    const documented = new Set([...envExample.matchAll(/^([A-Z_]+)=/gm)].map((match) => match[1]!));
    expect([...used].filter((name) => !documented.has(name))).toEqual([]);
    expect([...documented].filter((name) => !used.has(name))).toEqual([]);
    expect([...used].filter((name) => !operations.includes(`\`${name}\``))).toEqual([]);
  });

  it('gives the app a configuration the backend accepts in production (the same checks it runs at start)', () => {
    const environment = app.environment!;
    expect(Object.keys(environment).filter((name) => !(name in envSchema.shape))).toEqual([]);
    const parsed = parseEnv(environment);
    expect(parsed).toMatchObject({ NODE_ENV: 'production', TRUST_PROXY: 'loopback', HOST: '127.0.0.1' });
    expect(parsed.PUBLIC_URL).toMatch(/^https:\/\//);
    expect(parsed.LIVEKIT_URL).toMatch(/^wss:\/\//);
    expect(Object.values(services).some((service) => service.environment?.NODE_ENV === 'development')).toBe(false);
    // The published example secrets would be refused: the example file has none.
    expect(() => load({})).toThrowError(/AUTH_SECRET/);
  });

  it('keeps PostgreSQL, Redis, LiveKit’s API and the app off the internet, with passwords', () => {
    for (const service of Object.values(services)) expect(service.ports ?? []).toEqual([]);
    expect(services.postgres!.command).toEqual(expect.arrayContaining(['listen_addresses=127.0.0.1']));
    expect(services.postgres!.environment!.POSTGRES_PASSWORD).toBe(SECRETS.POSTGRES_PASSWORD);
    const redis = services.redis!.command!;
    expect(redis[redis.indexOf('--bind') + 1]).toBe('127.0.0.1');
    expect(redis[redis.indexOf('--requirepass') + 1]).toBe(SECRETS.REDIS_PASSWORD);
    for (const config of [livekit, ingress, egress]) expect(config.redis.password).toBe(SECRETS.REDIS_PASSWORD);
    expect(livekit.bind_addresses).toEqual(['127.0.0.1']);
    expect(app.environment!.DATABASE_URL).toContain(`:${SECRETS.POSTGRES_PASSWORD}@127.0.0.1:5432/`);
  });

  it('gives LiveKit its public address, TURN over UDP and TLS, metrics, and public ingest URLs', () => {
    expect(livekit.rtc).toMatchObject({ node_ip: '203.0.113.10', use_external_ip: false });
    expect(livekit.turn).toMatchObject({ enabled: true, udp_port: 3478, tls_port: 5349, domain: 'turn.streams.example.com' });
    expect(livekit.turn.cert_file).toContain('/turn.streams.example.com/');
    expect(livekit.prometheus.port).toBeGreaterThan(0);
    expect(livekit.ingress.rtmp_base_url).toBe('rtmp://rtmp.streams.example.com:1935/x');
    expect(livekit.ingress.whip_base_url).toBe('https://whip.streams.example.com/w');
    expect(livekit.keys).toEqual({ [app.environment!.LIVEKIT_API_KEY!]: SECRETS.LIVEKIT_API_SECRET });
    expect(livekit.webhook.urls).toEqual([`http://127.0.0.1:${app.environment!.PORT}/api/webhook/livekit`]);
    for (const config of [ingress, egress])
      expect(config).toMatchObject({ api_key: app.environment!.LIVEKIT_API_KEY, api_secret: SECRETS.LIVEKIT_API_SECRET });
  });

  it('runs this repository’s patched ingress and egress and the versions the provisioning scripts pin', () => {
    for (const name of ['ingress', 'egress'] as const)
      expect(services[name]!.build).toMatchObject({
        dockerfile: 'scripts/deploy/livekit-service.Dockerfile',
        args: { SERVICE: name },
      });
    expect(services.livekit!.image).toBe(
      `livekit/livekit-server:${pinned('scripts/provision/livekit.sh', 'LIVEKIT_SERVER_VERSION')}`,
    );
    expect(services.caddy!.image).toBe(`caddy:${pinned('scripts/provision/build-caddy.sh', 'CADDY_VERSION')!.slice(1)}`);
    expect(app.build).toMatchObject({ target: 'app' });
    expect(services.egress!.volumes).toContainEqual(expect.objectContaining({ source: 'recordings', target: '/recordings' }));
    expect(app.volumes).toContainEqual(
      expect.objectContaining({ source: 'recordings', target: app.environment!.RECORDINGS_DIR }),
    );
  });

  it('checks health, restarts, migrates once before the app, and lets work drain on stop', () => {
    for (const [name, service] of Object.entries(services)) {
      if (name === 'migrate') continue;
      expect(service.restart, name).toBe('unless-stopped');
      expect(service.healthcheck?.test.length, name).toBeGreaterThan(0);
    }
    expect(services.migrate!.restart).toBe('no');
    expect(services.migrate!.build).toMatchObject({ target: 'migrate' });
    expect(app.depends_on?.migrate).toEqual(expect.objectContaining({ condition: 'service_completed_successfully' }));
    const drain = Number(app.environment!.SHUTDOWN_DRAIN_SECONDS) + Number(app.environment!.SHUTDOWN_GRACE_SECONDS);
    expect(seconds(app.stop_grace_period)).toBeGreaterThan(drain);
    for (const name of ['ingress', 'egress']) expect(seconds(services[name]!.stop_grace_period)).toBeGreaterThanOrEqual(300);
    expect(seconds(services.livekit!.stop_grace_period)).toBeGreaterThanOrEqual(30);
  });
});

describe('the proxies in front (configuration files the compose file mounts)', () => {
  const env = {
    ...process.env,
    SITE_DOMAIN: 'streams.example.com',
    LIVEKIT_DOMAIN: 'livekit.streams.example.com',
    WHIP_DOMAIN: 'whip.streams.example.com',
    TURN_DOMAIN: 'turn.streams.example.com',
    ACME_EMAIL: 'ops@example.com',
  };

  it('Caddy accepts its Caddyfile: a server on loopback behind the PROXY protocol, each public name proxied', () => {
    const caddy = path.join(root, '.tools/bin/caddy');
    const adapted = JSON.parse(
      execFileSync(caddy, ['adapt', '--config', path.join(root, 'scripts/deploy/Caddyfile'), '--adapter', 'caddyfile'], {
        env,
        encoding: 'utf8',
        stdio: ['ignore', 'pipe', 'ignore'],
      }),
    );
    const [server] = Object.values(adapted.apps.http.servers) as Array<Record<string, unknown>>;
    expect(server).toMatchObject({
      listen: ['127.0.0.1:8443'],
      listener_wrappers: [{ wrapper: 'proxy_protocol', allow: ['127.0.0.1/32'] }, { wrapper: 'tls' }],
    });
    const hosts = JSON.stringify(server!.routes);
    for (const name of [env.SITE_DOMAIN, env.LIVEKIT_DOMAIN, env.WHIP_DOMAIN, env.TURN_DOMAIN]) expect(hosts).toContain(name);
    for (const upstream of ['127.0.0.1:4000', '127.0.0.1:7880', '127.0.0.1:8085']) expect(hosts).toContain(upstream);
    expect(services.caddy!.image!.split(':')[1]).toBe(pinned('scripts/provision/build-caddy.sh', 'CADDY_VERSION')!.slice(1));
  });

  it('HAProxy accepts haproxy.cfg, which sends TURN_DOMAIN to LiveKit’s TURN/TLS port and the rest to Caddy', () => {
    const config = read('scripts/deploy/haproxy.cfg');
    expect(() =>
      execFileSync(haproxy, ['-c', '-f', path.join(root, 'scripts/deploy/haproxy.cfg')], { env, stdio: 'pipe' }),
    ).not.toThrow();
    expect(config).toContain(`server livekit 127.0.0.1:${livekit.turn.tls_port}`);
    expect(config).toContain('server caddy 127.0.0.1:8443 send-proxy-v2');
    expect(services.edge!.image).toMatch(/^haproxy:2\.6/);
  });
});

describe('the images', () => {
  const dockerfile = read('Dockerfile');
  const finalStage = dockerfile.slice(dockerfile.lastIndexOf('\nFROM '));

  it('run as an unprivileged user with production dependencies only, and never carry a local .env', () => {
    expect(finalStage).toMatch(/^FROM \S+ AS app$/m);
    expect(finalStage).toMatch(/^USER streamhouse$/m);
    expect(dockerfile).toMatch(/pnpm install --frozen-lockfile --prod/);
    expect(finalStage).not.toMatch(/^COPY \. /m);
    expect(read('.dockerignore').split('\n')).toEqual(expect.arrayContaining(['.env', '.env.*']));
    expect(read('scripts/deploy/livekit-service.Dockerfile')).toMatch(/^USER streamhouse$/m);
  });
});
