// Runs before `npm install`: stop early, with a way out, when Node is older than the project needs.
const [major, minor] = process.versions.node.split('.').map(Number);
if (major < 22 || (major === 22 && minor < 12)) {
  console.error(
    [
      `WattDesk needs Node.js >= 22.12; this is ${process.version}.`,
      'Get Node 22 from https://nodejs.org, with a version manager (nvm install 22),',
      'or from the npm registry without root:',
      '  npm install --prefix ~/.local/node22 node@22 && export PATH=~/.local/node22/node_modules/node/bin:$PATH',
    ].join('\n'),
  );
  process.exit(1);
}
