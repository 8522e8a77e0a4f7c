// `npm start`: installs and builds what is missing, then serves Pacte on the embedded
// database with the demo review. Needs only Node.js and npm.
import { ensureBuild, ensureNodeModules, ensureWebBuild, run } from './setup.mjs';

ensureNodeModules();
ensureBuild();
ensureWebBuild();
const extra = process.argv.slice(2);
// A newcomer's terminal shows warnings only; set LOG_LEVEL=info for the JSON request log.
process.env.LOG_LEVEL ??= 'warn';
try {
  run('node', ['bin/pacte.js', 'serve', '--demo', '--port', process.env.PACTE_PORT ?? '8080', ...extra]);
} catch (error) {
  console.error(error.message);
  process.exit(1);
}
