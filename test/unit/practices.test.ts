import { describe, expect, it } from 'vitest';
import { isPacteError } from '../../src/domain/errors.js';
import {
  cleanPractice,
  cleanTranslation,
  isPracticeLink,
  movesFrom,
  practiceMove,
  PRACTICE_STATES,
  type PracticeInput,
} from '../../src/domain/practices.js';

/** The practice's rules without a database (domain/practices.ts; docs/practices.md). */
const context = {
  country: 'XAA',
  regionCountries: new Set(['XAA', 'XAB', 'XAC']),
  principleKeys: new Set(['people-centred', 'whole-of-society']),
};
const base: PracticeInput = { title: 'Un titre', summary: 'Un résumé.', scope: 'local' };
const codeOf = (input: PracticeInput) => {
  try {
    cleanPractice({ ...base, ...input }, context);
    return null;
  } catch (error) {
    if (!isPacteError(error)) throw error;
    return { code: error.code, ...error.details };
  }
};

describe('the workflow', () => {
  it('has exactly four moves, each by one side', () => {
    const all = PRACTICE_STATES.flatMap((from) =>
      PRACTICE_STATES.filter((to) => practiceMove(from, to)).map((to) => `${from}→${to}:${practiceMove(from, to)!.by}`),
    );
    expect(all.sort()).toEqual([
      'in_review→published:secretariat',
      'in_review→returned:secretariat',
      'proposed→in_review:secretariat',
      'returned→proposed:country',
    ]);
    expect(movesFrom('published', 'secretariat')).toEqual([]);
    expect(movesFrom('returned', 'secretariat')).toEqual([]);
  });
});

describe('cleanPractice', () => {
  it('keeps the proposing country first, drops duplicates, sorts objectives, trims texts', () => {
    const clean = cleanPractice(
      {
        ...base,
        title: '  Un   titre\n',
        countries: ['xab', 'XAA', 'XAB'],
        objectives: [15, 6, 15],
        implementing: ['Ministère', ' ', 'Ministère'],
        links: ['https://example.org/a'],
      },
      context,
    );
    expect(clean).toMatchObject({
      title: 'Un titre',
      countries: ['XAA', 'XAB'],
      objectives: [6, 15],
      implementing: ['Ministère'],
      period: { start: null, end: null },
    });
  });

  it('names the field at fault', () => {
    expect(codeOf({ title: 'x'.repeat(201) })).toMatchObject({ code: 'practice.too_long', field: 'title', max: 200 });
    expect(codeOf({ summary: '' })).toMatchObject({ code: 'practice.field_required', field: 'summary' });
    expect(codeOf({ countries: ['XZZ'] })).toMatchObject({ code: 'practice.unknown_country', country: 'XZZ' });
    expect(codeOf({ scope: 'planetary' })).toMatchObject({ code: 'practice.invalid_scope' });
    expect(codeOf({ objectives: [0] })).toMatchObject({ code: 'practice.invalid_objective' });
    expect(codeOf({ principles: ['rule-of-law'] })).toMatchObject({ code: 'practice.invalid_principle' });
    expect(codeOf({ stakeholders: ['aliens'] })).toMatchObject({ code: 'practice.invalid_stakeholder' });
    expect(codeOf({ links: ['javascript:alert(1)'] })).toMatchObject({ code: 'practice.invalid_link' });
    expect(codeOf({ period: { start: '2021', end: '2020-12-31' } })).toMatchObject({ code: 'practice.invalid_period' });
    expect(codeOf({ period: { start: '2021-02-30' } })).toMatchObject({ code: 'practice.invalid_period' });
    expect(codeOf({ period: { start: '2021', end: '2021-06-01' } })).toBeNull();
    expect(codeOf({ links: Array.from({ length: 21 }, (_, i) => `https://example.org/${i}`) })).toMatchObject({
      code: 'practice.too_many',
      field: 'links',
    });
  });

  it('accepts only http and https links', () => {
    expect(isPracticeLink('https://example.org')).toBe(true);
    expect(isPracticeLink('http://example.org/x?y=1')).toBe(true);
    for (const link of [
      'javascript:alert(1)',
      'data:text/html,x',
      'ftp://example.org',
      'example.org',
      'mailto:a@b.c',
    ]) {
      expect(isPracticeLink(link), link).toBe(false);
    }
  });

  it('a translation needs its title, and keeps control characters out', () => {
    expect(() => cleanTranslation({ summary: 'x' })).toThrow(/practice.field_required/u);
    expect(cleanTranslation({ title: 'T\u0007itre', description: 'a\r\nb' })).toMatchObject({
      title: 'Titre',
      description: 'a\nb',
      results: '',
    });
  });
});
