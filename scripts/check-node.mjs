// Runs before `pnpm install` (plain JavaScript, so any Node can run it): a clear message instead of
// a syntax error later when Node is too old to run the project's TypeScript directly.
import fs from 'node:fs';

// The one pin: .node-version (scripts/toolchain.sh installs exactly that version).
const REQUIRED_MAJOR = Number(
  fs
    .readFileSync(new URL('../.node-version', import.meta.url), 'utf8')
    .trim()
    .split('.')[0],
);
const major = Number(process.versions.node.split('.')[0]);
if (major < REQUIRED_MAJOR) {
  console.error(`
  Streamhouse needs Node.js ${REQUIRED_MAJOR} (the current LTS); this is Node.js ${process.versions.node}.
  On Linux, \`bash scripts/run.sh dev\` (or \`test\`) installs the pinned Node.js and pnpm for this project
  into ~/.cache/streamhouse and runs the command with them. Or install Node ${REQUIRED_MAJOR} with your version
  manager (fnm/nvm/volta read .node-version: \`fnm use\`, \`nvm install ${REQUIRED_MAJOR}\`) or from https://nodejs.org,
  then run the command again.
`);
  process.exit(1);
}
