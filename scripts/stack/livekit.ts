import fs from 'node:fs';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import YAML from 'yaml';
import { startProcess, exitedEarly, superviseProcess } from './processes.ts';
import { waitForHttp, waitForListener } from './wait.ts';
import type { StackProfile } from './profiles.ts';

export const REPO_ROOT = path.resolve(import.meta.dirname, '../..');
export const TOOLS_BIN = path.join(REPO_ROOT, '.tools/bin');

type LiveKitYaml = {
  port: number;
  rtc: Record<string, unknown>;
  keys: Record<string, string>;
  redis?: { address: string };
  ingress?: { rtmp_base_url: string; whip_base_url: string };
  webhook?: { api_key: string; urls: string[] };
  logging?: { level: string };
  [key: string]: unknown;
};

export function readBaseConfig(): LiveKitYaml {
  return YAML.parse(fs.readFileSync(path.join(REPO_ROOT, 'livekit.yaml'), 'utf8')) as LiveKitYaml;
}

/** Finds a binary in .tools/bin or on PATH. */
export function findBinary(name: string): string | undefined {
  const local = path.join(TOOLS_BIN, name);
  if (fs.existsSync(local)) return local;
  try {
    return execFileSync('which', [name], { encoding: 'utf8' }).trim() || undefined;
  } catch {
    return undefined;
  }
}

/** Runs the provisioning script (fast when everything is already there). */
export function provisionLiveKit(): void {
  execFileSync('bash', [path.join(REPO_ROOT, 'scripts/provision/livekit.sh'), TOOLS_BIN], { stdio: 'inherit' });
}

export type LiveKitServer = { url: string; apiKey: string; apiSecret: string; ingressEnabled: boolean; pid: number };

export async function startLiveKitServer(options: {
  profile: StackProfile;
  dataRoot: string;
  redisAddress?: string;
  logLevel?: string;
  quiet?: boolean;
  /** A secret of its own instead of livekit.yaml's published dev one (a production-mode backend refuses that). */
  privateSecret?: boolean;
  /** Where OBS sends WHIP, when a TLS proxy is in front of the ingress. */
  whipBaseUrl?: string;
}): Promise<LiveKitServer> {
  const { profile } = options;
  const binary = findBinary('livekit-server');
  if (!binary) throw new Error('livekit-server is not installed: run `pnpm provision`');
  const base = readBaseConfig();
  const [apiKey, publishedSecret] = Object.entries(base.keys)[0]!;
  const apiSecret = options.privateSecret ? randomBytes(32).toString('base64url') : publishedSecret;
  base.keys = { [apiKey]: apiSecret };
  const config: LiveKitYaml = {
    ...base,
    port: profile.livekitPort,
    rtc: { ...base.rtc, tcp_port: profile.livekitTcpPort, udp_port: profile.livekitUdpPort },
    // TURN over UDP, so a viewer whose network allows only relayed media still gets video. Here the SFU's own
    // addresses are private or loopback ones, which LiveKit's TURN refuses to relay to unless allowed (keep
    // the default, deny, in production: relaying into private networks would let anyone reach them).
    turn: {
      enabled: true,
      domain: 'localhost',
      udp_port: profile.turnUdpPort,
      allow_restricted_peer_cidrs: ['127.0.0.0/8', '10.0.0.0/8', '172.16.0.0/12', '192.168.0.0/16', 'fc00::/7'],
    },
    webhook: { api_key: apiKey, urls: [`http://127.0.0.1:${profile.backendPort}/api/webhook/livekit`] },
    logging: { level: options.logLevel ?? base.logging?.level ?? 'info' },
  };
  if (options.redisAddress) {
    config.redis = { address: options.redisAddress };
    config.ingress = {
      rtmp_base_url: `rtmp://127.0.0.1:${profile.rtmpPort}/x`,
      whip_base_url: options.whipBaseUrl ?? `http://127.0.0.1:${profile.whipPort}/w`,
    };
  } else {
    delete config.redis;
    delete config.ingress;
  }
  fs.mkdirSync(options.dataRoot, { recursive: true });
  const configPath = path.join(options.dataRoot, 'livekit.yaml');
  fs.writeFileSync(configPath, YAML.stringify(config));
  const child = startProcess('livekit', binary, ['--config', configPath], { quiet: options.quiet });
  await Promise.race([waitForHttp(`http://127.0.0.1:${profile.livekitPort}/`), exitedEarly(child, 'livekit-server')]);
  return {
    url: `ws://127.0.0.1:${profile.livekitPort}`,
    apiKey,
    apiSecret,
    ingressEnabled: Boolean(options.redisAddress),
    pid: child.pid!,
  };
}

/** The ingress service turns RTMP/WHIP pushes (OBS, ffmpeg) into a LiveKit participant. */
export async function startIngress(options: {
  profile: StackProfile;
  dataRoot: string;
  redisAddress: string;
  livekit: LiveKitServer;
  quiet?: boolean;
}): Promise<void> {
  const binary = findBinary('ingress');
  if (!binary) throw new Error('the ingress service is not installed');
  const { profile } = options;
  const config = {
    api_key: options.livekit.apiKey,
    api_secret: options.livekit.apiSecret,
    ws_url: options.livekit.url,
    redis: { address: options.redisAddress },
    rtmp_port: profile.rtmpPort,
    whip_port: profile.whipPort,
    http_relay_port: profile.ingressHttpRelayPort,
    health_port: profile.ingressHealthPort,
    rtc_config: { udp_port: profile.ingressWhipUdpPort, use_external_ip: false },
    // The ingress refuses streams when the whole machine looks busy (min_idle_ratio 0.3 by default);
    // a dev or test machine runs browsers and builds beside it, so accept streams regardless: it admits when
    // idle CPUs − min_idle_ratio × CPUs > cost, which a negative cost always passes (even at 0 % idle).
    cpu_cost: {
      rtmp_cpu_cost: -1,
      whip_cpu_cost: -1,
      whip_bypass_transcoding_cpu_cost: -1,
      url_cpu_cost: -1,
      min_idle_ratio: 0.01,
    },
    logging: { level: 'info' },
    // Drops what RTMP buffered while the stream started and aligns its clock to the live edge; it needs the
    // low-delay patch to work (INGRESS_NOTES.md, "Low-delay patch").
    enable_stream_latency_reduction: true,
  };
  const configPath = path.join(options.dataRoot, 'ingress.yaml');
  fs.writeFileSync(configPath, YAML.stringify(config));
  // It re-executes itself as `ingress run-handler`, so its folder must be on PATH.
  const child = startProcess('ingress', binary, ['--config', configPath], {
    env: { PATH: `${path.dirname(binary)}:${process.env.PATH}` },
    quiet: options.quiet,
  });
  await Promise.race([waitForListener(profile.rtmpPort), exitedEarly(child, 'ingress')]);
}

/**
 * The egress service records a participant to a file and takes JPEG snapshots (recordings module). It writes
 * files to the paths the backend asks for, so it must share the backend's filesystem.
 */
export async function startEgress(options: {
  profile: StackProfile;
  dataRoot: string;
  redisAddress: string;
  livekit: LiveKitServer;
  quiet?: boolean;
}): Promise<void> {
  const binary = findBinary('egress');
  if (!binary) throw new Error('the egress service is not installed');
  const { profile } = options;
  const config = {
    api_key: options.livekit.apiKey,
    api_secret: options.livekit.apiSecret,
    ws_url: options.livekit.url,
    redis: { address: options.redisAddress },
    health_port: profile.egressHealthPort,
    template_port: profile.egressTemplatePort,
    // Like the ingress, the egress refuses work when the machine looks busy; a dev or test machine runs
    // browsers and builds beside it. max_cpu_utilization 1 also keeps its "kill the busiest recording when the
    // machine is above 95 % for 10 s" watchdog from firing.
    cpu_cost: {
      max_cpu_utilization: 1,
      participant_cpu_cost: 0.01,
      track_composite_cpu_cost: 0.01,
      track_cpu_cost: 0.01,
      room_composite_cpu_cost: 0.01,
      audio_room_composite_cpu_cost: 0.01,
      web_cpu_cost: 0.01,
      audio_web_cpu_cost: 0.01,
    },
    logging: { level: 'info' },
  };
  const configPath = path.join(options.dataRoot, 'egress.yaml');
  fs.writeFileSync(configPath, YAML.stringify(config));
  // It re-executes itself as `egress run-handler`, so its folder must be on PATH.
  const child = superviseProcess('egress', binary, ['--config', configPath], {
    env: { PATH: `${path.dirname(binary)}:${process.env.PATH}` },
    quiet: options.quiet,
  });
  await Promise.race([waitForHttp(`http://127.0.0.1:${profile.egressHealthPort}/`), exitedEarly(child, 'egress')]);
}
