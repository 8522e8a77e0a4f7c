#!/usr/bin/env node
// The `pacte` command. Runs the compiled CLI (npm start and npm test build it).
import { existsSync } from 'node:fs';

const entry = new URL('../dist/cli/run.js', import.meta.url);
if (!existsSync(entry)) {
  process.stderr.write('error cli.not_built: Pacte is not built yet. Run "npm start" once, or "npm run build".\n');
  process.exit(1);
}
await import(entry.href);
