// Set-up shared by `npm start` and `npm test`: install what is missing, say clearly what cannot
// be installed. Plain Node (no dependencies) because it runs before `npm ci`.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';

export const ROOT = new URL('..', import.meta.url).pathname;

export function run(command, args, options = {}) {
  const result = spawnSync(command, args, { stdio: 'inherit', cwd: ROOT, ...options });
  if (result.error) throw result.error;
  if (result.status !== 0) {
    throw new Error(`${command} ${args.join(' ')} exited with ${result.status ?? result.signal}`);
  }
}

/** `npm ci` when node_modules is missing or older than the lockfile. */
export function ensureNodeModules() {
  const marker = `${ROOT}node_modules/.package-lock.json`;
  const lock = `${ROOT}package-lock.json`;
  if (existsSync(marker) && statSync(marker).mtimeMs >= statSync(lock).mtimeMs) return;
  console.log('pacte: installing npm packages (npm ci)…');
  run('npm', ['ci', '--no-audit', '--no-fund']);
}

/**
 * Runs `build` when one of `inputs` (files or folders) is newer than `stamp`, then touches
 * the stamp. The one staleness check of both builds (tsc and the web app).
 */
function rebuildWhenChanged(stamp, inputs, what, build) {
  const builtAt = existsSync(`${ROOT}${stamp}`) ? statSync(`${ROOT}${stamp}`).mtimeMs : 0;
  const newest = execFileSync('find', [...inputs, '-newermt', `@${Math.floor(builtAt / 1000)}`, '-type', 'f'], {
    cwd: ROOT,
    encoding: 'utf8',
  }).trim();
  if (builtAt > 0 && newest === '') return;
  console.log(`pacte: building ${what}…`);
  build();
  writeFileSync(`${ROOT}${stamp}`, new Date().toISOString());
}

/** Rebuild dist/ when a source file is newer than the last build. */
export function ensureBuild() {
  rebuildWhenChanged('dist/.built', ['src', 'tsconfig.json', 'tsconfig.build.json', 'package-lock.json'], '(tsc)', () =>
    run('npx', ['tsc', '-p', 'tsconfig.build.json']),
  );
}

/** Rebuild dist/web when src/web, the pure domain it imports, or the build's config changed. */
export function ensureWebBuild() {
  rebuildWhenChanged(
    'dist/web/.built',
    ['src/web', 'src/domain', 'src/i18n/locales', 'vite.config.ts', 'package-lock.json'],
    'the web app (vite)',
    () => run('npx', ['vite', 'build', '--logLevel', 'warn']),
  );
}

function debianInstalled(pkg) {
  const result = spawnSync('dpkg-query', ['-W', '-f=${Status}', pkg], { encoding: 'utf8' });
  return result.status === 0 && result.stdout.includes('install ok installed');
}

/**
 * Installs Debian packages the tests need. Without root (or apt), stop and say which command
 * to run, instead of skipping the tests that need them.
 */
export function ensureDebianPackages(packages) {
  const missing = packages.filter((pkg) => !debianInstalled(pkg));
  if (missing.length === 0) return;
  const isRoot = process.getuid?.() === 0;
  if (!isRoot || !existsSync('/usr/bin/apt-get')) {
    throw new Error(
      `missing system packages: ${missing.join(' ')}. Install them with: sudo apt-get update && sudo apt-get install -y ${missing.join(' ')}`,
    );
  }
  console.log(`pacte: installing ${missing.join(' ')} (apt-get)…`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  run('apt-get', ['update', '-q'], { env });
  run('apt-get', ['install', '-y', '-q', '--no-install-recommends', '-o', 'DPkg::Lock::Timeout=300', ...missing], {
    env,
  });
}

export function readJson(path) {
  return JSON.parse(readFileSync(path, 'utf8'));
}
