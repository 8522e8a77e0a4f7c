#!/usr/bin/env node
// The `pacte` command: the compiled CLI when built (npm start and npm test build it), else the
// TypeScript sources through tsx, so `npx pacte …` works right after `npm ci` too.
import { existsSync } from 'node:fs';

const built = new URL('../dist/cli/run.js', import.meta.url);
if (existsSync(built)) {
  await import(built.href);
} else {
  try {
    const { register } = await import('tsx/esm/api');
    register();
  } catch {
    process.stderr.write('error cli.not_built: Pacte is not installed yet. Run "npm start" once, or "npm ci".\n');
    process.exit(1);
  }
  await import(new URL('../src/cli/run.ts', import.meta.url).href);
}
