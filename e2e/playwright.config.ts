import { defineConfig, devices } from '@playwright/test';
import { chromiumLaunchOptions } from '../scripts/browser/chromium.ts';

// `pnpm test` starts the stack and passes BASE_URL (https://localhost:4143, through the stack's TLS proxy) and
// BROWSER_HOME, whose certificate store trusts that proxy's authority; Debian's Chromium is used (no downloads here).
const baseURL = process.env.BASE_URL ?? 'https://localhost:4143';

export default defineConfig({
  testDir: './tests',
  outputDir: './.artifacts/results',
  fullyParallel: false,
  workers: 1,
  forbidOnly: true,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 15_000 },
  reporter: [['list'], ['json']],
  use: {
    baseURL,
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    permissions: ['camera', 'microphone'],
  },
  projects: [
    {
      name: 'chromium',
      use: {
        ...devices['Desktop Chrome'],
        launchOptions: chromiumLaunchOptions(),
      },
    },
  ],
});
