// `npm test`: installs what is missing, then runs every check and test — typecheck, lint and
// format, unit, integration on embedded PGlite AND on a real PostgreSQL server started here,
// and browser tests in Debian's Chromium. Nothing is skipped: a missing tool is installed, or
// the run stops saying how to install it.
import { mkdirSync } from 'node:fs';
import { ROOT, ensureBuild, ensureDebianPackages, ensureNodeModules, ensureWebBuild, readJson, run } from './setup.mjs';
import { createServer } from 'node:net';
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
run('npx', ['tsc', '-p', 'src/web']);
step('lint and format');
run('npx', ['eslint', '--max-warnings=0', '.']);
run('npx', ['prettier', '--check', '--log-level=warn', '.']);
// No import cycle in src/, type-only imports included (dpdm expands the globs itself).
run('npx', ['dpdm', '--no-warning', '--no-tree', '--exit-code', 'circular:1', 'src/**/*.ts', 'src/**/*.tsx']);
step('database schema');
// src/db/schema.ts is generated from the migrations (npm run db:schema); a stale one fails here,
// before the long runs, on a throwaway server of its own (a few seconds).
run('node', ['scripts/db-schema.mjs', '--check']);
step('API contract');
// docs/api/openapi.json and the web app's types (generated/api-types.ts) are generated from the
// route schemas (docs/api-contract.md): stale ones, or a Redocly lint error, fail here.
run('npx', ['tsx', 'scripts/api-contract.ts', '--check']);
ensureBuild(); // the CLI tests run the built `pacte` command
ensureWebBuild(); // the browser tests use the web app under /app/

// Each vitest run also writes a JSON report, so the closing line can count every test run.
const reports = [];
mkdirSync(`${ROOT}test-results`, { recursive: true });
function vitest(name, folders, env) {
  const report = `${ROOT}test-results/vitest-${name}.json`;
  reports.push(report);
  run('npx', ['vitest', 'run', ...folders, '--reporter=default', '--reporter=json', `--outputFile.json=${report}`], {
    env: { ...process.env, ...env },
  });
}

step('unit, integration on PGlite, browser');
vitest('pglite', ['test/unit', 'test/integration', 'test/e2e'], { PACTE_TEST_ENGINE: 'pglite' });

step('integration on PostgreSQL');
// A free port: another cluster (a developer's, a bench's) may already use the default one.
const server = startPostgres(await freePort());
console.log(`started ${server.version} for the tests`);
try {
  vitest('postgres', ['test/integration'], { PACTE_TEST_ENGINE: 'postgres', PACTE_TEST_DATABASE_URL: server.url });
} finally {
  server.stop();
}
const totals = reports
  .map((file) => readJson(file))
  .reduce(
    (sum, r) => ({
      passed: sum.passed + r.numPassedTests,
      failed: sum.failed + r.numFailedTests,
      skipped: sum.skipped + r.numPendingTests + r.numTodoTests,
    }),
    { passed: 0, failed: 0, skipped: 0 },
  );
console.log('\nAll checks and tests passed.');
console.log(`tests: ${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped`);

function freePort() {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address();
      probe.close(() => resolve(port));
    });
  });
}
