import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ReviewDocument } from '../../src/domain/review.js';
import { createUser, signInToken } from '../support/accounts.js';
import { EXPORT_FORMATS } from '../../src/services/export-review.js';
import { buildServer } from '../../src/http/server.js';
import { translate } from '../../src/i18n/index.js';
import { createEmptyDatabase } from '../support/empty-database.js';
import { fixtureReview, writeDocxFixture } from '../support/fixtures.js';
import { PROSE, ROOT, SEED, craftedReview, pacte } from '../support/pacte.js';
import { openTestStorage, type TestStorage } from '../support/storage.js';

// The CLI runs as a child process on the test's database. An embedded database admits one
// process at a time, so the test's own storage is closed while children run; withStorage()
// opens it briefly to look.
let t: TestStorage;
let dir: string;

beforeAll(async () => {
  t = await openTestStorage();
  await t.close();
  dir = mkdtempSync(join(tmpdir(), 'pacte-cli-'));
});
afterAll(async () => {
  await t?.cleanup();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

const withStorage = <T>(work: (storage: TestStorage['storage']) => Promise<T>) => t.briefly(work);

const reviewCount = () =>
  withStorage(async ({ db }) =>
    Number(
      (
        await db
          .selectFrom('review')
          .select((eb) => eb.fn.countAll().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    ),
  );

/** GET /api/v1/reviews/MAR/arab-2021, as the HTTP API serves it from the same database. */
const apiReview = () =>
  withStorage(async (storage) => {
    const app = await buildServer({ storage, logLevel: 'silent' });
    try {
      // The imported review is a draft: read it as an administrator (the public does not see it).
      await createUser(storage.db, 'admin@example.org', 'correct horse battery staple', { role: 'admin' });
      const token = await signInToken(app, 'admin@example.org', 'correct horse battery staple');
      const headers = { authorization: `Bearer ${token}` };
      return (
        await app.inject({ method: 'GET', url: '/api/v1/reviews/MAR/arab-2021', headers })
      ).json() as ReviewDocument;
    } finally {
      await app.close();
    }
  });

const answerTexts = (review: ReviewDocument) =>
  review.sections.flatMap((s) => s.questions.map((q) => ({ id: q.id, text: q.text, blocks: q.answer.blocks })));

const importSeed = () => pacte(['import', SEED, '--country', 'MAR', '--cycle', 'arab-2021'], t.env);

describe('pacte import', () => {
  it('prints the review JSON with --dry-run --json and stores nothing', async () => {
    const run = pacte(['import', SEED, '--dry-run', '--json'], t.env);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    const review = JSON.parse(run.stdout) as ReviewDocument;
    expect(review).toMatchObject({ country: 'MAR', cycle: 'arab-2021', language: 'fr' });
    expect(review.sections.flatMap((s) => s.questions)).toHaveLength(24);
    expect(await reviewCount()).toBe(0);
  });

  it('imports the seed (exit 0), and the API then serves the answers the dry run printed', async () => {
    const dryRun = JSON.parse(pacte(['import', SEED, '--dry-run', '--json'], t.env).stdout) as ReviewDocument;
    const run = importSeed();
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('MAR arab-2021, answers in fr');
    expect(await reviewCount()).toBe(1);
    expect(answerTexts(await apiReview())).toEqual(answerTexts(dryRun));
  });

  it('refuses a file that is not a review: exit 2, error import.not_a_review', () => {
    const file = join(dir, 'prose.txt');
    writeFileSync(file, PROSE);
    const run = pacte(['import', file, '--country', 'MAR', '--cycle', 'arab-2021'], t.env);
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/^error import\.not_a_review: /);
    expect(run.stderr).toContain(file);
  });

  it('imports several files in one go: a bad one is reported, the next is still stored, exit 2', async () => {
    const docx = await writeDocxFixture(fixtureReview('ar'), 'table', dir);
    const bad = join(dir, 'notes.txt');
    writeFileSync(bad, PROSE);
    const run = pacte(['import', bad, docx, '--country', 'TUN'], t.env);
    expect(run.status).toBe(2);
    expect(run.stdout).toContain(`${docx} (docx): TUN arab-2021, answers in ar`);
    expect(run.stdout).toContain(`${bad}: error import.not_a_review`);
    expect(run.stdout).toMatch(/recognised: 5 sections, 8\/24 questions answered, \d+ list items, \d+ facts/);
    expect(run.stderr).toMatch(/^error import\.not_a_review: /);
    const stored = await withStorage(async ({ db }) =>
      db.selectFrom('review').select('country_code').orderBy('country_code').execute(),
    );
    expect(stored.map((r) => r.country_code)).toContain('TUN');
  });

  it('reads an OpenDocument text (.odt) as it reads Word, by its content', () => {
    const odt = join(ROOT, 'test/fixtures/documents/fr-table.odt');
    const run = pacte(['import', odt, '--dry-run', '--country', 'MAR', '--cycle', 'arab-2021'], {
      ...t.env,
      PACTE_LANG: 'en',
    });
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(run.stdout).toContain(`${odt} (odt): MAR arab-2021, answers in fr`);
  });

  it('refuses a file over PACTE_IMPORT_MAX_BYTES before reading it: exit 2, error import.file_too_large', () => {
    const run = pacte(['import', SEED, '--country', 'MAR'], { ...t.env, PACTE_IMPORT_MAX_BYTES: '1000' });
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/^error import\.file_too_large: /);
  });

  it('refuses an unknown flag: exit 2, error cli.usage', () => {
    const run = pacte(['import', SEED, '--colour'], t.env);
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/^error cli\.usage: .*--colour/);
  });
});

describe('pacte import speaks the reader’s language (PACTE_LANG), each count in its plural', () => {
  const lines = (stdout: string) => stdout.split('\n').filter((line) => !line.startsWith('  warning '));

  it('summarises a dry run of the seed in French and in Arabic', () => {
    const french = pacte(['import', SEED, '--dry-run'], { ...t.env, PACTE_LANG: 'fr' });
    expect([french.status, french.stderr]).toEqual([0, '']);
    expect(lines(french.stdout)).toEqual([
      `${SEED} (txt) : MAR arab-2021, réponses en fr — essai à blanc : rien n’est enregistré`,
      '  reconnu : 5 sections, 24/24 questions renseignées, 121 éléments de liste, 17 chiffres',
      '',
    ]);
    const arabic = pacte(['import', SEED, '--dry-run'], { ...t.env, PACTE_LANG: 'ar' });
    expect([arabic.status, arabic.stderr]).toEqual([0, '']);
    // 5: few (plural noun); 24, 121 and 17: many (singular accusative, as 121 ends in 21).
    expect(lines(arabic.stdout)).toEqual([
      `${SEED} (txt): MAR arab-2021، الإجابات بلغة fr — تشغيل تجريبي: لم يُحفظ أي شيء`,
      '  ما تم التعرف عليه: 5 أقسام، أُجيب عن 24 من أصل 24 سؤالاً، 121 عنصراً من عناصر القوائم، 17 رقماً',
      '',
    ]);
  });

  it('counts what an import stored: one answer in English, then none revised in French (0 is singular) and in Arabic (zero, one, two)', () => {
    // One answer (I.a) with two list items and one figure, for a country no other test imports.
    const file = join(dir, 'one-answer.txt');
    writeFileSync(
      file,
      craftedReview(
        'Oui, un comité réunit 12 ministères depuis 2019 :\n\n- le ministère de l’Intérieur ;\n- le ministère des Affaires étrangères.',
      ),
    );
    const run = (language: string) => {
      const result = pacte(['import', file, '--country', 'DZA', '--cycle', 'arab-2021'], {
        ...t.env,
        PACTE_LANG: language,
      });
      expect([result.status, result.stderr]).toEqual([0, '']);
      return lines(result.stdout);
    };
    expect(run('en')).toEqual([
      `${file} (txt): DZA arab-2021, answers in fr — created: 1 answer revised, 0 unchanged, 0 in conflict`,
      '  recognised: 1 section, 1/24 questions answered, 2 list items, 1 fact',
      '',
    ]);
    expect(run('fr')).toEqual([
      `${file} (txt) : DZA arab-2021, réponses en fr — examen mis à jour : 0 réponse révisée, 1 inchangée, 0 en conflit`,
      '  reconnu : 1 section, 1/24 questions renseignées, 2 éléments de liste, 1 chiffre',
      '',
    ]);
    expect(run('ar')).toEqual([
      `${file} (txt): DZA arab-2021، الإجابات بلغة fr — حُدّث الاستعراض: لم تُراجَع أي إجابة، إجابة واحدة دون تغيير، لا إجابة في تعارض`,
      '  ما تم التعرف عليه: قسم واحد، أُجيب عن 1 من أصل 24 سؤالاً، عنصرا قائمة، رقم واحد',
      '',
    ]);
  });

  it('says what is wrong with the command line in the reader’s language', () => {
    const run = pacte(['review', 'publish', '--country', 'MAR'], { ...t.env, PACTE_LANG: 'fr' });
    expect(run.status).toBe(2);
    expect(run.stderr).toBe(
      'error cli.usage: --cycle est obligatoire. Lancez « pacte help » pour voir les commandes et leurs options.\n',
    );
  });
});

describe('pacte export', () => {
  it('prints the review as the API serves it', async () => {
    expect(importSeed().status).toBe(0);
    const run = pacte(['export', '--country', 'MAR', '--cycle', 'arab-2021', '--format', 'json'], t.env);
    expect(run.status).toBe(0);
    expect(JSON.parse(run.stdout)).toEqual(await apiReview());
  });

  it('refuses an unsupported format: exit 2, error export.unsupported_format', () => {
    const run = pacte(['export', '--country', 'MAR', '--cycle', 'arab-2021', '--format', 'odt'], t.env);
    expect(run.status).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(/^error export\.unsupported_format: .*odt/);
  });

  it('speaks French with PACTE_LANG=fr', () => {
    const args = ['export', '--country', 'MAR', '--cycle', 'arab-2021', '--format', 'odt'];
    const message = (language: 'fr' | 'en') =>
      translate(language, 'errors', 'export.unsupported_format', { format: 'odt', formats: EXPORT_FORMATS.join(', ') });
    expect(message('fr')).not.toBe(message('en'));
    expect(pacte(args, { ...t.env, PACTE_LANG: 'fr' }).stderr).toBe(
      `error export.unsupported_format: ${message('fr')}\n`,
    );
    expect(pacte(args, t.env).stderr).toBe(`error export.unsupported_format: ${message('en')}\n`);
  });
});

describe('pacte db migrate', () => {
  const migrations = readdirSync(join(ROOT, 'migrations'))
    .filter((file) => file.endsWith('.sql'))
    .map((file) => file.replace(/\.sql$/, ''))
    .sort();

  it('applies every migration to an empty database, then says nothing is left to apply', async () => {
    const empty = await createEmptyDatabase();
    try {
      const first = pacte(['db', 'migrate'], empty.env);
      expect(first.status).toBe(0);
      expect(migrations).toContain('002_reviews');
      expect(first.stdout).toMatch(new RegExp(`^migrations applied: ${migrations.join(', ')} \\(0 already applied`));
      const second = pacte(['db', 'migrate'], empty.env);
      expect(second.status).toBe(0);
      expect(second.stdout).toMatch(new RegExp(`^migrations applied: none \\(${migrations.length} already applied`));
      // In French and Arabic too; from 11 to 99 migrations, Arabic counts them in the singular accusative (many).
      expect(migrations.length).toBeGreaterThan(10);
      expect(pacte(['db', 'migrate'], { ...empty.env, PACTE_LANG: 'fr' }).stdout).toMatch(
        new RegExp(`^migrations appliquées : aucune \\(${migrations.length} déjà appliquées ; `),
      );
      expect(pacte(['db', 'migrate'], { ...empty.env, PACTE_LANG: 'ar' }).stdout).toMatch(
        new RegExp(`^الترحيلات المطبقة: لا شيء \\(${migrations.length} ترحيلاً مطبقاً من قبل؛ `),
      );
    } finally {
      await empty.cleanup();
    }
  });
});

describe('pacte country settings', () => {
  it('waives and restores the separation of duties for a country, audited as the operator; refuses another value', async () => {
    const waived = pacte(['country', 'settings', '--country', 'MAR', '--self-approval', 'allow'], t.env);
    expect(waived.stderr).toBe('');
    expect(waived.status).toBe(0);
    expect(waived.stdout).toBe(
      "MAR: the author of an answer's current text may approve it (separation of duties waived)\n",
    );
    const shown = pacte(['country', 'settings', '--country', 'mar'], { ...t.env, PACTE_LANG: 'fr' });
    expect(shown.stdout).toContain('MAR : l');
    expect(shown.stdout).toContain('séparation des tâches levée');
    const wrong = pacte(['country', 'settings', '--country', 'MAR', '--self-approval', 'yes'], t.env);
    expect(wrong.status).toBe(2);
    expect(wrong.stderr).toMatch(/^error cli\.usage: --self-approval must be allow or refuse \(not "yes"\)/);
    expect(pacte(['country', 'settings', '--country', 'XXQ'], t.env).stderr).toMatch(/^error country\.not_found/);
    expect(pacte(['country', 'settings', '--country', 'MAR', '--self-approval', 'refuse'], t.env).status).toBe(0);
    const events = await withStorage(({ db }) =>
      db
        .selectFrom('audit_event')
        .select(['actor', 'details'])
        .where('action', '=', 'country.settings')
        .orderBy('id')
        .execute(),
    );
    expect(events.map((e) => e.details)).toEqual([
      { before: { selfApproval: false }, after: { selfApproval: true } },
      { before: { selfApproval: true }, after: { selfApproval: false } },
    ]);
    expect(events.every((e) => e.actor.startsWith('cli:'))).toBe(true);
  });
});
