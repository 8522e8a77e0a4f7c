import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertQuestionnaire } from '../../src/db/queries/catalogue.js';
import { blockTexts, type Block } from '../../src/domain/blocks.js';
import { operator } from '../../src/domain/permissions.js';
import type { Question, Questionnaire } from '../../src/domain/questionnaire.js';
import { buildServer } from '../../src/http/server.js';
import { createCycle } from '../../src/services/create-cycle.js';
import { createReview } from '../../src/services/create-review.js';
import { closeExportBrowser, exportReview } from '../../src/services/export-review.js';
import { importReview } from '../../src/services/import-review.js';
import { moveCycle } from '../../src/services/move-cycle.js';
import { ROOT, publishReview } from '../support/pacte.js';
import { createWorld, type Persona, type World } from '../support/personas.js';
import { openTestStorage, type TestStorage } from '../support/storage.js';

/**
 * Typed values in documents and back (issue 15, items 2 and 3), on both engines: a version with
 * every answer type, answers typed through the API, exported as DOCX, PDF, CSV and JSON and
 * re-imported (dry run) to the same values and text; the blank questionnaire, in French and
 * Arabic, filled by a script the ways Word and LibreOffice tick boxes (☒ typed, ✓ typed, a
 * content control's w14:checked, with or without its glyph redrawn), imports to the answers it shows.
 */
let t: TestStorage;
let app: FastifyInstance;
let world: World;
const CYCLE = 'docs-typed-1';
const admin = operator('test');
const db = () => t.storage.db;
const OUT = join(ROOT, 'test-results', 'questionnaire-documents');

const m = (fr: string, en: string, ar: string) => ({ fr, en, ar });
const q = (id: string, text: ReturnType<typeof m>, extra: Partial<Question> = {}): Question => ({
  id,
  letter: id.split('.')[1]!,
  text,
  textStatus: { fr: 'official', en: 'unofficial', ar: 'unofficial' },
  ...extra,
});
const QUESTIONNAIRE: Questionnaire = {
  id: 'docs-typed',
  version: 1,
  title: m('Questionnaire typé', 'Typed questionnaire', 'استبيان مصنف'),
  sourceLanguage: 'fr',
  wordingStatus: { fr: 'official', en: 'unofficial', ar: 'unofficial' },
  sections: [
    {
      id: 'I',
      title: m('Méthodologie', 'Methodology', 'المنهجية'),
      titleStatus: { fr: 'official' },
      questions: [
        q('I.a', m('Comment la revue a-t-elle été préparée ?', 'How was the review prepared?', 'كيف أُعد الاستعراض؟')),
        q('I.b', m('Un comité national existe-t-il ?', 'Is there a national committee?', 'هل توجد لجنة وطنية؟'), {
          kind: 'single_choice',
          choices: [
            { id: 'yes', label: m('Oui', 'Yes', 'نعم') },
            { id: 'no', label: m('Non', 'No', 'لا') },
          ],
          guidance: m('Une seule réponse.', 'One answer only.', 'إجابة واحدة فقط.'),
        }),
        q('I.c', m('Qui a été consulté ?', 'Who was consulted?', 'من تمت استشارته؟'), {
          kind: 'multiple_choice',
          choices: [
            { id: 'civil_society', label: m('Société civile', 'Civil society', 'المجتمع المدني') },
            { id: 'un', label: m('Nations Unies', 'United Nations', 'الأمم المتحدة') },
            { id: 'private', label: m('Secteur privé', 'Private sector', 'القطاع الخاص') },
          ],
        }),
        q('I.d', m('Combien de personnes formées ?', 'How many people trained?', 'كم عدد المتدربين؟'), {
          kind: 'number',
          unit: m('personnes', 'people', 'شخص'),
          guidance: m('En 2023.', 'In 2023.', 'في عام 2023.'),
        }),
      ],
    },
    {
      id: 'II',
      title: m('Progrès', 'Progress', 'التقدم'),
      titleStatus: { fr: 'official' },
      questions: [
        q('II.a', m('Quels objectifs ont progressé ?', 'Which objectives progressed?', 'ما الأهداف التي تقدمت؟'), {
          kind: 'objectives',
        }),
        q('II.b', m('Quels principes directeurs ?', 'Which guiding principles?', 'ما المبادئ التوجيهية؟'), {
          kind: 'principles',
        }),
      ],
    },
  ],
};

let principleKeys: string[] = [];

beforeAll(async () => {
  t = await openTestStorage();
  app = await buildServer({ storage: t.storage, logLevel: 'silent' });
  world = await createWorld(db(), app);
  await insertQuestionnaire(db(), QUESTIONNAIRE);
  await createCycle(db(), admin, {
    id: CYCLE,
    region: 'arab',
    questionnaire: 'docs-typed',
    countries: ['MAR'],
    opensOn: '2026-01-01',
    dueOn: '2099-06-30',
  });
  await moveCycle(db(), admin, CYCLE, { to: 'open' });
  await createReview(db(), admin, { country: 'MAR', cycle: CYCLE, language: 'fr' });
  principleKeys = (await db().selectFrom('principle').select('key').orderBy('letter').execute()).map((p) => p.key);
  mkdirSync(OUT, { recursive: true });
}, 120_000);

afterAll(async () => {
  await closeExportBrowser();
  await app?.close();
  await t?.cleanup();
});

async function call(who: Persona | 'anonymous', url: string, method: 'GET' | 'PUT' = 'GET', payload?: object) {
  return app.inject({ method, url, headers: world.as(who), ...(payload ? { payload } : {}) });
}
const paragraph = (text: string): Block[] => [{ type: 'paragraph', text }];

/** What the focal point types, per question: free text and value. */
const typed = (): Record<string, { blocks: Block[]; value: object | null }> => ({
  'I.a': { blocks: paragraph('Un atelier national a réuni les ministères.'), value: null },
  'I.b': { blocks: paragraph('Créé par décret en 2019.'), value: { choices: ['no'] } },
  'I.c': { blocks: [], value: { choices: ['civil_society', 'private'] } },
  'I.d': { blocks: paragraph('Agents des frontières surtout.'), value: { number: 4500 } },
  'II.a': { blocks: paragraph('Surtout la lutte contre la traite.'), value: { objectives: [7, 10, 23] } },
  'II.b': { blocks: [], value: { principles: [principleKeys[0], principleKeys[2]] } },
});

/** Each question's value and text in a review JSON (stored or imported). */
function answersOf(review: {
  sections: { questions: { id: string; answer: { blocks: Block[]; value?: unknown } }[] }[];
}) {
  return Object.fromEntries(
    review.sections
      .flatMap((s) => s.questions)
      .map((x) => [x.id, { text: blockTexts(x.answer.blocks), value: x.answer.value ?? null }]),
  );
}
const expected = () =>
  Object.fromEntries(Object.entries(typed()).map(([id, a]) => [id, { text: blockTexts(a.blocks), value: a.value }]));

const dryRun = async (bytes: Uint8Array, file: string) =>
  (await importReview(db(), { bytes, file, country: 'MAR', cycle: CYCLE, dryRun: true, actor: admin })).review;

describe('answers typed in the app, exported and imported back', () => {
  beforeAll(async () => {
    for (const [id, answer] of Object.entries(typed())) {
      const saved = await call('focal', `/api/v1/reviews/MAR/${CYCLE}/answers/${id}`, 'PUT', {
        ...answer,
        baseRevision: 0,
      });
      expect(saved.statusCode, saved.body).toBe(200);
    }
  });

  it('the review JSON holds the values', async () => {
    const review = (await call('focal', `/api/v1/reviews/MAR/${CYCLE}`)).json();
    expect(answersOf(review)).toEqual(expected());
  });

  for (const [format, lang] of [
    ['docx', 'fr'],
    ['docx', 'ar'],
    ['pdf', 'fr'],
    ['json', 'fr'],
  ] as const) {
    it(`${format} (${lang}) imports back to the same values and text`, { timeout: 120_000 }, async () => {
      const file = await exportReview(db(), admin, { country: 'MAR', cycle: CYCLE, format, lang });
      writeFileSync(join(OUT, file.fileName), file.bytes);
      if (format === 'json') expect(answersOf(JSON.parse(file.bytes.toString('utf8')))).toEqual(expected());
      const imported = await dryRun(file.bytes, file.fileName);
      expect(imported.report.format).toBe(format);
      expect(answersOf(imported)).toEqual(expected());
    });
  }

  it('a review JSON whose value does not fit its question is refused, nothing read', async () => {
    const file = await exportReview(db(), admin, { country: 'MAR', cycle: CYCLE, format: 'json', lang: 'fr' });
    const review = JSON.parse(file.bytes.toString('utf8'));
    review.sections[0].questions[1].answer.value = { choices: ['yes', 'no'] };
    await expect(dryRun(Buffer.from(JSON.stringify(review)), 'bad.json')).rejects.toMatchObject({
      code: 'answer.value_invalid',
      details: { question: 'I.b', reason: 'one_choice_only' },
    });
    review.sections[0].questions[1].answer.blocks = [{ type: 'table' }];
    await expect(dryRun(Buffer.from(JSON.stringify(review)), 'bad.json')).rejects.toMatchObject({
      code: 'import.not_a_review',
    });
  });

  it('the CSV has the value column and a value row per typed answer', async () => {
    const file = await exportReview(db(), admin, { country: 'MAR', cycle: CYCLE, format: 'csv', lang: 'fr' });
    const rows = file.bytes
      .toString('utf8')
      .replace(/^\uFEFF/u, '')
      .split('\r\n');
    expect(rows[0]).toBe('country,cycle,question_id,depth,kind,ordered,text,synthetic,value');
    expect(rows).toContain(`MAR,${CYCLE},I.b,0,value,,☐ Oui ; ☒ Non,false,"{""choices"":[""no""]}"`);
    expect(rows.some((r) => /^MAR,docs-typed-1,I\.d,0,value,,Valeur : 4\s500 personnes,false,/u.test(r))).toBe(true);
    expect(rows).toContain(`MAR,${CYCLE},I.a,0,paragraph,,Un atelier national a réuni les ministères.,false,`);
  });

  it('the printable HTML shows the values in the reader’s language', async () => {
    for (const lang of ['fr', 'ar'] as const) {
      const file = await exportReview(db(), admin, { country: 'MAR', cycle: CYCLE, format: 'html', lang });
      writeFileSync(join(OUT, file.fileName), file.bytes);
      const text = file.bytes.toString('utf8');
      expect(text).toContain(lang === 'fr' ? '<li>☒ Non</li>' : '<li>☒ لا</li>');
      expect(text).toMatch(lang === 'fr' ? /Valeur : 4\s500 personnes/u : /القيمة: 4.500 شخص/u);
    }
  });

  it('the review page shows the values above the text', async () => {
    const page = await call('focal', `/reviews/MAR/${CYCLE}?lang=en`);
    expect(page.statusCode).toBe(200);
    expect(page.body).toMatch(/<ul class="answer-value"[^>]*>\s*<li>☐ Yes<\/li>\s*<li>☒ No<\/li>/u);
    expect(page.body).toContain('Value: 4,500 people');
  });
});

describe('the published review', () => {
  it('its public page and open data show the values', async () => {
    await publishReview(db(), 'MAR', CYCLE);
    const page = await call('anonymous', `/reviews/MAR/${CYCLE}?lang=ar`);
    expect(page.statusCode).toBe(200);
    expect(page.body).toMatch(/<ul class="answer-value" lang="ar" dir="rtl">\s*<li>☐ نعم<\/li>\s*<li>☒ لا<\/li>/u);
    expect(page.body).toContain(`☒ 7. `);
    const zip = unzipSync(new Uint8Array((await call('anonymous', `/api/v1/open-data/${CYCLE}`)).rawPayload));
    const answers = strFromU8(zip['answers.csv']!)
      .replace(/^\uFEFF/u, '')
      .split('\r\n');
    expect(answers[0]!.endsWith(',synthetic,value')).toBe(true);
    expect(answers).toContain(`MAR,${CYCLE},I.b,0,value,,☐ Oui ; ☒ Non,false,"{""choices"":[""no""]}"`);
  });
});

/** The blank's answer cells, in the questionnaire's order, edited by `fill`, zipped back. */
function fillBlank(docx: Uint8Array, fill: Record<string, (cell: string) => string>): Uint8Array {
  const files = unzipSync(docx);
  const xml = strFromU8(files['word/document.xml']!);
  const ids = QUESTIONNAIRE.sections.flatMap((s) => s.questions.map((x) => x.id));
  let index = 0;
  const filled = xml.replace(/<w:tr>(?:(?!<w:tr>)[\s\S])*?<\/w:tr>/gu, (row) => {
    if (row.includes('<w:tblHeader/>')) return row;
    const id = ids[index++]!;
    const cells = row.match(/<w:tc>[\s\S]*?<\/w:tc>/gu)!;
    const answer = cells[1]!;
    return row.replace(answer, fill[id]?.(answer) ?? answer);
  });
  expect(index).toBe(ids.length);
  files['word/document.xml'] = strToU8(filled);
  return zipSync(files);
}

/** Replaces the nth content control of a cell (they are alike, so by position). */
function replaceControl(cell: string, n: number, change: (box: string) => string): string {
  let i = 0;
  return cell.replace(/<w:sdt>[\s\S]*?<\/w:sdt>/gu, (box) => (i++ === n ? change(box) : box));
}
/** Ticks the nth box as Word does: w14:checked, and the glyph ☒ unless `redraw` is false. */
const wordTick = (cell: string, n: number, redraw = true) =>
  replaceControl(cell, n, (box) => {
    const ticked = box.replace('w14:checked w14:val="0"', 'w14:checked w14:val="1"');
    return redraw ? ticked.replace('w:char="2610"', 'w:char="2612"') : ticked;
  });
/** Replaces the nth box by a typed glyph, as someone does who deletes the box and types ☒ or ✓. */
const typedTick = (cell: string, n: number, glyph: string) =>
  replaceControl(cell, n, () => `<w:r><w:t xml:space="preserve">${glyph}</w:t></w:r>`);
/** Writes the free text in the cell's last (empty) paragraph. */
const writeText = (cell: string, text: string) =>
  cell.replace(
    /(?:<w:p\/>|<w:p>(?:(?!<w:p[ >/])[\s\S])*?<\/w:p>)(?=<\/w:tc>)/u,
    `<w:p><w:r><w:t>${text}</w:t></w:r></w:p>`,
  );

describe('the blank questionnaire', () => {
  it('is for the cycle’s focal points, its secretariat and administrators', async () => {
    expect((await call('anonymous', `/api/v1/cycles/${CYCLE}/questionnaire.docx`)).statusCode).toBe(401);
    expect((await call('focalTun', `/api/v1/cycles/${CYCLE}/questionnaire.docx`)).statusCode).toBe(403);
    expect((await call('validator', `/api/v1/cycles/${CYCLE}/questionnaire.docx`)).statusCode).toBe(403);
    expect((await call('focal', `/api/v1/cycles/no-such-cycle/questionnaire.docx`)).statusCode).toBe(404);
    for (const who of ['focal', 'secretariat', 'admin'] as const) {
      const response = await call(who, `/api/v1/cycles/${CYCLE}/questionnaire.docx?lang=en`);
      expect(response.statusCode).toBe(200);
      expect(response.headers['content-type']).toMatch(/wordprocessingml/u);
    }
    expect((await call('focal', `/api/v1/cycles/${CYCLE}/questionnaire.docx?lang=de`)).statusCode).toBe(400);
  });

  it('lays out guidance, check-box content controls and the number’s cell; empty, it imports to no answer', async () => {
    const blank = (await call('focal', `/api/v1/cycles/${CYCLE}/questionnaire.docx?lang=fr`)).rawPayload;
    writeFileSync(join(OUT, 'blank.fr.docx'), blank);
    const xml = strFromU8(unzipSync(blank)['word/document.xml']!);
    expect(xml.match(/<w14:checkbox>/gu)).toHaveLength(2 + 3 + 23 + 10);
    expect(xml).toContain('Valeur : ____ personnes');
    expect(xml).toMatch(/<w:i\/>[\s\S]{0,200}Une seule réponse\./u);
    const empty = answersOf(await dryRun(blank, 'blank.fr.docx'));
    expect(Object.values(empty).every((a) => a.text.length === 0 && a.value === null)).toBe(true);
  });

  it('filled in French (☒ and ✓ typed, content controls ticked) imports to the expected answers', async () => {
    const blank = (await call('focal', `/api/v1/cycles/${CYCLE}/questionnaire.docx?lang=fr`)).rawPayload;
    const filled = fillBlank(blank, {
      'I.a': (c) => writeText(c, 'Un atelier national.'),
      'I.b': (c) => writeText(wordTick(c, 1, false), 'Par décret.'), // w14:checked only, glyph left as ☐
      'I.c': (c) => typedTick(typedTick(c, 2, '✓'), 0, '☒'), // the last first: the boxes left are counted again
      'I.d': (c) => writeText(c.replace('____', '4 500'), 'Surtout des agents.'),
      'II.a': (c) => wordTick(wordTick(c, 6), 22),
      'II.b': (c) => typedTick(c, 2, '✔'),
    });
    writeFileSync(join(OUT, 'blank.fr.filled.docx'), filled);
    expect(answersOf(await dryRun(filled, 'blank.fr.filled.docx'))).toEqual({
      'I.a': { text: ['Un atelier national.'], value: null },
      'I.b': { text: ['Par décret.'], value: { choices: ['no'] } },
      'I.c': { text: [], value: { choices: ['civil_society', 'private'] } },
      'I.d': { text: ['Surtout des agents.'], value: { number: 4500 } },
      'II.a': { text: [], value: { objectives: [7, 23] } },
      'II.b': { text: [], value: { principles: [principleKeys[2]] } },
    });
  });

  it('filled in Arabic (Eastern Arabic digits, ticks) imports to the expected answers', async () => {
    const blank = (await call('focal', `/api/v1/cycles/${CYCLE}/questionnaire.docx?lang=ar`)).rawPayload;
    const xml = strFromU8(unzipSync(blank)['word/document.xml']!);
    expect(xml).toContain('<w:bidiVisual/>');
    expect(xml).toContain('القيمة: ____ شخص');
    const filled = fillBlank(blank, {
      'I.a': (c) => writeText(c, 'ورشة وطنية.'),
      'I.b': (c) => wordTick(c, 0),
      'I.d': (c) => c.replace('____', '٤٥٠٠'),
      'II.a': (c) => typedTick(c, 9, '☒'),
    });
    writeFileSync(join(OUT, 'blank.ar.filled.docx'), filled);
    writeFileSync(join(OUT, 'blank.ar.docx'), blank);
    expect(answersOf(await dryRun(filled, 'blank.ar.filled.docx'))).toEqual({
      'I.a': { text: ['ورشة وطنية.'], value: null },
      'I.b': { text: [], value: { choices: ['yes'] } },
      'I.c': { text: [], value: null },
      'I.d': { text: [], value: { number: 4500 } },
      'II.a': { text: [], value: { objectives: [10] } },
      'II.b': { text: [], value: null },
    });
  });

  it('imported for real, its values are stored; importing it again changes nothing', async () => {
    await createCycle(db(), admin, {
      id: 'docs-typed-2',
      region: 'arab',
      questionnaire: 'docs-typed',
      countries: ['MAR'],
      opensOn: '2026-01-01',
      dueOn: '2099-06-30',
    });
    await moveCycle(db(), admin, 'docs-typed-2', { to: 'open' });
    const blank = (await call('focal', `/api/v1/cycles/docs-typed-2/questionnaire.docx?lang=fr`)).rawPayload;
    const filled = fillBlank(blank, {
      'I.b': (c) => wordTick(c, 0),
      'I.d': (c) => writeText(c.replace('____', '12'), 'Des agents.'),
    });
    const request = { bytes: filled, file: 'filled.docx', country: 'MAR', cycle: 'docs-typed-2', actor: admin };
    const first = await importReview(db(), { ...request, dryRun: false });
    // The questions left blank store nothing (no empty answers): only the two filled in changed.
    expect(first.changed).toEqual(['I.b', 'I.d']);
    const stored = answersOf((await call('focal', `/api/v1/reviews/MAR/docs-typed-2`)).json());
    expect([stored['I.b'], stored['I.d']]).toEqual([
      { text: [], value: { choices: ['yes'] } },
      { text: ['Des agents.'], value: { number: 12 } },
    ]);
    const again = await importReview(db(), { ...request, dryRun: false });
    expect(again.changed).toEqual([]);
    expect(again.unchanged.sort()).toEqual([...first.changed, ...first.unchanged].sort());
  });

  it('two boxes of a single choice are refused as when typed', async () => {
    const blank = (await call('focal', `/api/v1/cycles/${CYCLE}/questionnaire.docx?lang=fr`)).rawPayload;
    const filled = fillBlank(blank, { 'I.b': (c) => wordTick(wordTick(c, 0), 1) });
    await expect(dryRun(filled, 'two.docx')).rejects.toMatchObject({
      code: 'answer.value_invalid',
      details: { question: 'I.b', reason: 'one_choice_only' },
    });
  });
});
