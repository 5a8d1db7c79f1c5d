import type { LaunchOptions } from '@playwright/test';

/**
 * How every browser here starts (e2e, benchmarks, screenshots): Debian's Chromium (or CHROMIUM_PATH) headless,
 * with a fake camera and microphone, autoplay with sound allowed, and nothing that phones home mid-measurement.
 */
export function chromiumLaunchOptions(): LaunchOptions {
  return {
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    // The test stack's own HOME for the browser: it holds the NSS database that trusts the TLS proxy's authority.
    ...(process.env.BROWSER_HOME && { env: { ...process.env, HOME: process.env.BROWSER_HOME } }),
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--use-fake-ui-for-media-stream',
      '--use-fake-device-for-media-stream',
      '--autoplay-policy=no-user-gesture-required',
    ],
  };
}
