/**
 * Ports per stack, so the test stack can run beside a running dev stack.
 * The dev ports match livekit.yaml and docker-compose.yml (a test checks they agree).
 */
export type StackProfile = {
  name: 'dev' | 'test';
  /** Folder under .data/ for this stack's database and generated configs. */
  dataName: string;
  backendPort: number;
  /**
   * The two backend instances `pnpm test` starts for the multi-instance tests: one database of their own, and
   * not LiveKit's webhook target, so they never see the other tests' rooms.
   */
  instanceAPort: number;
  instanceBPort: number;
  frontendPort: number;
  postgresPort: number;
  redisPort: number;
  livekitPort: number;
  livekitTcpPort: number;
  livekitUdpPort: number;
  rtmpPort: number;
  whipPort: number;
  ingressHttpRelayPort: number;
  ingressHealthPort: number;
  /** UDP port of the ingress service's own WebRTC endpoint (WHIP input). */
  ingressWhipUdpPort: number;
  egressHealthPort: number;
  /** The egress always serves its (unused) room-composite templates; default 7980 would collide. */
  egressTemplatePort: number;
  /**
   * The TLS proxy (Caddy) of a stack that runs over HTTPS, as production does: the site, LiveKit's signalling
   * (wss://) and the WHIP endpoint, each on https://localhost:<port>.
   */
  siteTlsPort: number;
  livekitTlsPort: number;
  whipTlsPort: number;
  /** LiveKit's built-in TURN server (UDP), for viewers whose network allows only relayed media. */
  turnUdpPort: number;
  /** Mailpit: the SMTP server the backend sends to, and its web inbox and HTTP API (tests read mail there). */
  mailSmtpPort: number;
  mailWebPort: number;
};

export const PROFILES: Record<StackProfile['name'], StackProfile> = {
  dev: {
    name: 'dev',
    dataName: 'dev',
    backendPort: 4000,
    instanceAPort: 4001,
    instanceBPort: 4002,
    frontendPort: 5173,
    postgresPort: 5433,
    redisPort: 6380,
    livekitPort: 7880,
    livekitTcpPort: 7881,
    livekitUdpPort: 7882,
    rtmpPort: 1935,
    whipPort: 8085,
    ingressHttpRelayPort: 9090,
    ingressHealthPort: 9091,
    ingressWhipUdpPort: 7885,
    egressHealthPort: 9092,
    egressTemplatePort: 9093,
    siteTlsPort: 4043,
    livekitTlsPort: 7843,
    whipTlsPort: 8443,
    turnUdpPort: 3478,
    mailSmtpPort: 1025,
    mailWebPort: 8025,
  },
  test: {
    name: 'test',
    dataName: 'test',
    backendPort: 4100,
    instanceAPort: 4101,
    instanceBPort: 4102,
    frontendPort: 4100,
    postgresPort: 5434,
    redisPort: 6381,
    livekitPort: 7980,
    livekitTcpPort: 7981,
    livekitUdpPort: 7982,
    rtmpPort: 1936,
    whipPort: 8185,
    ingressHttpRelayPort: 9190,
    ingressHealthPort: 9191,
    ingressWhipUdpPort: 7985,
    egressHealthPort: 9192,
    egressTemplatePort: 9193,
    siteTlsPort: 4143,
    livekitTlsPort: 7943,
    whipTlsPort: 8543,
    turnUdpPort: 3578,
    mailSmtpPort: 1125,
    mailWebPort: 8125,
  },
};

/** A profile with every port moved by `offset`, and a data folder of its own. */
function shifted(profile: StackProfile, offset: number): StackProfile {
  if (!offset) return profile;
  const ports = Object.fromEntries(
    Object.entries(profile).map(([key, value]) => [key, typeof value === 'number' ? value + offset : value]),
  );
  return { ...(ports as StackProfile), dataName: `${profile.dataName}-${offset}` };
}

/**
 * The test profile shifted by TEST_PORT_OFFSET (e.g. 1000), so several test runs can share a machine.
 */
export const testProfile = (offset: number): StackProfile => shifted(PROFILES.test, offset);

/** The dev profile shifted by DEV_PORT_OFFSET: a second `pnpm dev` (its own database) beside the usual one. */
export const devProfile = (offset: number): StackProfile => shifted(PROFILES.dev, offset);
