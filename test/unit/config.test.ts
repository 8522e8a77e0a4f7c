import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';
import { PacteError } from '../../src/domain/errors.js';

describe('configuration', () => {
  it('needs no setup: port 8080 on loopback, embedded database in ./data', () => {
    expect(loadConfig({}, {})).toMatchObject({
      port: 8080,
      host: '127.0.0.1',
      dataDir: 'data',
      databaseUrl: undefined,
    });
  });

  it('takes flags over environment variables', () => {
    const config = loadConfig({ port: '9000', data: '/srv/pacte' }, { PACTE_PORT: '7000', PACTE_DATA_DIR: '/x' });
    expect(config).toMatchObject({ port: 9000, dataDir: '/srv/pacte' });
  });

  it('reports every mistake at once, each with what was expected', () => {
    try {
      loadConfig({ port: 'eighty' }, { DATABASE_URL: 'mysql://x', LOG_LEVEL: 'loud' });
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(PacteError);
      const { code, details } = error as PacteError;
      expect(code).toBe('config.invalid');
      expect(String(details.problems)).toMatch(/port "eighty".*DATABASE_URL.*LOG_LEVEL "loud"/);
    }
  });

  it('trusts a proxy only when told to, and says so when the value is not a boolean', () => {
    expect(loadConfig({}, {}).trustProxy).toBe(false);
    expect(loadConfig({}, { PACTE_TRUST_PROXY: 'true' }).trustProxy).toBe(true);
    expect(() => loadConfig({}, { PACTE_TRUST_PROXY: 'yes' })).toThrow(PacteError);
  });

  it('takes the CLI language from PACTE_LANG or LANG', () => {
    expect(loadConfig({}, { LANG: 'ar_MA.UTF-8' }).language).toBe('ar');
    expect(loadConfig({}, { PACTE_LANG: 'fr', LANG: 'en_US' }).language).toBe('fr');
    expect(loadConfig({}, { LANG: 'de_DE' }).language).toBe('en');
  });
});
