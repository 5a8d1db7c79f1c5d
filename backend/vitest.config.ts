import { defineConfig } from 'vitest/config';

// Run through `pnpm test`, which starts real PostgreSQL and LiveKit and passes their addresses in.
export default defineConfig({
  test: {
    include: ['src/**/*.test.ts'],
    testTimeout: 20_000,
    hookTimeout: 30_000,
    pool: 'forks',
  },
});
