import { describe, expect, it } from 'vitest';
import type { Block } from '../../src/domain/blocks.js';
import { suggestCodeValues } from '../../src/domain/code-suggestions.js';
import { checkCode, checkValues } from '../../src/domain/codes.js';
import type { Language } from '../../src/domain/language.js';
import { passageHolds } from '../../src/domain/passage.js';
import { defaultCodes } from '../../src/services/default-codes.js';

const code = (question: string) => checkCode(defaultCodes().find((c) => c.questionId === question)!);
const paragraph = (text: string): Block[] => [{ type: 'paragraph', text }];
const suggest = (question: string, language: Language, blocks: Block[]) =>
  suggestCodeValues(blocks, language, code(question));
const keys = (question: string, language: Language, text: string) =>
  suggest(question, language, paragraph(text)).map((s) => s.key);

describe('suggesting a single-choice code (I.a)', () => {
  it('reads « aucun mécanisme » as none, and a denied new committee as no new one', () => {
    expect(keys('I.a', 'fr', 'Aucun mécanisme de coordination n’a été créé pour cet examen.')).toEqual(['none']);
    // Not none either: no new committee, but an existing one may have been used.
    expect(keys('I.a', 'fr', 'Un nouveau comité n’a pas été créé.')).toEqual([]);
    expect(keys('I.a', 'en', 'No committee was set up; each ministry wrote its part.')).toEqual(['none']);
    expect(keys('I.a', 'ar', 'لم يتم إنشاء أي لجنة لهذا الغرض.')).toEqual(['none']);
  });

  it('prefers what was done to what was not', () => {
    // Morocco's own answer: no mechanism created, because an existing one was used.
    const text =
      "Aucun mécanisme n'a été créé pour coordonner l’examen, étant donné que le gouvernement dispose d'un mécanisme de gouvernance pour le suivi de la stratégie.";
    expect(keys('I.a', 'fr', text)).toEqual(['existing_mechanism']);
    expect(
      keys('I.a', 'fr', 'Aucun mécanisme préexistant ne couvrait la migration : un comité ad hoc a donc été créé.'),
    ).toEqual(['new_mechanism']);
    expect(keys('I.a', 'ar', 'لم يتم إنشاء آلية جديدة، إذ أسندت المهمة إلى اللجنة الدائمة القائمة بالفعل.')).toEqual([
      'existing_mechanism',
    ]);
  });

  it('finds Arabic cues whatever their article, prefix and letter variants', () => {
    expect(keys('I.a', 'ar', 'وقد أنشئت لجنة وطنية مخصصة للاستعراض.')).toEqual(['new_mechanism']);
    expect(keys('I.a', 'ar', 'تولت آليه الحوكمه القائمه التنسيق.')).toEqual(['existing_mechanism']);
  });

  it('suggests nothing when no cue is there, and never reads an editor’s brackets', () => {
    expect(keys('I.a', 'fr', 'Le rapport a été rédigé en français.')).toEqual([]);
    expect(keys('V.a', 'ar', '[بيانات افتراضية] هذا النص مولد.')).toEqual([]);
  });
});

describe('suggesting a multiple-choice code (II.a, V.a)', () => {
  it('suggests each stakeholder named, not one named under a negation', () => {
    const text =
      'Le gouvernement a coopéré avec les collectivités territoriales, le secteur privé et les associations de migrants, sans associer les organisations syndicales.';
    expect(keys('II.a', 'fr', text)).toEqual(['local_authority', 'migrant_association', 'private_sector']);
    expect(
      keys('II.a', 'ar', 'تعاونت الحكومة مع منظمات المجتمع المدني والقطاع الخاص دون إشراك النقابات العمالية.'),
    ).toEqual(['civil_society', 'private_sector']);
  });

  it('needs more than one passing word in running text, but takes a short list item at its word', () => {
    expect(keys('V.a', 'fr', 'Le ministre a rencontré la diaspora à Paris.')).toEqual([]);
    const list: Block[] = [
      { type: 'paragraph', text: 'Domaines prioritaires :' },
      {
        type: 'list',
        ordered: false,
        items: [
          { text: 'Diaspora.', blocks: [] },
          { text: 'Recherche et sauvetage en mer.', blocks: [] },
        ],
      },
    ];
    // « recherche et sauvetage » is saving lives (8), not research (1): longest match first.
    expect(suggest('V.a', 'fr', list).map((s) => s.key)).toEqual(['objective-8', 'objective-19']);
  });

  it('quotes its evidence exactly where it is', () => {
    const blocks: Block[] = [
      { type: 'paragraph', text: 'Priorités :' },
      { type: 'list', ordered: false, items: [{ text: 'Lutter contre la traite des êtres humains.', blocks: [] }] },
    ];
    const [suggestion] = suggest('V.a', 'fr', blocks);
    expect(suggestion?.key).toBe('objective-10');
    expect(suggestion?.evidence).toEqual([
      { position: { block: [1, 0], start: 17, end: 41 }, text: 'traite des êtres humains' },
    ]);
    for (const passage of suggestion!.evidence) expect(passageHolds(blocks, passage)).toBe(true);
  });

  it('is deterministic', () => {
    const blocks = paragraph('Les syndicats, les universités et les ONG, les syndicats encore, les universités aussi.');
    expect(suggest('II.a', 'fr', blocks)).toEqual(suggest('II.a', 'fr', blocks));
  });
});

describe('the rules of a code and of its values', () => {
  const input = {
    kind: 'single' as const,
    names: { fr: 'Plan', en: 'Plan', ar: 'خطة' },
    values: [
      { key: 'yes', labels: { fr: 'Oui', en: 'Yes', ar: 'نعم' } },
      { key: 'no', labels: { fr: 'Non', en: 'No', ar: 'لا' } },
    ],
  };
  it('wants names and labels in the three languages, distinct keys, two values at least', () => {
    expect(() => checkCode({ ...input, names: { fr: 'Plan', en: 'Plan' } })).toThrow('code.names_missing_language');
    expect(() => checkCode({ ...input, values: [input.values[0]!, { key: 'no', labels: { fr: 'Non' } }] })).toThrow(
      'code.label_missing_language',
    );
    expect(() => checkCode({ ...input, values: [input.values[0]!, input.values[0]!] })).toThrow('code.duplicate_value');
    expect(() => checkCode({ ...input, values: [input.values[0]!] })).toThrow('code.too_few_values');
    expect(() => checkCode({ ...input, values: [{ ...input.values[0]!, key: 'Oui !' }, input.values[1]!] })).toThrow(
      'code.invalid_key',
    );
  });
  it('checks the values set on an answer', () => {
    const single = checkCode(input);
    expect(checkValues(single, ['no'])).toEqual(['no']);
    expect(() => checkValues(single, ['yes', 'no'])).toThrow('code.single_value');
    expect(() => checkValues(single, ['maybe'])).toThrow('code.unknown_value');
    expect(() => checkValues(single, [])).toThrow('code.no_value');
    expect(checkValues(code('II.a'), ['un', 'union', 'un'])).toEqual(['union', 'un']); // the code's order
  });
  it('ships I.a, II.a and V.a, V.a with the 23 objectives and their curated terms', () => {
    const va = code('V.a');
    expect(defaultCodes().map((c) => c.questionId)).toEqual(['I.a', 'II.a', 'V.a']);
    expect(va.values.map((v) => v.key)).toEqual(Array.from({ length: 23 }, (_, i) => `objective-${i + 1}`));
    expect(va.values[0]?.cues.fr).toContain('collecte de données');
  });
});
