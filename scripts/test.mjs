// `npm test`: installs what is missing, then runs every check and test — typecheck, lint and
// format, unit, integration on embedded PGlite AND on a real PostgreSQL server started here,
// and browser tests in Debian's Chromium. Nothing is skipped: a missing tool is installed, or
// the run stops saying how to install it.
import { ensureBuild, ensureDebianPackages, ensureNodeModules, run } from './setup.mjs';
import { startPostgres } from './postgres.mjs';

const step = (name) => console.log(`\n── ${name} ${'─'.repeat(Math.max(0, 70 - name.length))}`);

ensureNodeModules();
// PostgreSQL for the second engine, Chromium for browser tests, poppler for PDF import, LibreOffice
// to make the PDF fixtures from DOCX, Noto fonts so Arabic is shaped in PDFs and screenshots.
ensureDebianPackages([
  'postgresql',
  'chromium',
  'fonts-noto-core',
  'fonts-liberation',
  'poppler-utils',
  'libreoffice-writer-nogui',
]);

step('typecheck');
run('npx', ['tsc', '-p', 'tsconfig.json']);
step('lint and format');
run('npx', ['eslint', '--max-warnings=0', '.']);
run('npx', ['prettier', '--check', '--log-level=warn', '.']);
ensureBuild(); // the CLI tests run the built `pacte` command

step('unit, integration on PGlite, browser');
run('npx', ['vitest', 'run', 'test/unit', 'test/integration', 'test/e2e'], {
  env: { ...process.env, PACTE_TEST_ENGINE: 'pglite' },
});

step('integration on PostgreSQL');
const server = startPostgres();
console.log(`started ${server.version} for the tests`);
try {
  run('npx', ['vitest', 'run', 'test/integration'], {
    env: { ...process.env, PACTE_TEST_ENGINE: 'postgres', PACTE_TEST_DATABASE_URL: server.url },
  });
} finally {
  server.stop();
}
console.log('\nAll checks and tests passed.');
