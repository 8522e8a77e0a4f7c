import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { detectCountry, type CountryNames } from '../../src/domain/detect-country.js';
import { LANGUAGES, type Language } from '../../src/domain/language.js';
import { countryOtherNames, readCatalogue } from '../../src/services/load-catalogue.js';

const few = [
  { code: 'MAR', name: { fr: 'Maroc', en: 'Morocco', ar: 'المغرب' } },
  { code: 'DEU', name: { fr: 'Allemagne', en: 'Germany', ar: 'ألمانيا' } },
  { code: 'TUN', name: { fr: 'Tunisie', en: 'Tunisia', ar: 'تونس' } },
];
const body = (text: string) => ({ title: null, body: text });

/** Every country Pacte knows, as the importer sees them: short names and the formal ones. */
const other = countryOtherNames();
const every: CountryNames[] = readCatalogue().countries.map((c) => ({ ...c, otherNames: other.get(c.code) }));
const league = (JSON.parse(readFileSync('catalogue/league-of-arab-states.json', 'utf8')) as { members: string[] })
  .members;
const formal = JSON.parse(readFileSync('catalogue/country-formal-names.json', 'utf8')) as {
  countries: Record<string, Record<Language, string[]>>;
};

describe('guessing the country of a review from its text', () => {
  it('picks the country named clearly most often, by whole name', () => {
    const text = 'Le Maroc a… le Maroc dispose… Au Maroc, avec l’Allemagne. Les Marocains résidant…';
    expect(detectCountry(body(text), 'fr', few)).toBe('MAR');
  });

  it('does not guess when two countries are named about as often', () => {
    expect(detectCountry(body('Maroc Tunisie Maroc Tunisie Maroc Tunisie'), 'fr', few)).toBeNull();
  });

  it('does not guess from a name mentioned once in the text', () => {
    expect(detectCountry(body('Le Maroc et l’Allemagne.'), 'fr', few)).toBeNull();
  });

  it('reads names in the review language, Arabic included', () => {
    expect(detectCountry(body('المغرب … في المغرب … المغرب وتونس … المغرب'), 'ar', few)).toBe('MAR');
  });
});

describe('recognising the country from the title and the first page', () => {
  it('takes the country the title names, even once', () => {
    const review = { title: 'Examen national volontaire du Royaume du Maroc', body: 'La Tunisie…' };
    expect(detectCountry(review, 'fr', every)).toBe('MAR');
  });

  it.each(league)('knows each formal name of %s in French, English and Arabic', (code) => {
    for (const language of LANGUAGES) {
      for (const name of formal.countries[code]![language]) {
        const review = { title: `Rapport — ${name.toUpperCase()}`, body: 'Rien.' };
        expect(detectCountry(review, language, every), `${code} ${language} « ${name} »`).toBe(code);
      }
    }
  });

  it('reads Arabic names with prepositions attached, vowel marks and hamza forms', () => {
    expect(detectCountry({ title: 'تقرير بالمملكة المغربية', body: '' }, 'ar', every)).toBe('MAR');
    expect(detectCountry({ title: 'الاستعراض الوطني للمملكة المغربية', body: '' }, 'ar', every)).toBe('MAR');
    expect(detectCountry({ title: 'تقرير المملكة الاردنية الهاشمية', body: '' }, 'ar', every)).toBe('JOR');
    expect(detectCountry({ title: 'سلطنة عُمان', body: '' }, 'ar', every)).toBe('OMN');
    expect(detectCountry({ title: 'الجمهوريّة التونسيّة', body: '' }, 'ar', every)).toBe('TUN');
  });

  it('reads French names typed without accents, in capitals, with a straight or curly apostrophe', () => {
    expect(detectCountry({ title: 'REPUBLIQUE ARABE D’EGYPTE', body: '' }, 'fr', every)).toBe('EGY');
    expect(detectCountry({ title: "Royaume d'Arabie Saoudite", body: '' }, 'fr', every)).toBe('SAU');
  });

  it('takes the longest name: « South Sudan » is not also « Sudan »', () => {
    expect(detectCountry({ title: 'Review of South Sudan and of Sudan', body: '' }, 'en', every)).toBeNull();
    expect(detectCountry({ title: 'Review of the Republic of South Sudan', body: '' }, 'en', every)).toBe('SSD');
  });

  it('takes a country the first page names twice when the title names none', () => {
    const review = { title: 'Voluntary GCM review', body: 'The Kingdom of Morocco … Morocco has … with Spain.' };
    expect(detectCountry(review, 'en', every)).toBe('MAR');
  });

  it('does not guess from one mention on the first page: a partner is not the author', () => {
    const review = { title: 'Voluntary GCM review', body: 'Prepared with support from Germany.' };
    expect(detectCountry(review, 'en', every)).toBeNull();
  });

  it('trusts a formal name over a short one on the cover: عمان is also Amman, capital of Jordan', () => {
    const title = 'المملكة الأردنية الهاشمية — وزارة الداخلية، عمان';
    expect(detectCountry({ title, body: '' }, 'ar', every)).toBe('JOR');
    expect(detectCountry({ title: 'الأردن — عمان', body: '' }, 'ar', every)).toBeNull();
  });

  it('asks rather than guess when the title names two countries as often', () => {
    const review = { title: 'Joint review: Kingdom of Morocco and Republic of Tunisia', body: '' };
    expect(detectCountry(review, 'en', every)).toBeNull();
  });
});

describe('titles that name no country', () => {
  const cycle = JSON.parse(readFileSync('catalogue/arab-2021-cycle.json', 'utf8')) as {
    title: Record<Language, string>;
  };
  const titles: [Language, string][] = [
    ...LANGUAGES.map((l): [Language, string] => [l, cycle.title[l]]),
    ['fr', 'Pacte mondial pour des migrations sûres, ordonnées et régulières : examen national volontaire'],
    ['fr', 'Rapport de l’Union africaine et de la Ligue des États arabes sur la migration'],
    ['en', 'Global Compact for Migration: voluntary national review, Arab region, 2024'],
    ['en', 'Report of the Ministry of Foreign Affairs and Expatriates — State of the art'],
    ['ar', 'التقرير الوطني الطوعي عن تنفيذ الاتفاق العالمي من أجل الهجرة الآمنة والمنظمة والنظامية'],
    ['ar', 'الدعم المالي والتقني لجامعة الدول العربية'],
  ];

  it.each(titles)('%s: « %s » → unknown', (language, title) => {
    expect(detectCountry({ title, body: 'Réponses. Answers. إجابات.' }, language, every)).toBeNull();
  });
});

describe('the formal names table', () => {
  it('is what recognises names built on an adjective: « المملكة المغربية », « République tunisienne »', () => {
    const shortOnly = every.map(({ code, name }) => ({ code, name }));
    for (const [title, code] of [
      ['المملكة المغربية', 'MAR'],
      ['République tunisienne', 'TUN'],
      ['الجمهورية التونسية', 'TUN'],
      ['Lebanese Republic', 'LBN'],
    ] as const) {
      expect(detectCountry({ title, body: '' }, 'fr', shortOnly)).toBeNull();
      expect(detectCountry({ title, body: '' }, 'fr', every)).toBe(code);
    }
  });
});
