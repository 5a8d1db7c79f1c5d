import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import YAML from 'yaml';
import { envSchema, parseEnv } from './env.ts';
import { PROFILES } from '../../../scripts/stack/profiles.ts';

// docker-compose.yml cannot run on the CI machine (no Docker engine), so this keeps it honest instead.
const root = path.resolve(import.meta.dirname, '../../..');
const read = (file: string) => fs.readFileSync(path.join(root, file), 'utf8');
const compose = YAML.parse(read('docker-compose.yml'));
const livekit = YAML.parse(read('livekit.yaml'));
const ingress = YAML.parse(compose.services.ingress.environment.INGRESS_CONFIG_BODY);
const egress = YAML.parse(compose.services.egress.environment.EGRESS_CONFIG_BODY);
const appEnv: Record<string, string> = compose.services.app.environment;
const portOf = (url: string) => Number(new URL(url).port);
const dev = PROFILES.dev;

describe('docker-compose.yml, livekit.yaml and the local start agree', () => {
  it('gives the app only variables the config schema knows, and valid ones', () => {
    const known = Object.keys(envSchema.shape);
    expect(Object.keys(appEnv).filter((name) => !known.includes(name))).toEqual([]);
    expect(() => parseEnv(appEnv)).not.toThrow();
  });

  it('uses the same LiveKit keys everywhere', () => {
    expect(livekit.keys[appEnv.LIVEKIT_API_KEY!]).toBe(appEnv.LIVEKIT_API_SECRET);
    expect(livekit.webhook.api_key).toBe(appEnv.LIVEKIT_API_KEY);
    expect(ingress.api_key).toBe(appEnv.LIVEKIT_API_KEY);
    expect(ingress.api_secret).toBe(appEnv.LIVEKIT_API_SECRET);
    expect(egress.api_key).toBe(appEnv.LIVEKIT_API_KEY);
    expect(egress.api_secret).toBe(appEnv.LIVEKIT_API_SECRET);
  });

  it('lets the egress write recordings where the app reads them, over the shared Redis', () => {
    expect(portOf(egress.ws_url)).toBe(livekit.port);
    expect(egress.redis.address).toBe(livekit.redis.address);
    expect(compose.services.egress.volumes).toContain(`recordings:${appEnv.RECORDINGS_DIR}`);
    expect(compose.services.app.volumes).toContain(`recordings:${appEnv.RECORDINGS_DIR}`);
    expect([egress.health_port, egress.template_port]).toEqual([dev.egressHealthPort, dev.egressTemplatePort]);
  });

  it('points the app, the ingress and the webhook at the right ports', () => {
    expect(portOf(appEnv.LIVEKIT_URL!)).toBe(livekit.port);
    expect(portOf(ingress.ws_url)).toBe(livekit.port);
    expect(livekit.webhook.urls).toEqual([`http://127.0.0.1:${appEnv.PORT}/api/webhook/livekit`]);
    expect(livekit.redis.address).toBe(ingress.redis.address);
    expect(compose.services.redis.command).toContain(livekit.redis.address.split(':')[1]);
    expect(portOf(livekit.ingress.rtmp_base_url.replace('rtmp://', 'http://'))).toBe(ingress.rtmp_port);
    expect(portOf(livekit.ingress.whip_base_url)).toBe(ingress.whip_port);
    expect(livekit.rtc.use_external_ip).toBe(false);
  });

  it('uses the ports `pnpm dev` uses', () => {
    expect([livekit.port, livekit.rtc.tcp_port, livekit.rtc.udp_port]).toEqual([
      dev.livekitPort,
      dev.livekitTcpPort,
      dev.livekitUdpPort,
    ]);
    expect([ingress.rtmp_port, ingress.whip_port, ingress.rtc_config.udp_port]).toEqual([
      dev.rtmpPort,
      dev.whipPort,
      dev.ingressWhipUdpPort,
    ]);
    expect(Number(appEnv.PORT)).toBe(dev.backendPort);
  });

  it('runs the LiveKit version the provisioning script pins', () => {
    const pinned = /LIVEKIT_SERVER_VERSION="(v[\d.]+)"/.exec(read('scripts/provision/livekit.sh'))?.[1];
    expect(compose.services.livekit.image).toBe(`livekit/livekit-server:${pinned}`);
  });

  it('runs the ingress and egress this repository patches, built by its provisioning scripts', () => {
    for (const name of ['ingress', 'egress'])
      expect(compose.services[name].build).toEqual({
        context: '.',
        dockerfile: 'scripts/deploy/livekit-service.Dockerfile',
        args: { SERVICE: name },
      });
  });
});
