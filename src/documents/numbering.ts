/**
 * How documents number sections and questions. Questionnaires use Roman numerals (I, II …) and
 * Latin letters (a, b …); documents write them « I.- », « Section II », « a) », « (b) », « c. »,
 * or in Arabic: ordinals (« أولاً: », « ثانياً - », « القسم الثالث ») and letters in abjad order
 * (« أ) », « (ب) », « ج- », « هـ) »), which map to the questionnaire's by position.
 */

/** `I.- Title`, `I. Title`, `I - Title`, `I: Title`, `Section I: Title`, `Section I`. */
const ROMAN_SECTION =
  /^(?:(?:Section|SECTION|section)\s+([IVXLC]+)\b\s*[.:\-–—]*|([IVXLC]+)\s*(?:\.\s*[-–—]?|[-–—]|:))\s*(.*)$/u;
/** `a) …`, `(a) …`, `a. …` (the dot form needs a space, so `e.g.` is not a question). */
const LATIN_QUESTION = /^(?:\((\p{L})\)|(\p{L})\)|(\p{L})\.(?!\S))\s*(.*)$/u;

/** A word in Arabic letters, with marks and tatweels. */
const ARABIC_WORD = '[\\u0621-\\u065F\\u0670\\u0671]+';
/** After an Arabic ordinal: `:`, `-`, `.`, a dash or a space, then the title. */
const ORDINAL_SECTION = new RegExp(`^(${ARABIC_WORD})(?:\\s*[:.\\-–—]|\\s|$)\\s*(.*)$`, 'u');
/** `القسم الأول`, `القسم ٢`, `القسم 3`, `القسم IV`. */
const NAMED_SECTION = new RegExp(
  `^القسم\\s+(${ARABIC_WORD}|[٠-٩]{1,2}|\\d{1,2}|[IVXLC]+)(?:\\s*[:.\\-–—]|\\s|$)\\s*(.*)$`,
  'u',
);
/** One Arabic letter (« هـ » with its tatweel): `(أ)`, `أ)`, `أ-`, `أ.`. */
const LETTER = '([\\u0621-\\u064A])\\u0640?';
/** The same but « و », which is also « and »: only « و) », « (و) » and « و- » number a question. */
const NOT_WAW = '([\\u0621-\\u0647\\u0649-\\u064A])\\u0640?';
const ARABIC_FORMS = `\\(\\s?${LETTER}\\s?\\)|${LETTER}\\s?\\)|${LETTER}\\s?[-–](?!\\d)|${NOT_WAW}\\.(?!\\S)`;
/** « أ) » as some PDFs give it, the bracket mirrored or on the other side: « أ( », « )أ( », « (أ ». */
const MIRRORED_FORMS = `(?:\\)?${NOT_WAW}\\s?\\(|\\(${NOT_WAW})(?=\\s|$)`;
const ARABIC_QUESTION = new RegExp(`^(?:${ARABIC_FORMS})\\s*(.*)$`, 'u');
const MIRRORED_QUESTION = new RegExp(`^${MIRRORED_FORMS}\\s*(.*)$`, 'u');
/** What starts an Arabic question label (as questionLetter reads them), for the PDF reader's layout. */
export const ARABIC_QUESTION_START = new RegExp(`^(?:${ARABIC_FORMS}|${MIRRORED_FORMS})`, 'u');

/** أبجد هوز حطي كلمن سعفص قرشت ثخذ ضظغ: the nth is the nth Latin letter. */
const ABJAD = [...'أبجدهوزحطيكلمنسعفصقرشتثخذضظغ'];
const LETTER_VARIANTS: Record<string, string> = { ا: 'أ', إ: 'أ', آ: 'أ', ى: 'ي' };

/** The position (1 for أ) of an Arabic letter in abjad order, as lists lettered by hand count; 0 if none. */
export function abjadNumber(letter: string): number {
  return ABJAD.indexOf(LETTER_VARIANTS[letter] ?? letter) + 1;
}
/** Ordinals, adverbial (أولاً) and definite (القسم الأول), as compared: no marks, plain alef. */
const ORDINALS = ['اولا', 'ثانيا', 'ثالثا', 'رابعا', 'خامسا', 'سادسا', 'سابعا', 'ثامنا', 'تاسعا', 'عاشرا'];
const DEFINITE = ['الاول', 'الثاني', 'الثالث', 'الرابع', 'الخامس', 'السادس', 'السابع', 'الثامن', 'التاسع', 'العاشر'];
/** As written in an exported heading. */
const WRITTEN = ['أولاً', 'ثانياً', 'ثالثاً', 'رابعاً', 'خامساً', 'سادساً', 'سابعاً', 'ثامناً', 'تاسعاً', 'عاشراً'];

const ROMAN_VALUES: [string, number][] = [
  ['C', 100],
  ['XC', 90],
  ['L', 50],
  ['XL', 40],
  ['X', 10],
  ['IX', 9],
  ['V', 5],
  ['IV', 4],
  ['I', 1],
];

/** A word as a pattern that allows marks and tatweel after each letter, and any alef. */
const loose = (word: string): string =>
  [...word].map((c) => `${c === 'ا' ? '[اأإآٱ]' : c}[\\u064B-\\u065F\\u0670\\u0640]*`).join('');

/** What starts an Arabic section heading (for the PDF reader's layout, which needs no more). */
export const ARABIC_SECTION_START = new RegExp(
  `^(?:القسم\\s+(?:ال\\S+|[٠-٩\\d]{1,2}|[IVXLC]+)|(?:${ORDINALS.map(loose).join('|')})(?:\\s*[:.\\-–—]|\\s|$))`,
  'u',
);

export function toRoman(n: number): string {
  let out = '';
  for (const [numeral, value] of ROMAN_VALUES) for (; n >= value; n -= value) out += numeral;
  return out;
}

/** The value of a Roman numeral; NaN when it is not one written the usual way. */
export function fromRoman(numeral: string): number {
  let n = 0;
  let rest = numeral;
  for (const [symbol, value] of ROMAN_VALUES)
    for (; rest.startsWith(symbol); rest = rest.slice(symbol.length)) n += value;
  return rest === '' && n > 0 && toRoman(n) === numeral ? n : NaN;
}

/** Without marks, tatweel or hamza on alef: the form ordinals are compared in. */
const plain = (word: string): string => word.replace(/[\u064B-\u065F\u0670\u0640]/gu, '').replace(/[أإآٱ]/gu, 'ا');

export interface SectionNumeral {
  /** The section's id: a Roman numeral. */
  id: string;
  rest: string;
  /** Written as an Arabic ordinal adverb (« ثانياً »), which answers also use to enumerate. */
  ordinal: boolean;
}

/** The section numeral starting `line`, in any of the forms documents use. */
export function sectionNumeral(line: string): SectionNumeral | null {
  const roman = ROMAN_SECTION.exec(line);
  if (roman) return { id: roman[1] ?? roman[2] ?? '', rest: roman[3] ?? '', ordinal: false };
  const named = NAMED_SECTION.exec(line);
  if (named) {
    const word = named[1] ?? '';
    const digits = word.replace(/[٠-٩]/gu, (d) => String(d.charCodeAt(0) - 0x660));
    const n = /^\d+$/u.test(digits) ? Number(digits) : DEFINITE.indexOf(plain(word)) + 1;
    const id = /^[IVXLC]+$/u.test(word) ? word : n > 0 ? toRoman(n) : null;
    return id === null ? null : { id, rest: named[2] ?? '', ordinal: false };
  }
  const ordinal = ORDINAL_SECTION.exec(line);
  const n = ordinal ? ORDINALS.indexOf(plain(ordinal[1] ?? '')) + 1 : 0;
  return ordinal && n > 0 ? { id: toRoman(n), rest: ordinal[2] ?? '', ordinal: true } : null;
}

/** The question letter starting `line`, as the questionnaire's Latin letter, and the rest. */
export function questionLetter(line: string): { letter: string; rest: string } | null {
  const arabic = ARABIC_QUESTION.exec(line);
  const mirrored = arabic ? null : MIRRORED_QUESTION.exec(line);
  const written = arabic ? (arabic[1] ?? arabic[2] ?? arabic[3] ?? arabic[4]) : (mirrored?.[1] ?? mirrored?.[2]);
  const index = written === undefined ? -1 : ABJAD.indexOf(LETTER_VARIANTS[written] ?? written);
  if (index >= 0) return { letter: String.fromCharCode(97 + index), rest: (arabic ? arabic[5] : mirrored?.[3]) ?? '' };
  const latin = LATIN_QUESTION.exec(line);
  const letter = latin?.[1] ?? latin?.[2] ?? latin?.[3];
  return letter === undefined || /\p{Script=Arabic}/u.test(letter) ? null : { letter, rest: latin?.[4] ?? '' };
}

/** A section heading as written in a document of `language`: « I.- Title » or « أولاً: Title ». */
export function sectionHeading(id: string, title: string, language: string): string {
  const ordinal = language === 'ar' ? WRITTEN[fromRoman(id) - 1] : undefined;
  return ordinal === undefined ? `${id}.- ${title}` : `${ordinal}: ${title}`;
}

/** A question's label: « a) Text », or « أ) Text » in Arabic (« هـ » for e). */
export function questionLabel(letter: string, text: string, language: string): string {
  const index = letter.length === 1 ? letter.charCodeAt(0) - 97 : -1;
  const arabic = language === 'ar' ? ABJAD[index] : undefined;
  const written = arabic === undefined ? letter : arabic === 'ه' ? 'هـ' : arabic;
  return `${written}) ${text}`;
}
