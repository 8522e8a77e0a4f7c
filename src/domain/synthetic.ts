import { isolate } from './language.js';
import type { Language, Multilingual } from './language.js';

/**
 * Synthetic data (the demo region, docs/regional.md): fictional countries and the answers
 * generated for them. Nothing here may read as a real government's words: codes are ISO 3166-1
 * user-assigned (XAA–XZZ), names say they are fictional, every answer says it was generated.
 */
export const SYNTHETIC_LABEL: Multilingual = {
  fr: 'Données fictives',
  en: 'Synthetic data',
  ar: 'بيانات افتراضية',
};

/** One letter per fictional country: A–Z, and the Arabic alphabet's first 26 letters. */
const LATIN = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';
const ARABIC = [
  'أ',
  'ب',
  'ت',
  'ث',
  'ج',
  'ح',
  'خ',
  'د',
  'ذ',
  'ر',
  'ز',
  'س',
  'ش',
  'ص',
  'ض',
  'ط',
  'ظ',
  'ع',
  'غ',
  'ف',
  'ق',
  'ك',
  'ل',
  'م',
  'ن',
  'و',
];
export const MAX_SYNTHETIC_COUNTRIES = LATIN.length;

/** A fictional country of block `block` (a letter A–Z): code X<block><letter>, names that say so. */
export function syntheticCountry(block: string, index: number): { code: string; name: Multilingual } {
  const letter = LATIN[index]!;
  return {
    code: `X${block}${letter}`,
    name: {
      fr: `Pays fictif ${letter}`,
      en: `Fictional country ${letter}`,
      ar: `بلد افتراضي ${ARABIC[index]!}`,
    },
  };
}

/** Whether a code is one a fictional country may take (ISO 3166-1 user-assigned, X range). */
export const isSyntheticCode = (code: string) => /^X[A-Z]{2}$/.test(code);

/** The region's name, which says it is fictional. */
export function syntheticRegionName(id: string): Multilingual {
  return { fr: `Région fictive « ${id} »`, en: `Fictional region "${id}"`, ar: `منطقة افتراضية «${isolate(id)}»` };
}

/**
 * A generated answer: neutral template sentences in the review's language, naming the country
 * and the question, and saying that the text is synthetic. `variant` varies the wording a little.
 */
export function syntheticAnswer(language: Language, country: string, questionId: string, variant: number): string {
  const sentences: Record<Language, string[]> = {
    fr: [
      `[${SYNTHETIC_LABEL.fr}] Texte généré pour la démonstration : ${country} n'existe pas et ne s'est engagé à rien.`,
      `Réponse fictive à la question ${questionId}, qui montre la forme d'une réponse sans en donner le fond.`,
      'Un ministère fictif coordonne les travaux avec des partenaires fictifs.',
    ],
    en: [
      `[${SYNTHETIC_LABEL.en}] Text generated for the demonstration: ${country} does not exist and has committed to nothing.`,
      `Fictional answer to question ${questionId}, showing the shape of an answer without its substance.`,
      'A fictional ministry coordinates the work with fictional partners.',
    ],
    ar: [
      `[${SYNTHETIC_LABEL.ar}] نص مُولَّد للعرض التوضيحي: ${country} غير موجود ولم يلتزم بشيء.`,
      `إجابة افتراضية عن السؤال ${questionId}، تبيّن شكل الإجابة دون مضمونها.`,
      'تنسّق وزارة افتراضية العمل مع شركاء افتراضيين.',
    ],
  };
  const list = sentences[language];
  return list.slice(0, 2 + (variant % 2)).join(' ');
}
