// `prisma generate` (root postinstall): writes the client to backend/src/generated/prisma.
// Offline-safe: the CLI insists on locating its native schema engine even though generate never
// runs it, and that binary comes from a CDN we cannot reach; any existing file satisfies the check.
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const result = spawnSync(path.join(root, 'node_modules', '.bin', 'prisma'), ['generate', ...process.argv.slice(2)], {
  cwd: root,
  stdio: 'inherit',
  env: {
    ...process.env,
    PRISMA_SCHEMA_ENGINE_BINARY: process.env.PRISMA_SCHEMA_ENGINE_BINARY ?? process.execPath,
    CHECKPOINT_DISABLE: '1', // no version/telemetry check against checkpoint.prisma.io
    PRISMA_HIDE_UPDATE_MESSAGE: '1',
  },
});
if (result.error) throw result.error;
process.exit(result.status ?? 1);
