import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkValue } from '../../src/domain/answer-value.js';
import type { Block } from '../../src/domain/blocks.js';
import type { Language } from '../../src/domain/language.js';
import type { Question } from '../../src/domain/questionnaire.js';
import { readNumber, readValue, valueLines, type ValueNames } from '../../src/domain/value-text.js';
import { ROOT } from '../support/pacte.js';

// The catalogue's own objectives and principles: the lines are read back against the real titles.
const raw = (file: string) =>
  JSON.parse(readFileSync(join(ROOT, 'catalogue', file), 'utf8')) as Record<string, string>[];
const names: ValueNames = {
  objectives: raw('gcm-objectives.json').map((o) => ({
    number: Number(o.number),
    title: { fr: o.fr!, en: o.en!, ar: o.ar! },
  })),
  principles: raw('gcm-guiding-principles.json').map((p) => ({
    key: p.key!,
    letter: p.letter!,
    title: { fr: p.fr!, en: p.en!, ar: p.ar! },
  })),
};
const keys = names.principles.map((p) => p.key);

const question = (kind: Question['kind'], extra: Partial<Question> = {}): Question => ({
  id: 'II.c',
  letter: 'c',
  text: { fr: 'Question ?', en: 'Question?', ar: 'سؤال؟' },
  textStatus: {},
  kind,
  ...extra,
});
const single = question('single_choice', {
  choices: [
    { id: 'yes', label: { fr: 'Oui', en: 'Yes', ar: 'نعم' } },
    { id: 'no', label: { fr: 'Non', en: 'No', ar: 'لا' } },
    { id: 'partly', label: { fr: 'En partie', en: 'Partly', ar: 'جزئياً' } },
  ],
});
const multiple = question('multiple_choice', { choices: single.choices! });
const number = question('number', {
  unit: { fr: 'personnes', en: 'people', ar: 'شخص' },
  guidance: { fr: 'Le nombre de personnes formées en 2023.', en: 'People trained in 2023.', ar: 'عدد المتدربين' },
});
const objectives = question('objectives');
const principles = question('principles');

const paragraphs = (...texts: string[]): Block[] => texts.map((text) => ({ type: 'paragraph', text }));
const LANGUAGES: Language[] = ['fr', 'en', 'ar'];

describe('value lines written then read back', () => {
  const cases: [Question, unknown][] = [
    [single, { choices: ['partly'] }],
    [multiple, { choices: ['yes', 'partly'] }],
    [number, { number: 4500 }],
    [number, { number: 12.5 }],
    [number, { number: 1234567 }],
    [objectives, { objectives: [1, 7, 23] }],
    [principles, { principles: [keys[0], keys[9]] }],
  ];
  for (const language of LANGUAGES)
    for (const [q, value] of cases)
      it(`${q.kind} ${JSON.stringify(value)} in ${language}`, () => {
        const lines = valueLines(q, checkValue(q, value, keys), language, names);
        expect(lines.length).toBeGreaterThan(0);
        const read = readValue(q, paragraphs(...lines, 'Free text after.'), names);
        expect(read.value).toEqual(checkValue(q, value, keys));
        expect(read.blocks).toEqual(paragraphs('Free text after.'));
      });

  it('writes the lines as the documents show them', () => {
    expect(valueLines(single, { choices: ['no'] }, 'fr', names)).toEqual(['☐ Oui', '☒ Non', '☐ En partie']);
    expect(valueLines(number, { number: 4500 }, 'en', names)).toEqual(['Value: 4,500 people']);
    expect(valueLines(number, { number: 4500 }, 'fr', names)[0]).toMatch(/^Valeur : 4\s500 personnes$/u);
    expect(valueLines(number, { number: 4500 }, 'ar', names)[0]).toMatch(/^القيمة: 4.500 شخص$/u);
    expect(valueLines(objectives, { objectives: [7] }, 'en', names)).toEqual([`☒ 7. ${names.objectives[6]!.title.en}`]);
    expect(valueLines(principles, null, 'fr', names)).toEqual([]);
    expect(valueLines(question('text'), null, 'fr', names)).toEqual([]);
  });

  it('writes the blank: every option unticked, an empty number', () => {
    expect(valueLines(objectives, null, 'ar', names, true)).toHaveLength(23);
    expect(valueLines(principles, null, 'fr', names, true)).toHaveLength(10);
    expect(valueLines(principles, null, 'fr', names, true).every((l) => l.startsWith('☐ '))).toBe(true);
    expect(valueLines(number, null, 'fr', names, true)).toEqual(['Valeur : ____ personnes']);
    const blank = readValue(number, paragraphs(...valueLines(number, null, 'fr', names, true)), names);
    expect(blank).toEqual({ value: null, blocks: [] });
  });
});

describe('ticks as Word and LibreOffice users make them', () => {
  for (const tick of ['☒', '☑', '✓', '✔', '✗', '✘', 'x', 'X', '[x]', '[X]', '(x)', '[✓]'])
    it(`« ${tick} » ticks`, () => {
      const read = readValue(multiple, paragraphs('☐ Oui', `${tick} Non`, `${tick} En partie`), names);
      expect(read.value).toEqual({ choices: ['no', 'partly'] });
      expect(read.blocks).toEqual([]);
    });

  it('« [ ] » and « ( ) » do not tick; a label in another language still matches', () => {
    const read = readValue(single, paragraphs('[ ] Yes', '( ) لا', '[x] partly', 'Because.'), names);
    expect(read.value).toEqual({ choices: ['partly'] });
    expect(read.blocks).toEqual(paragraphs('Because.'));
  });

  it('a list item whose tick the parser took for its marker is ticked', () => {
    const blocks: Block[] = [
      ...paragraphs('☐ Oui'),
      { type: 'list', ordered: false, items: [{ text: 'Non', blocks: [] }] },
      ...paragraphs('☐ En partie'),
    ];
    expect(readValue(single, blocks, names).value).toEqual({ choices: ['no'] });
  });

  it('an ordinary list item of the free text stays', () => {
    const blocks: Block[] = [{ type: 'list', ordered: false, items: [{ text: 'Une mesure', blocks: [] }] }];
    expect(readValue(single, blocks, names)).toEqual({ value: null, blocks });
  });

  it('objectives by number alone, by title alone, in Eastern Arabic digits', () => {
    const title = names.objectives[11]!.title;
    const read = readValue(objectives, paragraphs('☒ 3.', `✓ ${title.ar!}`, '☒ ٢١. ', '☐ 5. anything'), names);
    expect(read.value).toEqual({ objectives: [3, 12, 21] });
  });

  it('principles by letter, by title in any language', () => {
    const [a, , c] = names.principles;
    const read = readValue(principles, paragraphs(`☒ ${c!.letter})`, `☒ ${a!.title.ar!}`), names);
    expect(read.value).toEqual({ principles: [a!.key, c!.key] });
  });

  it('the guidance note of a blank is not part of the answer', () => {
    const read = readValue(number, paragraphs('Le nombre de personnes formées en 2023.', 'Value: 12', 'Texte.'), names);
    expect(read).toEqual({ value: { number: 12 }, blocks: paragraphs('Texte.') });
  });
});

describe('numbers in the three languages', () => {
  const cases: [string, number | null][] = [
    ['4 500 personnes', 4500],
    ['4\u202f500', 4500],
    ['4\u00a0500,5', 4500.5],
    ['4,500 people', 4500],
    ['4.500', 4500],
    ['1,234.5', 1234.5],
    ['1.234,5', 1234.5],
    ['1,234,567', 1234567],
    ['12,5', 12.5],
    ['0.125', 0.125],
    ['٤٥٠٠ شخص', 4500],
    ['٤٬٥٠٠', 4500],
    ['١٢٫٥', 12.5],
    ['-3', -3],
    ['____ personnes', null],
    ['', null],
  ];
  for (const [text, expected] of cases)
    it(`« ${text} » → ${String(expected)}`, () => expect(readNumber(text)).toBe(expected));

  it('reads the label in any language', () => {
    for (const line of ['Valeur : 7', 'Valeur: 7', 'VALUE : 7', 'القيمة: ٧', 'القيمة : 7'])
      expect(readValue(number, paragraphs(line), names).value).toEqual({ number: 7 });
  });
});

describe('lines as readers give them', () => {
  it('a PDF reader took ☐ for a bullet and kept ☒: the bare items are not ticked', () => {
    const blocks: Block[] = [
      { type: 'list', ordered: false, items: [{ text: 'Oui', blocks: [] }] },
      ...paragraphs('☒ Non'),
    ];
    expect(readValue(single, blocks, names)).toEqual({ value: { choices: ['no'] }, blocks: [] });
  });

  it('boxes joined on one line are read one by one', () => {
    const [a, b] = names.objectives;
    const line = `☒ 1. ${a!.title.fr!} ☐ 2. ${b!.title.fr!} ☒ 23.`;
    expect(readValue(objectives, paragraphs(line), names)).toEqual({ value: { objectives: [1, 23] }, blocks: [] });
  });
});
