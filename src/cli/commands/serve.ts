import type { Config } from '../../config.js';
import { redactUrl } from '../../domain/redact-url.js';
import { buildServer } from '../../http/server.js';
import { requirePdfExport } from '../../services/export-review.js';
import { DEMO_REGION, ensureDemoRegion, importDemo, resetDemoAccounts } from '../../services/import-demo.js';
import { isPacteError } from '../../domain/errors.js';
import { translate } from '../../i18n/index.js';
import { openReadyStorage } from '../../services/open-storage.js';
import { scheduleMailDigests } from '../../services/send-mail-digests.js';
import { cliTexts } from '../texts.js';

/** `pacte serve`: runs until SIGINT/SIGTERM, then closes the server and the database. */
export async function serve(config: Config, demo: boolean, withRegion = true): Promise<number> {
  const storage = await openReadyStorage(config, `pacte serve (port ${config.port})`);
  try {
    const t = cliTexts(config.language);
    if (demo) await importDemo(storage.db);
    // The fictional region, on the first start only; --no-demo-region leaves it out (browser tests).
    if (demo && withRegion) {
      process.stdout.write(`${t('serve.demo_region_wait', { region: DEMO_REGION.id })}\n`);
      await ensureDemoRegion(storage.db);
    }
    const accounts = demo ? await resetDemoAccounts(storage.db) : [];
    const app = await buildServer({
      storage,
      logLevel: config.logLevel,
      importLimits: { ...config.importLimits, maxBytes: config.importMaxBytes },
      trustProxy: config.trustProxy,
      loginLimits: { maxFailures: config.loginMaxFailures, windowMinutes: config.loginWindowMinutes },
      evidenceMaxBytes: config.evidenceMaxBytes,
      oidc: config.oidc,
      mail: config.mail,
    });
    scheduleMailDigests(app, storage.db, config.mail); // the daily digests, checked every hour
    await app.listen({ port: config.port, host: config.host });
    // Everything but the PDF works without system tools: say so at start, with the command.
    const pdf = await requirePdfExport().then(
      () => null,
      (error: unknown) =>
        isPacteError(error) ? translate(config.language, 'errors', error.code, error.details) : null,
    );
    const url = `http://${config.host.includes(':') ? `[${config.host}]` : config.host}:${config.port}`;
    const where =
      storage.engine === 'pglite' ? t('serve.embedded', { dir: config.dataDir }) : redactUrl(config.databaseUrl ?? '');
    process.stdout.write(
      [
        '',
        t('serve.serving', { url, where }),
        `  ${t('serve.portal', { url })}`,
        ...(demo ? [`  ${t('serve.demo', { url })}`] : []),
        ...(demo && withRegion ? [`  ${t('serve.demo_region', { url, region: DEMO_REGION.id })}`] : []),
        `  ${t('serve.api', { url })}`,
        ...(pdf ? [`  ${t('serve.pdf_off', { reason: pdf })}`] : []),
        ...(config.oidc ? [`  ${t('serve.oidc', { provider: config.oidc.name, issuer: config.oidc.issuer })}`] : []),
        // One account a line, « role email password », in every language (test/support/browser.ts reads them).
        ...(accounts.length > 0
          ? [
              `  ${t('serve.demo_accounts')}`,
              ...accounts.map((a) => `    ${a.role.padEnd(12)} ${a.email}  ${a.password}`),
            ]
          : []),
        `  ${t('serve.stop')}`,
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
