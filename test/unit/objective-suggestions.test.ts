import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { blockTexts } from '../../src/domain/blocks.js';
import type { Block } from '../../src/domain/blocks.js';
import { LANGUAGES } from '../../src/domain/language.js';
import type { Language } from '../../src/domain/language.js';
import { objectiveTexts, suggestObjectives } from '../../src/domain/objective-suggestions.js';
import type { ObjectiveSuggestion } from '../../src/domain/objective-suggestions.js';
import type { Questionnaire } from '../../src/domain/questionnaire.js';
import { parseReviewText } from '../../src/documents/import-text.js';

const root = new URL('../../', import.meta.url);
const json = (path: string): unknown => JSON.parse(readFileSync(new URL(path, root), 'utf8'));
const objectivesFile = json('catalogue/gcm-objectives.json');
const keywordsFile = json('catalogue/objective-keywords.json');
const objectives = objectiveTexts(objectivesFile, keywordsFile);
const seed = parseReviewText(
  readFileSync(new URL('demo/morocco-arab-2021.fr.txt', root), 'utf8'),
  json('catalogue/questionnaires/arab-2021.json') as Questionnaire,
);

function answer(id: string): Block[] {
  const found = seed.questions.find((q) => q.id === id);
  if (!found) throw new Error(`no question ${id}`);
  return found.blocks;
}

const paragraph = (text: string): Block[] => [{ type: 'paragraph', text }];
const numbers = (suggestions: ObjectiveSuggestion[]): number[] => suggestions.map((s) => s.number);
const suggest = (blocks: Block[], language: Language = 'fr'): number[] =>
  numbers(suggestObjectives(blocks, language, objectives));

describe('the objectives’ vocabulary', () => {
  it('has all 23 objectives, with titles and curated key terms in fr, en and ar', () => {
    expect(objectives.map((o) => o.number)).toEqual(Array.from({ length: 23 }, (_, i) => i + 1));
    for (const objective of objectives)
      for (const language of LANGUAGES) {
        expect(objective.title[language], `title ${objective.number} ${language}`).toBeTruthy();
        expect(objective.keywords[language]?.length, `keywords ${objective.number} ${language}`).toBeGreaterThan(2);
      }
    expect(objectives[8]?.keywords.fr).toContain('trafic de migrants');
    expect(objectives[0]?.shortName).toEqual({ fr: 'Données', en: 'Data' });
  });

  it('is marked as Pacte’s own curation', () => {
    expect((keywordsFile as { note: string }).note).toMatch(/Pacte's own curation, not an official text/u);
  });

  it('refuses files of another shape', () => {
    expect(() => objectiveTexts({}, keywordsFile)).toThrow();
    expect(() => objectiveTexts(objectivesFile, [])).toThrow();
    expect(() => objectiveTexts([{ en: 'no number' }], keywordsFile)).toThrow();
  });
});

describe('suggestions on the Morocco seed', () => {
  it('finds the data objective in the answer about available data (I.f), with its other topics', () => {
    const found = suggest(answer('I.f'));
    expect(found.slice(0, 2)).toContain(1);
    // The same answer counts dismantled smuggling networks and voluntary returns.
    expect(found.some((n) => n === 9 || n === 10)).toBe(true);
    expect(found).toContain(21);
  });

  it('puts data first where the answer is about observatories (I.g)', () => {
    const [first] = suggestObjectives(answer('I.g'), 'fr', objectives);
    expect(first?.number).toBe(1);
    expect(first?.evidence).toContain('Observatoire');
  });

  it('reads regularisation, residence cards, trafficking and domestic work in II.d', () => {
    const suggestions = suggestObjectives(answer('II.d'), 'fr', objectives);
    const found = numbers(suggestions);
    expect(found.some((n) => n === 4 || n === 7)).toBe(true);
    expect(found.some((n) => n === 10 || n === 6)).toBe(true);
    // Evidence is quoted as written (plural, accents), not as the catalogue words it.
    expect(suggestions.find((s) => s.number === 4)?.evidence).toContain('cartes de séjour');
  });

  it('finds smuggling or trafficking and return among the priority areas (V.a) and challenges (III.c)', () => {
    expect(suggest(answer('V.a'))).toEqual(expect.arrayContaining([9, 10]));
    expect(suggest(answer('III.c'))).toEqual(expect.arrayContaining([1, 9]));
    expect(suggest(answer('III.d'))).toContain(21);
  });

  it('finds cooperation in the means of implementation (IV.a)', () => {
    expect(suggest(answer('IV.a'))).toContain(23);
  });

  it('suggests nothing for an answer that only names ministries (I.b, I.c)', () => {
    expect(suggest(answer('I.b'))).toEqual([]);
    expect(suggest(answer('I.c'))).toEqual([]);
  });

  it('gives well-formed suggestions for every answer, with evidence found in the answer', () => {
    expect(seed.questions).toHaveLength(24);
    for (const question of seed.questions) {
      const text = blockTexts(question.blocks).join('\n');
      const suggestions = suggestObjectives(question.blocks, 'fr', objectives);
      expect(suggestions.length).toBeLessThanOrEqual(5);
      const scores = suggestions.map((s) => s.score);
      expect(scores).toEqual([...scores].sort((a, b) => b - a));
      for (const { score, evidence } of suggestions) {
        expect(score).toBeGreaterThan(0);
        expect(score).toBeLessThanOrEqual(1);
        expect(evidence.length).toBeGreaterThan(0);
        expect(evidence.length).toBeLessThanOrEqual(5);
        expect(new Set(evidence.map((e) => e.toLowerCase())).size).toBe(evidence.length);
        for (const words of evidence) expect(text, `${question.id}: ${words}`).toContain(words);
      }
    }
  });

  it('is deterministic, with or without a vocabulary already built', () => {
    const again = objectiveTexts(objectivesFile, keywordsFile);
    for (const question of seed.questions) {
      const first = suggestObjectives(question.blocks, 'fr', objectives);
      expect(suggestObjectives(question.blocks, 'fr', objectives)).toEqual(first);
      expect(suggestObjectives(question.blocks, 'fr', again)).toEqual(first);
    }
  });
});

describe('suggestions on short answers', () => {
  it('suggests nothing for an answer about nothing specific', () => {
    expect(suggest(paragraph('Le comité se réunit chaque année.'))).toEqual([]);
    expect(suggest(paragraph('The committee meets every year.'), 'en')).toEqual([]);
    expect(suggest(paragraph('تجتمع اللجنة كل سنة.'), 'ar')).toEqual([]);
    expect(suggest([])).toEqual([]);
  });

  it('does not count words found in most objectives’ titles', () => {
    const text =
      'Les migrants et la migration dans les pays du Pacte mondial pour des migrations sûres, ordonnées et régulières.';
    expect(suggest(paragraph(text))).toEqual([]);
  });

  it('reads English answers: remittances', () => {
    const text =
      'Remittances sent home by nationals abroad reached 7% of GDP. The central bank cut transfer costs ' +
      'and promotes financial inclusion through mobile money.';
    const [first] = suggestObjectives(paragraph(text), 'en', objectives);
    expect(first?.number).toBe(20);
    expect(first?.evidence).toEqual(expect.arrayContaining(['Remittances', 'transfer costs', 'financial inclusion']));
  });

  it('reads Arabic answers: trafficking, return and reintegration', () => {
    expect(suggest(paragraph('اعتمدت الحكومة خطة وطنية لمكافحة الاتجار بالبشر وحماية الضحايا.'), 'ar')[0]).toBe(10);
    const returns = suggestObjectives(paragraph('تدعم الوزارة العودة الطوعية وإعادة الإدماج.'), 'ar', objectives);
    expect(returns[0]?.number).toBe(21);
    expect(returns[0]?.evidence).toEqual(['العودة الطوعية', 'وإعادة الإدماج']);
    // Diacritics and alef variants do not matter.
    expect(suggest(paragraph('أَنشأت الحكومة مرصدًا لجمع البيانات والإحصاءات.'), 'ar')[0]).toBe(1);
  });

  it('reads list items and prefers the longest term', () => {
    const list: Block[] = [
      {
        type: 'list',
        ordered: false,
        items: [
          { text: 'Priorités :', blocks: paragraph('Promouvoir l’inclusion financière et les envois de fonds.') },
        ],
      },
    ];
    const [first, ...rest] = suggestObjectives(list, 'fr', objectives);
    expect(first?.number).toBe(20);
    expect(first?.evidence).toEqual(['inclusion financière', 'envois de fonds']);
    expect(numbers(rest)).not.toContain(16); // « inclusion financière » is not social inclusion
  });
});
