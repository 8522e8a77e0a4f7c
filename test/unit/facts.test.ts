import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { blockTexts } from '../../src/domain/blocks.js';
import type { Block } from '../../src/domain/blocks.js';
import { extractFacts } from '../../src/domain/facts.js';
import type { Fact } from '../../src/domain/facts.js';
import type { Language } from '../../src/domain/language.js';
import type { Questionnaire } from '../../src/domain/questionnaire.js';
import { parseReviewText } from '../../src/documents/import-text.js';

const root = new URL('../../', import.meta.url);
const seed = readFileSync(new URL('demo/morocco-arab-2021.fr.txt', root), 'utf8');
const arab2021 = JSON.parse(
  readFileSync(new URL('catalogue/questionnaires/arab-2021.json', root), 'utf8'),
) as Questionnaire;

/** The text a fact's position points to, walking the block path. */
function textAt(blocks: Block[], path: number[]): string {
  let list: Block[] = blocks;
  for (let n = 0; n < path.length; n++) {
    const block = list[path[n] ?? -1];
    if (block?.type === 'paragraph' && n === path.length - 1) return block.text;
    if (block?.type !== 'list') break;
    const item = block.items[path[++n] ?? -1];
    if (item && n === path.length - 1) return item.text;
    list = item?.blocks ?? [];
  }
  throw new Error(`no text at ${path.join('.')}`);
}

function written(blocks: Block[], fact: Fact): string {
  return textAt(blocks, fact.position.block).slice(fact.position.start, fact.position.end);
}

/** Facts of one paragraph, with the number as written instead of the position. */
function facts(text: string, language: Language): (Omit<Fact, 'position' | 'questionId' | 'quote'> & { as: string })[] {
  const blocks: Block[] = [{ type: 'paragraph', text }];
  return extractFacts('X.a', blocks, language).map(({ value, kind, unit, qualifier, period, ...rest }) => ({
    value,
    kind,
    unit,
    qualifier,
    period,
    as: written(blocks, { value, kind, unit, qualifier, period, ...rest }),
  }));
}

const count = (value: number, unit: string | null = null) => ({ value, kind: 'count', unit });

describe('extractFacts on the Morocco seed', () => {
  const doc = parseReviewText(seed, arab2021);
  const all = doc.questions.flatMap((q) => extractFacts(q.id, q.blocks, 'fr').map((f) => ({ f, blocks: q.blocks })));
  const summary = all.map(({ f }) => [f.questionId, f.value, f.kind, f.unit, f.qualifier, f.period]);

  it('finds the figures of the answers, in document order', () => {
    expect(summary).toEqual([
      ['I.f', 133274, 'count', 'ressortissants', null, null],
      ['I.f', 24, 'percent', null, null, null],
      ['I.f', 9, 'percent', null, null, null],
      ['I.f', 111, 'count', 'réseaux', null, '2020'],
      ['I.f', 3804, 'count', 'réseaux', null, '2002/2020'],
      ['I.f', 414, 'count', 'migrants', null, null],
      ['I.f', 33443, 'count', 'migrants', null, '2004/2020'],
      ['II.c', 435, 'count', 'mesures', null, null],
      ['II.d', 50000, 'count', 'migrants', 'more_than', '2014/2017'],
      ['II.d', 54000, 'count', 'demandes', null, '2014/2017'],
      ['II.d', 90, 'percent', null, 'about', '2014/2017'],
      ['II.d', 112, 'count', 'nationalités', null, '2014/2017'],
      ['III.d', 50000, 'count', 'demandes', 'more_than', '2014/2017'],
      ['III.d', 15000, 'count', 'ménages', null, '2018/2019'],
      ['III.d', 8200, 'count', 'familles', null, '2018/2019'],
      ['III.d', 4100, 'count', 'familles', null, '2018/2019'],
      ['III.d', 2700, 'count', 'familles', null, '2018/2019'],
    ]);
  });

  it('takes no year, law number, name, ordinal or day of a date for a figure', () => {
    const values = all.map(({ f }) => f.value);
    for (const not of [2013, 2014, 2017, 2020, 14, 27, 19, 12, 8, 30, 5, 29, 1971, 2030]) {
      expect(values).not.toContain(not);
    }
    const texts = doc.questions.flatMap((q) => blockTexts(q.blocks)).join(' ');
    for (const needle of ['depuis 2013', 'n°14-27', 'Covid-19', '8ème', 'Dialogue 5 + 5', '29 novembre 2019']) {
      expect(texts).toContain(needle); // the seed does hold them
    }
  });

  it('points at each figure as written and quotes its sentence', () => {
    const shown = all.map(({ f, blocks }) => written(blocks, f));
    expect(shown).toEqual([
      ...['133 274', '24%', '9%', '111', '3.804', '414', '33.443', '435'],
      ...['50.000', '54.000', '90%', '112', '50.000', '15.000', '8200', '4.100', '2.700'],
    ]);
    for (const { f, blocks } of all) {
      expect(f.quote).toContain(written(blocks, f));
      expect(f.quote).toBe(f.quote.trim());
    }
    const first = all[0]?.f;
    expect(first?.position.block).toEqual([0, 2]);
    expect(first?.quote).toBe(
      'Le nombre de migrants réguliers résidant sur le sol marocain s’élève à 133 274 ressortissants étrangers ; ' +
        'la communauté française arrive en tête avec 24%, suivie de la communauté sénégalaise avec 9%.',
    );
    // The sentence of 111 stops at « démantelés . », before the next bullet's.
    expect(all[3]?.f.quote).toMatch(/^Au cours de l'année 2020, 111 réseaux .* 3\.804 réseaux ont été démantelés \.$/u);
    // The 50.000 of III.d is in a check-mark item nested under a bullet.
    expect(all[12]?.f.position.block).toEqual([0, 0, 0, 3]);
  });
});

describe('extractFacts in French', () => {
  it('reads thousands with spaces (NBSP, narrow NBSP) or dots, and decimal commas', () => {
    expect(
      facts('Soit 133\u00A0274 personnes, 12\u202F500 dossiers, 1.250.000 visas et 3,5 % de hausse.', 'fr'),
    ).toEqual([
      { ...count(133274, 'personnes'), qualifier: null, period: null, as: '133\u00A0274' },
      { ...count(12500, 'dossiers'), qualifier: null, period: null, as: '12\u202F500' },
      { ...count(1250000, 'visas'), qualifier: null, period: null, as: '1.250.000' },
      { value: 3.5, kind: 'percent', unit: null, qualifier: null, period: null, as: '3,5 %' },
    ]);
  });

  it('reads amounts, multipliers and qualifiers', () => {
    expect(
      facts('Un budget de 2 millions de dirhams, MAD 10, 3,5 milliards DH et 1,5 million de migrants.', 'fr'),
    ).toEqual([
      { value: 2e6, kind: 'amount', unit: 'dirhams', qualifier: null, period: null, as: '2' },
      { value: 10, kind: 'amount', unit: 'MAD', qualifier: null, period: null, as: '10' },
      { value: 3.5e9, kind: 'amount', unit: 'DH', qualifier: null, period: null, as: '3,5' },
      { ...count(1.5e6, 'migrants'), qualifier: null, period: null, as: '1,5' },
    ]);
    expect(facts('Moins de 40 dossiers, près de 90 pour cent, plus de 2000 migrants.', 'fr')).toEqual([
      { ...count(40, 'dossiers'), qualifier: 'less_than', period: null, as: '40' },
      { value: 90, kind: 'percent', unit: null, qualifier: 'about', period: null, as: '90' },
      { ...count(2000, 'migrants'), qualifier: 'more_than', period: null, as: '2000' },
    ]);
  });

  it('dates figures by the years of their sentence', () => {
    const periods = (text: string) => facts(text, 'fr').map((f) => [f.value, f.period]);
    expect(periods('Le plan 2018-2021 préconise 435 mesures.')).toEqual([[435, '2018/2021']]);
    expect(periods('Depuis 2002, 3.804 réseaux ont été démantelés.')).toEqual([[3804, '2002/']]);
    expect(periods('Entre 1971 et 2014, 12 recensements.')).toEqual([[12, '1971/2014']]);
    expect(periods('Pour la période 2017- 2018, 7 réunions.')).toEqual([[7, '2017/2018']]);
    expect(periods('Au total 111 réseaux ont été démantelés en 2020.')).toEqual([[111, '2020']]);
    expect(periods('En 2019, 4 visites. Puis 6 autres.')).toEqual([
      [4, '2019'],
      [6, null],
    ]);
  });

  it('leaves out laws, names, ordinals and dates', () => {
    const text =
      'La loi n°14-27, la loi n° 19-12, la Covid-19, le G20, le Dialogue 5+5 et les Ministres 5 + 5, ' +
      'la 8ème conférence, le 1er sommet, le 30ème Sommet le 29 janvier 2018 et le 27 juin 2019.';
    expect(facts(text, 'fr')).toEqual([]);
  });

  it('gives the path of nested list items', () => {
    const blocks: Block[] = [
      { type: 'paragraph', text: 'Introduction.' },
      {
        type: 'list',
        ordered: false,
        items: [
          { text: 'Premier point.', blocks: [] },
          {
            text: 'Deuxième point avec 7 sites.',
            blocks: [
              {
                type: 'list',
                ordered: true,
                items: [
                  { text: 'Rien.', blocks: [] },
                  { text: 'Et 42 ateliers.', blocks: [] },
                ],
              },
            ],
          },
        ],
      },
    ];
    const found = extractFacts('II.a', blocks, 'fr');
    expect(found.map((f) => [f.value, f.position.block, written(blocks, f)])).toEqual([
      [7, [1, 1], '7'],
      [42, [1, 1, 0, 1], '42'],
    ]);
    expect(found.every((f) => f.questionId === 'II.a')).toBe(true);
  });
});

describe('extractFacts in English', () => {
  it('reads comma thousands, dot decimals, currencies and qualifiers', () => {
    expect(facts('Since 2002, more than 3,804 networks were dismantled; 3.5% of USD 2 million.', 'en')).toEqual([
      { ...count(3804, 'networks'), qualifier: 'more_than', period: '2002/', as: '3,804' },
      { value: 3.5, kind: 'percent', unit: null, qualifier: null, period: '2002/', as: '3.5%' },
      { value: 2e6, kind: 'amount', unit: 'USD', qualifier: null, period: '2002/', as: '2' },
    ]);
    expect(facts('About 1,200 people came on November 29, 2019, the 2nd and 3rd groups.', 'en')).toEqual([
      { ...count(1200, 'people'), qualifier: 'about', period: '2019', as: '1,200' },
    ]);
  });
});

describe('extractFacts in Arabic', () => {
  it('reads Eastern Arabic digits, separators and percent signs', () => {
    expect(facts('تمت تسوية أكثر من ٥٠٬٠٠٠ طلب، أي ٩٠٪ منها، و٣٫٥٪ و٪٩٠.', 'ar')).toEqual([
      { ...count(50000, 'طلب'), qualifier: 'more_than', period: null, as: '٥٠٬٠٠٠' },
      { value: 90, kind: 'percent', unit: null, qualifier: null, period: null, as: '٩٠٪' },
      { value: 3.5, kind: 'percent', unit: null, qualifier: null, period: null, as: '٣٫٥٪' },
      { value: 90, kind: 'percent', unit: null, qualifier: null, period: null, as: '٪٩٠' },
    ]);
  });

  it('reads Western digits, qualifiers, amounts and years in Arabic text', () => {
    expect(facts('منذ عام ٢٠٠٤، حوالي 90% من ٢ مليون دولار في عام 2020.', 'ar')).toEqual([
      { value: 90, kind: 'percent', unit: null, qualifier: 'about', period: '2004/2020', as: '90%' },
      { value: 2e6, kind: 'amount', unit: 'دولار', qualifier: null, period: '2004/2020', as: '٢' },
    ]);
    expect(facts('في عامي 2014 و2017، تمت تسوية 50 طلبا.', 'ar')).toEqual([
      { ...count(50, 'طلبا'), qualifier: null, period: '2014/2017', as: '50' },
    ]);
    expect(facts('المؤتمر الثامن في ٢٩ نوفمبر ٢٠١٩ والقانون رقم ١٤-٢٧.', 'ar')).toEqual([]);
  });

  it('reads Western thousands grouped by a space, and a figure after « بـ », as word processors write them', () => {
    const values = (text: string) => facts(text, 'ar').map((f) => f.value);
    expect(values('استفاد 4 500 مهاجر، و2\u00a0314 طلباً، بنحو 3\u202f400\u202f000 دينار.')).toEqual([
      4500, 2314, 3400000,
    ]);
    expect(values('الاطلاع على الإجراءات بـ٧ لغات وبـ12 لغة.')).toEqual([7, 12]);
    // Years stay years and a year next to a count is not one number.
    expect(values('في عام 2020 150 مهاجراً')).toEqual([150]);
  });
});
