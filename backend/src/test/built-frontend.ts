import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { vi } from 'vitest';
import type { Express } from 'express';

/**
 * A built frontend as Vite writes it (`files`: path in the build → content) in a folder of its own, and the app
 * serving it (STATIC_DIR, plus any other `environment`). `remove` deletes the folder and the stubs.
 */
export async function appServingBuild(
  files: Record<string, string | Buffer>,
  environment: Record<string, string> = {},
): Promise<{ app: Express; staticDir: string; remove: () => void }> {
  const staticDir = fs.mkdtempSync(path.join(os.tmpdir(), 'build-'));
  for (const [file, content] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(staticDir, file)), { recursive: true });
    fs.writeFileSync(path.join(staticDir, file), content);
  }
  vi.unstubAllEnvs();
  vi.resetModules();
  for (const [name, value] of Object.entries({ STATIC_DIR: staticDir, ...environment })) vi.stubEnv(name, value);
  const { createApp } = await import('../app.ts');
  return {
    app: createApp(),
    staticDir,
    remove: () => {
      vi.unstubAllEnvs();
      fs.rmSync(staticDir, { recursive: true, force: true });
    },
  };
}
