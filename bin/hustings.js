#!/usr/bin/env node
// Runs the TypeScript sources directly: Node strips the types, so there is no build step for the CLI.
const [major, minor] = process.versions.node.split('.').map(Number);
if (major < 22 || (major === 22 && minor < 18)) {
  console.error(`Hustings needs Node.js 22.18 or newer; this is ${process.version}. See README.md.`);
  process.exit(1);
}
const { main } = await import('../main/cli.ts');
process.exitCode = await main(process.argv.slice(2));
