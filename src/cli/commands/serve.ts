import type { Config } from '../../config.js';
import { redactUrl } from '../../domain/redact-url.js';
import { buildServer } from '../../http/server.js';
import { requirePdfExport } from '../../services/export-review.js';
import { importDemo, resetDemoAccounts } from '../../services/import-demo.js';
import { isPacteError } from '../../domain/errors.js';
import { translate } from '../../i18n/index.js';
import { openReadyStorage } from '../../services/open-storage.js';

/** `pacte serve`: runs until SIGINT/SIGTERM, then closes the server and the database. */
export async function serve(config: Config, demo: boolean): Promise<number> {
  const storage = await openReadyStorage(config, `pacte serve (port ${config.port})`);
  try {
    if (demo) await importDemo(storage.db);
    const accounts = demo ? await resetDemoAccounts(storage.db) : [];
    const app = await buildServer({
      storage,
      logLevel: config.logLevel,
      importLimits: { ...config.importLimits, maxBytes: config.importMaxBytes },
      trustProxy: config.trustProxy,
      loginLimits: { maxFailures: config.loginMaxFailures, windowMinutes: config.loginWindowMinutes },
      evidenceMaxBytes: config.evidenceMaxBytes,
      oidc: config.oidc,
    });
    await app.listen({ port: config.port, host: config.host });
    // Everything but the PDF works without system tools: say so at start, with the command.
    const pdf = await requirePdfExport().then(
      () => null,
      (error: unknown) =>
        isPacteError(error) ? translate(config.language, 'errors', error.code, error.details) : null,
    );
    const base = `http://${config.host.includes(':') ? `[${config.host}]` : config.host}:${config.port}`;
    const where =
      storage.engine === 'pglite' ? `embedded database in ${config.dataDir}` : redactUrl(config.databaseUrl ?? '');
    process.stdout.write(
      [
        '',
        `Pacte is serving on ${base} (${where})`,
        `  public portal: ${base}/   search: ${base}/search   open data: ${base}/open-data`,
        ...(demo
          ? [
              `  workspace: ${base}/app/  (demo: Morocco's arab-2021 review, published as version 1 and back in draft for its next version; sign in with an account below)`,
            ]
          : []),
        `  API: ${base}/api/v1/reviews   documentation: ${base}/api/docs`,
        ...(pdf ? [`  PDF export is off: ${pdf}`] : []),
        ...(config.oidc ? [`  sign-in with ${config.oidc.name}: ${config.oidc.issuer} (OpenID Connect)`] : []),
        ...(accounts.length > 0
          ? [
              '  demo accounts (new passwords at every start):',
              ...accounts.map((a) => `    ${a.role.padEnd(12)} ${a.email}  ${a.password}`),
            ]
          : []),
        '  Stop with Ctrl+C.',
        '',
      ].join('\n'),
    );
    await new Promise<void>((resolve) => {
      process.once('SIGINT', resolve);
      process.once('SIGTERM', resolve);
    });
    await app.close();
    return 0;
  } finally {
    await storage.close();
  }
}
