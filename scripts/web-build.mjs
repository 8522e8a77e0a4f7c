// The web app's build step, shared by `npm start` and `npm test`: Vite builds src/web into
// dist/web when a source of the app is newer than the last build. Plain Node, like setup.mjs.
import { execFileSync } from 'node:child_process';
import { existsSync, statSync, writeFileSync } from 'node:fs';
import { ROOT, run } from './setup.mjs';

/** Rebuild dist/web when src/web, the pure domain it imports, or the build's config changed. */
export function ensureWebBuild() {
  const stamp = `${ROOT}dist/web/.built`;
  const builtAt = existsSync(stamp) ? statSync(stamp).mtimeMs : 0;
  const newest = execFileSync(
    'find',
    [
      'src/web',
      'src/domain',
      'vite.config.ts',
      'package-lock.json',
      '-newermt',
      `@${Math.floor(builtAt / 1000)}`,
      '-type',
      'f',
    ],
    { cwd: ROOT, encoding: 'utf8' },
  ).trim();
  if (builtAt > 0 && newest === '') return;
  console.log('pacte: building the web app (vite)…');
  run('npx', ['vite', 'build', '--logLevel', 'warn']);
  writeFileSync(stamp, new Date().toISOString());
}
