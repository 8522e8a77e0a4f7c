import { readFileSync } from 'node:fs';
import { questionnaire } from '../support/fixtures.js';
import { describe, expect, it } from 'vitest';
import { blockTexts } from '../../src/domain/blocks.js';
import type { Block, ListBlock } from '../../src/domain/blocks.js';
import { PacteError } from '../../src/domain/errors.js';
import type { Questionnaire } from '../../src/domain/questionnaire.js';
import { detectLanguage } from '../../src/documents/detect-language.js';
import { parseReviewText } from '../../src/documents/import-text.js';
import type { ParsedDocument } from '../../src/documents/import-text.js';

const root = new URL('../../', import.meta.url);
const seed = readFileSync(new URL('demo/morocco-arab-2021.fr.txt', root), 'utf8');
const arab2021 = JSON.parse(
  readFileSync(new URL('catalogue/questionnaires/arab-2021.json', root), 'utf8'),
) as Questionnaire;
const TITLE =
  'Premier Examen Régional du Pacte mondial pour des migrations sûres, ordonnées et régulières dans la zone arabe';

function lists(blocks: Block[]): ListBlock[] {
  return blocks.filter((b): b is ListBlock => b.type === 'list');
}

function question(doc: ParsedDocument, id: string): Block[] {
  const found = doc.questions.find((q) => q.id === id);
  if (!found) throw new Error(`no question ${id}`);
  return found.blocks;
}

function errorCode(run: () => unknown): string | undefined {
  try {
    run();
  } catch (error) {
    return error instanceof PacteError ? error.code : 'not a PacteError';
  }
  return undefined;
}

describe('parseReviewText on the Morocco seed', () => {
  const doc = parseReviewText(seed, arab2021);
  const answers = doc.questions.flatMap((q) => blockTexts(q.blocks));

  it('finds the 24 questions in order, worded as in the questionnaire', () => {
    expect(doc.questions.map((q) => q.id)).toEqual([
      ...['I.a', 'I.b', 'I.c', 'I.d', 'I.e', 'I.f', 'I.g', 'I.h'],
      ...['II.a', 'II.b', 'II.c', 'II.d', 'II.e', 'II.f', 'II.g'],
      ...['III.a', 'III.b', 'III.c', 'III.d', 'IV.a', 'IV.b', 'IV.c', 'V.a', 'V.b'],
    ]);
    const wording = new Map(arab2021.sections.flatMap((s) => s.questions.map((q) => [q.id, q.text.fr])));
    for (const q of doc.questions) expect(q.sourceText).toBe(wording.get(q.id));
  });

  it('reads the title and the language, and leaves nothing unmatched', () => {
    expect(doc.title).toBe(TITLE);
    expect(doc.language).toBe('fr');
    expect(doc.unmatched).toEqual([]);
  });

  it('finds the 86 top-level bullets and the 27 check-mark sub-items', () => {
    const top = doc.questions.flatMap((q) => lists(q.blocks));
    expect(top.every((l) => !l.ordered)).toBe(true);
    expect(top.reduce((n, l) => n + l.items.length, 0)).toBe(86);
    const checks = (id: string): number =>
      lists(question(doc, id))
        .flatMap((l) => l.items.flatMap((i) => lists(i.blocks)))
        .reduce((n, l) => n + l.items.length, 0);
    expect(checks('III.d')).toBe(14);
    expect(checks('V.a')).toBe(13);
    const others = doc.questions.filter((q) => q.id !== 'III.d' && q.id !== 'V.a' && q.id !== 'I.g');
    for (const q of others) expect(lists(q.blocks).flatMap((l) => l.items.flatMap((i) => i.blocks))).toEqual([]);
  });

  it('nests the dash list and its numbered list inside a bullet of I.g', () => {
    const bullets = lists(question(doc, 'I.g'))[0]?.items ?? [];
    expect(bullets).toHaveLength(5);
    expect(bullets[3]?.text).toBe(
      'Dans le cadre de la nouvelle stratégie nationale de migration, la priorité a été donnée aux objectifs suivants :',
    );
    const dashes = lists(bullets[3]?.blocks ?? [])[0];
    expect(dashes?.ordered).toBe(false);
    expect(dashes?.items).toHaveLength(2);
    expect(dashes?.items[1]?.text).toMatch(/^Ouverture de l'Observatoire .* sur les axes suivants :$/u);
    const numbered = lists(dashes?.items[1]?.blocks ?? [])[0];
    expect(numbered?.ordered).toBe(true);
    expect(numbered?.items.map((i) => i.text)).toEqual([
      'Le problème de la migration des mineurs non-accompagnés ;',
      'La sécurité et la géopolitique de la migration ;',
      "Le caractère territorial de la politique nationale d'immigration et d’asile ;",
      "La perception de la migration dans l'imaginaire collectif au Maroc entre l’acceptation et le rejet des étrangers ;",
      "Moyens pour soutenir l'Observatoire Africain des Migrations par l'Observatoire Marocain des Migrations ;",
      'Migration et communication ;',
    ]);
    expect(bullets[4]?.text).toMatch(/^La stratégie nationale d'immigration vise/u);
  });

  it('ends IV.c’s wording where the questionnaire’s ends, before a plain paragraph', () => {
    const blocks = question(doc, 'IV.c');
    expect(blocks[0]).toEqual({ type: 'paragraph', text: 'Des ressources supplémentaires sont nécessaires pour :' });
    expect(blocks[1]?.type).toBe('list');
    expect(blocks).toHaveLength(2);
  });

  it('lets no header, marker, heading or double space into the answers', () => {
    for (const text of answers) {
      expect(text).not.toMatch(/Questions Réponses|[▪✓]| {2}|\b(?:I|II|III|IV|V)\.- /u);
      expect(text).toBe(text.trim());
      expect(text).not.toBe('');
    }
  });

  it('keeps wrapped hyphenated words and numbers at line starts inside the answers', () => {
    for (const needle of [
      'Covid-19',
      'Addis-Abeba le 29 janvier 2018',
      'sur 54.000 demandes',
      's’élève à 133 274 ressortissants',
      "Dialogue 5 + 5 s'est tenue",
      'droits de l’Homme 2018-2021. Ce plan',
      'préconise 435 mesures',
      'réseaux ont été démantelés .',
      'régulières en 2018.',
      '«levier de co-développement',
      'des chercheurs ...',
    ])
      expect(
        answers.some((t) => t.includes(needle)),
        needle,
      ).toBe(true);
    expect(doc.questions.find((q) => q.id === 'II.c')?.sourceText).toMatch(/la Covid-19 \?$/u);
    expect(doc.questions.find((q) => q.id === 'III.c')?.sourceText).toContain('Avez-vous pris');
  });

  it('loses and glues no word of the seed', () => {
    // Words of the seed itself: drop headers, the title and section headings, strip markers and
    // question letters, and join words wrapped at a hyphen.
    const expected: string[] = [];
    let glue = false;
    for (const raw of seed.split('\n')) {
      const line = raw.trim();
      if (line === '' || line === 'Questions Réponses' || line === TITLE || /^(?:I|II|III|IV|V)\.- /u.test(line))
        continue;
      const words = line.replace(/^(?:[▪✓-]\s+|\d\.\s*(?=\p{L})|[a-h]\)\s+)/u, '').split(/\s+/u);
      if (glue) expected.push(`${expected.pop() ?? ''}${words.shift() ?? ''}`);
      expected.push(...words);
      glue = line.endsWith('-');
    }
    const actual = doc.questions.flatMap((q) => [q.sourceText, ...blockTexts(q.blocks)].join(' ').split(' '));
    expect(actual).toEqual(expected);
  });

  it('is deterministic', () => {
    expect(parseReviewText(seed, arab2021)).toEqual(doc);
  });
});

describe('parseReviewText on small documents', () => {
  const english = questionnaire({
    I: [
      ['a', 'Was a coordination mechanism set up?'],
      ['b', 'Who led the review?'],
      ['c', 'Which data were available?'],
    ],
    II: [['a', 'What policies were adopted?']],
  });

  it('rejects an empty or blank text', () => {
    expect(errorCode(() => parseReviewText('', english))).toBe('import.empty_file');
    expect(errorCode(() => parseReviewText(' \n\n \t\n', english))).toBe('import.empty_file');
  });

  it('rejects a text without sections and questions', () => {
    const novel =
      'Longtemps, je me suis couché de bonne heure. Parfois, à peine ma bougie éteinte, mes yeux se\n\nfermaient si vite que je n’avais pas le temps de me dire : « Je m’endors. »';
    expect(errorCode(() => parseReviewText(novel, arab2021))).toBe('import.not_a_review');
  });

  it('reads an English document with (a) letters and • bullets', () => {
    const text = [
      'National review of Utopia',
      'Section I: Methodology',
      'Questions Answers',
      '(a) Was a coordination mechanism',
      '   set up?',
      '• Yes, an inter-ministerial committee',
      'chaired by the Prime Minister.',
      '   ◦ It met twice.',
      '• Its members are the ministries of the',
      'interior and of labour.',
      '(c) Which data were available?',
      'The census of 2014 and the labour force survey.',
      'II. Policies',
      'An introduction to the section.',
      '(a) What policies were adopted?',
      '1. A migration law;',
      '2) not a sibling (another kind) but nested;',
      '2. A labour agreement.',
    ].join('\n\n');
    const doc = parseReviewText(text, english);
    expect(doc.language).toBe('en');
    expect(doc.title).toBe('National review of Utopia');
    expect(doc.unmatched).toEqual(['An introduction to the section.']);
    expect(doc.questions).toEqual([
      {
        id: 'I.a',
        sourceText: 'Was a coordination mechanism set up?',
        blocks: [
          {
            type: 'list',
            ordered: false,
            items: [
              {
                text: 'Yes, an inter-ministerial committee chaired by the Prime Minister.',
                blocks: [{ type: 'list', ordered: false, items: [{ text: 'It met twice.', blocks: [] }] }],
              },
              { text: 'Its members are the ministries of the interior and of labour.', blocks: [] },
            ],
          },
        ],
      },
      {
        id: 'I.c',
        sourceText: 'Which data were available?',
        blocks: [{ type: 'paragraph', text: 'The census of 2014 and the labour force survey.' }],
      },
      {
        id: 'II.a',
        sourceText: 'What policies were adopted?',
        blocks: [
          {
            type: 'list',
            ordered: true,
            items: [
              { text: 'A migration law; 2) not a sibling (another kind) but nested;', blocks: [] },
              { text: 'A labour agreement.', blocks: [] },
            ],
          },
        ],
      },
    ]);
  });

  it('keeps numbers that start a line as text, and accepts « 5.Text » after item 4', () => {
    const text = [
      'I.- Méthodologie',
      'a) Was a coordination mechanism set up?',
      '▪ Le Maroc a abrité la conférence en',
      '2018.',
      '▪ Plus de 50.000 migrants régularisés sur',
      '54.000 demandes, et',
      '19 ? non, et',
      '1.5 million de personnes.',
      '1. un',
      '2. deux',
      '4. pas un item',
      '3.trois',
    ].join('\n\n');
    const doc = parseReviewText(text, english);
    expect(doc.questions[0]?.blocks).toEqual([
      {
        type: 'list',
        ordered: false,
        items: [
          { text: 'Le Maroc a abrité la conférence en 2018.', blocks: [] },
          {
            text: 'Plus de 50.000 migrants régularisés sur 54.000 demandes, et 19 ? non, et 1.5 million de personnes.',
            blocks: [
              {
                type: 'list',
                ordered: true,
                items: [
                  { text: 'un', blocks: [] },
                  { text: 'deux 4. pas un item', blocks: [] },
                  { text: 'trois', blocks: [] },
                ],
              },
            ],
          },
        ],
      },
    ]);
    expect(doc.language).toBe('fr');
  });

  it('falls back to the first list item when the wording differs, and skips letters that go back', () => {
    const text = [
      'I - Methodology',
      'a) Has a mechanism for coordinating',
      'the review been created?',
      '- A committee was set up.',
      'c) Which data were available? The census.',
      'b) is text here, since c came first',
      'II.- Policies',
      'a) What policies were',
      'adopted?',
      'None, see',
      'I.- above.',
    ].join('\n');
    const doc = parseReviewText(text, english);
    expect(doc.questions.map((q) => [q.id, q.sourceText, blockTexts(q.blocks)])).toEqual([
      ['I.a', 'Has a mechanism for coordinating the review been created?', ['A committee was set up.']],
      ['I.c', 'Which data were available?', ['The census. b) is text here, since c came first']],
      ['II.a', 'What policies were adopted?', ['None, see I.- above.']],
    ]);
  });
});

describe('detectLanguage', () => {
  it('tells French, English and Arabic apart', () => {
    expect(detectLanguage('Le gouvernement a adopté une stratégie pour les migrants.')).toBe('fr');
    expect(detectLanguage('The government has adopted a strategy for the migrants.')).toBe('en');
    expect(detectLanguage('اعتمدت الحكومة استراتيجية وطنية للهجرة واللجوء في عام 2014.')).toBe('ar');
    expect(detectLanguage('2014 — 2018')).toBeNull();
  });
});

describe('parseReviewText: Arabic numbering and questions without letters', () => {
  /** The questionnaire's wording of a question in a language. */
  const wording = (id: string, language: 'fr' | 'en' | 'ar'): string =>
    arab2021.sections.flatMap((s) => s.questions).find((q) => q.id === id)?.text[language] ?? '';
  const sectionTitle = (id: string): string => arab2021.sections.find((s) => s.id === id)?.title.ar ?? '';
  const answers = (doc: ParsedDocument): [string, string, string[]][] =>
    doc.questions.map((q) => [q.id, q.sourceText, blockTexts(q.blocks)]);

  it('reads أولاً / ثانياً / القسم الثالث headings and abjad letters, و) being f but و starting a sentence text', () => {
    const text = [
      'تونس: الاستعراض الوطني',
      `أولاً: ${sectionTitle('I')}`,
      `أ) ${wording('I.a', 'ar')}`,
      'أنشأت الحكومة لجنة وطنية.',
      'و قد اجتمعت اللجنة سبع مرات،',
      'وترأستها وزارة الشؤون الاجتماعية.',
      `(ب) ${wording('I.b', 'ar')}`,
      'وزارة الشؤون الاجتماعية.',
      `هـ- ${wording('I.e', 'ar')}`,
      'نعم.',
      `و) ${wording('I.f', 'ar')}`,
      'أولاً: سجلات الحدود.',
      'ثانياً: المسوح الأسرية.',
      'ب) نص، لأن الحروف لا تعود إلى الوراء.',
      `ثانياً - ${sectionTitle('II')}`,
      `أ. ${wording('II.a', 'ar')} نعم، مع النقابات.`,
      `القسم الثالث: ${sectionTitle('III')}`,
      `ج) ${wording('III.c', 'ar')}`,
      '▪ نجاح أول.',
    ].join('\n');
    const doc = parseReviewText(text, arab2021);
    expect(doc.title).toBe('تونس: الاستعراض الوطني');
    expect(doc.language).toBe('ar');
    expect(doc.unmatched).toEqual([]);
    expect(answers(doc)).toEqual([
      [
        'I.a',
        wording('I.a', 'ar'),
        ['أنشأت الحكومة لجنة وطنية. و قد اجتمعت اللجنة سبع مرات، وترأستها وزارة الشؤون الاجتماعية.'],
      ],
      ['I.b', wording('I.b', 'ar'), ['وزارة الشؤون الاجتماعية.']],
      ['I.e', wording('I.e', 'ar'), ['نعم.']],
      [
        'I.f',
        wording('I.f', 'ar'),
        ['أولاً: سجلات الحدود. ثانياً: المسوح الأسرية. ب) نص، لأن الحروف لا تعود إلى الوراء.'],
      ],
      ['II.a', wording('II.a', 'ar'), ['نعم، مع النقابات.']],
      ['III.c', wording('III.c', 'ar'), ['نجاح أول.']],
    ]);
  });

  it('maps ه) and (و) to e and f, and keeps و. or و as text', () => {
    const text = [
      `أولا ${sectionTitle('I')}`,
      `ه) ${wording('I.e', 'ar')}`,
      'و. ليس سؤالاً',
      'و هذا نص أيضاً.',
      `(و) ${wording('I.f', 'ar')}`,
      'بيانات.',
    ].join('\n');
    expect(answers(parseReviewText(text, arab2021))).toEqual([
      ['I.e', wording('I.e', 'ar'), ['و. ليس سؤالاً و هذا نص أيضاً.']],
      ['I.f', wording('I.f', 'ar'), ['بيانات.']],
    ]);
  });

  it('finds English questions without letters by the start of their wording', () => {
    const english = questionnaire({
      I: [
        ['a', 'Was a coordination mechanism set up to prepare the review?'],
        ['b', 'Who led the review?'],
        ['c', 'Which data were available for the review, and which were missing?'],
      ],
      II: [
        ['a', 'What policies were adopted since the adoption of the Compact?'],
        ['b', 'What is the Government’s plan for the next review?'],
      ],
    });
    const text = [
      'Review of Utopia',
      'I.- Methodology',
      'Was a coordination mechanism set up to prepare the review?',
      'Yes, a committee.',
      'WHO LED THE REVIEW? The Ministry of the Interior.',
      'Which data were available for the review, and which',
      'were missing?',
      'The census.',
      'Who led the review? (asked again: stays text, questions go forward)',
      'Which data',
      'II.- Policies',
      '1. What policies were adopted since the adoption of the Compact?',
      '- A migration law.',
      "What is the government's plan for the next review?",
      'A second review in 2026.',
    ].join('\n');
    const doc = parseReviewText(text, english);
    expect(doc.unmatched).toEqual([]);
    expect(answers(doc)).toEqual([
      ['I.a', 'Was a coordination mechanism set up to prepare the review?', ['Yes, a committee.']],
      ['I.b', 'WHO LED THE REVIEW?', ['The Ministry of the Interior.']],
      [
        'I.c',
        'Which data were available for the review, and which were missing?',
        ['The census. Who led the review? (asked again: stays text, questions go forward) Which data'],
      ],
      ['II.a', 'What policies were adopted since the adoption of the Compact?', ['A migration law.']],
      ['II.b', "What is the government's plan for the next review?", ['A second review in 2026.']],
    ]);
  });

  it('reads a document that answers only some questions, found by their French wording', () => {
    const text = [
      'Examen national',
      'I.- Méthodologie',
      wording('I.c', 'fr'),
      'Le ministère de l’Intérieur.',
      'III.- Progrès',
      wording('III.b', 'fr'),
      '▪ Une feuille de route.',
      'V.- Étapes ultérieures',
      wording('V.a', 'fr'),
      'La migration de travail.',
    ].join('\n');
    const doc = parseReviewText(text, arab2021);
    expect(doc.title).toBe('Examen national');
    expect(doc.unmatched).toEqual([]);
    expect(answers(doc)).toEqual([
      ['I.c', wording('I.c', 'fr'), ['Le ministère de l’Intérieur.']],
      ['III.b', wording('III.b', 'fr'), ['Une feuille de route.']],
      ['V.a', wording('V.a', 'fr'), ['La migration de travail.']],
    ]);
  });
});
