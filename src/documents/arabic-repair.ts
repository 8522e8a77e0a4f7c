/**
 * Repairs of Arabic text as PDF text extractors give it. Pure functions, no I/O.
 *
 * - Presentation forms (U+FB50–FDFF, U+FE70–FEFF: the shaped glyphs « ﻻ », « ﺎ », « ﷲ ») become
 *   the letters they stand for (NFKC of those characters only; the rest of the text is not
 *   touched, so « ﬁ » ligatures or full-width digits elsewhere stay as they are).
 * - Bidi control marks (LRM, RLM, ALM, the embeddings and isolates) are dropped: stored text is
 *   in logical order and needs none.
 * - A lam-alef ligature read in the wrong order leaves « ال » where « لا » was; the sure signs are
 *   an alef next to it (« االستعراض » for « الاستعراض », « اإلقليمي » for « الإقليمي »): two
 *   alefs never follow each other in Arabic; and a fathatan on the lam (« أوالً » for « أولاً »).
 * - A vowel mark (haraka, shadda, tanwin) that a space separated from its letter goes back to it.
 * - Tatweels (kashidas) that stretched words to justify a line go; a typed one (« بـ٧ ») stays.
 * - A range of years drawn backwards (« 2025-2021 », its dash in a right-to-left run) is put in
 *   order.
 * - Renderers differ on where a mark goes in visual order: before its letter (LibreOffice, Word),
 *   or after it (Chromium, and so every PDF printed from a browser). marksFollowLetters tells
 *   them apart; marksBeforeLetters brings the second kind to the first, which the rest expects.
 * - Lines in visual order (left to right on the page, as pdftotext's word boxes give them) are put
 *   back into logical order: an Arabic (right-to-left) line is read from right to left, while the
 *   Latin words and the numbers inside it keep their left-to-right order.
 */

export type Direction = 'ltr' | 'rtl';

const BIDI_CONTROLS = /[\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/gu;
const PRESENTATION_FORMS = /[\uFB50-\uFDFF\uFE70-\uFEFF]/gu;
const PRESENTATION_FORM = /[\uFB50-\uFDFF\uFE70-\uFEFF]/u;
/** Anything written right to left (Hebrew to Arabic Extended, and the presentation forms). */
const ANY_RTL = /[\u0590-\u08FF\uFB1D-\uFDFF\uFE70-\uFEFF]/u;
/** Letters written right to left (Arabic, Syriac, Thaana, N'Ko, Hebrew …), not digits. */
const RTL_LETTER = /[\p{Script=Arabic}\p{Script=Hebrew}\p{Script=Syriac}\p{Script=Thaana}\p{Script=Nko}]/u;
const ARABIC_LETTER = /\p{Script=Arabic}/u;
/** European digits and the Extended Arabic-Indic (Persian) ones behave as European numbers. */
const EUROPEAN_DIGIT = /[0-9\u06F0-\u06F9]/u;
/** Arabic-Indic digits and the Arabic decimal and thousands separators. */
const ARABIC_NUMBER = /[\u0660-\u0669\u066B\u066C]/u;
/** Number separators (bidi classes CS and ES): kept inside a number when between two digits. */
const SEPARATOR = /^[.,:/+\-\u00A0\u060C\u202F]$/u;
/** European terminators (ET): % ‰ ٪ # $ £ € ° ±, which go with a European number. */
const TERMINATOR = /^[%\u2030\u2031\u066A#$\u00A2-\u00A5\u20A0-\u20CF\u00B0\u00B1\u2212]$/u;

/**
 * The units that reverse: each code point, except that a mark on a Latin letter stays with it.
 * Arabic marks stand alone: in visual order pdftotext puts a mark before the letter it sits on
 * (the exact reverse of the logical order); fixMarks repairs those it gives the other way round.
 */
export function units(text: string): string[] {
  const out: string[] = [];
  for (const c of text) {
    const last = out[out.length - 1];
    if (last !== undefined && /^\p{M}$/u.test(c) && /^\p{L}/u.test(last) && !RTL_LETTER.test(last)) {
      out[out.length - 1] = last + c;
    } else out.push(c);
  }
  return out;
}

type Kind = 'R' | 'L' | 'EN' | 'AN' | 'N';

function kind(unit: string): Kind {
  const ch = (PRESENTATION_FORM.test(unit) ? unit.normalize('NFKC') : unit)[0] ?? '';
  if (EUROPEAN_DIGIT.test(ch)) return 'EN';
  if (ARABIC_NUMBER.test(ch)) return 'AN';
  // The tatweel is of no script (Common), but only ever drawn in Arabic words.
  if ((RTL_LETTER.test(ch) && /\p{L}/u.test(ch)) || ch === '\u0640') return 'R';
  if (/[\p{L}\p{Nd}]/u.test(ch)) return 'L';
  return 'N';
}

/** A mark can only follow a letter: one left at the start of a word goes after the letter it preceded. */
export function fixMarks(text: string): string {
  return text.replace(/(^|[^\p{L}\p{M}])(\p{M}+)(\p{L})/gu, '$1$3$2');
}

export function hasArabic(text: string): boolean {
  return ARABIC_LETTER.test(text);
}

/** Right to left when the line has more right-to-left letters than left-to-right ones; null without letters. */
export function lineDirection(text: string): Direction | null {
  if (!ANY_RTL.test(text)) return /\p{L}/u.test(text) ? 'ltr' : null;
  let rtl = 0;
  let ltr = 0;
  for (const c of text) {
    const k = kind(c);
    if (k === 'R') rtl++;
    else if (k === 'L') ltr++;
  }
  if (rtl === 0 && ltr === 0) return null;
  return rtl > ltr ? 'rtl' : 'ltr';
}

export function stripBidiControls(text: string): string {
  return text.replace(BIDI_CONTROLS, '');
}

/** Presentation forms → letters; U+FEFF (a zero-width no-break space, or a BOM) goes. */
export function normalizePresentationForms(text: string): string {
  return text.replace(PRESENTATION_FORMS, (c) => (c === '\uFEFF' ? '' : c.normalize('NFKC')));
}

/**
 * A lam-alef ligature whose two letters came out swapped (some fonts map the one glyph to « لا »
 * in logical order inside a word otherwise drawn right to left), where the letters around it
 * show it: two alefs never follow each other, so « اال » is « الا » and « إال » is « إلا », and
 * « اإل », « األ », « اآل » are the article before « لإ », « لأ », « لآ » (« الإقليمي », « الأمم »);
 * a fathatan at a word's end stands on the alef after its lam, not on the lam (« أولاً »).
 * Where nothing shows it (« لالتفاق », « خالل ») the text cannot tell and is left alone.
 */
export function repairLamAlef(text: string): string {
  return text
    .replace(/([اأإآ])ال/gu, '$1لا')
    .replace(/ا([أإآ])ل/gu, 'ال$1')
    .replace(/ال\u064B(?![\p{L}\p{M}])/gu, 'لا\u064B');
}

/** A mark after a space belongs to the letter before the space. */
export function attachDetachedMarks(text: string): string {
  return text.replace(/(\p{L}\p{M}*)[^\S\n]+(\p{M}+)/gu, '$1$2');
}

/**
 * The tatweel (kashida) stretches a word to justify a line: between two letters it is drawing,
 * not text. Before a digit, a Latin word or punctuation it was typed (« بـ٧ », « بـOIM », « هـ) »).
 */
export function removeTatweel(text: string): string {
  return text.replace(/(\p{Script=Arabic}\p{M}*)\u0640+(?=\p{M}*\p{Script=Arabic})(?=\p{M}*\p{L})/gu, '$1');
}

/** All the repairs that apply to text already in logical order. */
export function repairArabic(text: string): string {
  return repairLamAlef(removeTatweel(attachDetachedMarks(normalizePresentationForms(stripBidiControls(text)))));
}

/**
 * Puts back in reading order the parts of a reversed run that are written left to right: Latin
 * words (with the numbers and punctuation between them), and numbers (with their separators
 * and, for European digits, their % or currency sign).
 */
function restoreLeftToRight(run: string[]): string[] {
  const kinds = run.map(kind);
  const out: string[] = [];
  let i = 0;
  while (i < run.length) {
    if (kinds[i] === 'R' || kinds[i] === 'N') {
      out.push(run[i] ?? '');
      i++;
      continue;
    }
    // A stretch without right-to-left letters, from a strong left-to-right character to the last one.
    let end = i;
    for (let j = i; j < run.length && kinds[j] !== 'R'; j++) if (kinds[j] !== 'N') end = j;
    const stretch = run.slice(i, end + 1);
    if (stretch.some((_, k) => kinds[i + k] === 'L')) out.push(...stretch.reverse());
    else out.push(...numbers(stretch));
    i = end + 1;
  }
  return out;
}

/** Within a stretch of digits and neutrals: each number reversed back, the rest left alone. */
function numbers(stretch: string[]): string[] {
  const kinds = stretch.map(kind);
  const inNumber = stretch.map((c, k) => {
    const here = kinds[k];
    if (here === 'EN' || here === 'AN') return true;
    const before = kinds[k - 1];
    const after = kinds[k + 1];
    if (SEPARATOR.test(c) && (before === 'EN' || before === 'AN') && before === after) return true;
    return TERMINATOR.test(c) && (before === 'EN' || after === 'EN');
  });
  const out: string[] = [];
  for (let k = 0; k < stretch.length;) {
    if (!inNumber[k]) {
      out.push(stretch[k] ?? '');
      k++;
      continue;
    }
    let end = k;
    while (end + 1 < stretch.length && inNumber[end + 1]) end++;
    out.push(...yearsInOrder(stretch.slice(k, end + 1).reverse()));
    k = end + 1;
  }
  return out;
}

/**
 * A range of years whose dash was typed right to left (a word processor's Arabic run) is drawn
 * « 2025-2021 »: read as one left-to-right number it would be a range going back in time, which
 * nobody writes; its years then go in the right-to-left order, « 2021-2025 ».
 */
function yearsInOrder(number: string[]): string[] {
  const m = /^((?:19|20)\d\d)([-–/])((?:19|20)\d\d)$/u.exec(number.join(''));
  if (!m || Number(m[1]) <= Number(m[3])) return number;
  return [...(m[3] ?? ''), m[2] ?? '-', ...(m[1] ?? '')];
}

/**
 * Visual order (as drawn, left to right) → logical order. In a right-to-left line everything is
 * reversed, then the left-to-right parts are put back; in a left-to-right line, only the runs
 * of right-to-left letters (with what lies between them) are reversed. Presentation forms are
 * expanded only afterwards, so a « ﻻ » ligature gives « لا » in the right order.
 */
export function visualToLogical(text: string, direction: Direction): string {
  if (direction === 'ltr' && !ANY_RTL.test(text)) return stripBidiControls(text);
  const parts = units(stripBidiControls(text));
  const finish = (out: string[]): string => normalizePresentationForms(fixMarks(out.join('')));
  if (direction === 'rtl') return finish(restoreLeftToRight(parts.reverse()));
  const kinds = parts.map(kind);
  const out: string[] = [];
  for (let i = 0; i < parts.length;) {
    if (kinds[i] !== 'R') {
      out.push(parts[i] ?? '');
      i++;
      continue;
    }
    let end = i;
    for (let j = i; j < parts.length && kinds[j] !== 'L'; j++) if (kinds[j] === 'R') end = j;
    out.push(...restoreLeftToRight(parts.slice(i, end + 1).reverse()));
    i = end + 1;
  }
  return finish(out);
}

/** The letters of a word, without the punctuation and digits around them. */
function core(word: string): string {
  return normalizePresentationForms(word).replace(/^[^\p{L}]+|[^\p{L}\p{M}]+$/gu, '');
}

/**
 * Whether Arabic words come with their letters in visual order (« ةيبرعلا » for « العربية »):
 * the article « ال » then ends words and the ta marbuta « ة » or alef maqsura « ى », which only
 * end words, start them.
 */
export function lettersLookVisual(words: Iterable<string>): boolean {
  let logical = 0;
  let visual = 0;
  for (const word of words) {
    const w = core(word);
    if (w.length < 3 || !hasArabic(w)) continue;
    if (w.startsWith('ال')) logical++;
    if (w.endsWith('لا')) visual++;
    if (/^[ةى]/u.test(w)) visual++;
    if (/[ةى]\p{M}*$/u.test(w)) logical++;
  }
  return visual > logical;
}

/** Arabic harakat, shadda, sukun, the dagger alef: the marks that sit on an Arabic letter. */
const ARABIC_MARKS = '\u064B-\u065F\u0670';
const MARKS_AFTER = new RegExp(`(\\p{Script=Arabic})([${ARABIC_MARKS}]+)`, 'gu');
const SHADDA_ON_FIRST = /^\p{L}\u0651/u;
const reversed = (text: string): string => units(text).reverse().join('');

/**
 * Whether the Arabic words of a document in visual order (`lettersLookVisual`) carry their marks
 * after the letter under them (« مّض » for « ضمّ », as Chromium writes) rather than before it (« ّمض »,
 * as LibreOffice and Word do). The sure signs: read the wrong way, a shadda lands on a word's
 * first letter, where Arabic never puts one; and only the « before » kind can start a word with
 * a mark. Without marks, or without a sign either way: before, as most PDFs.
 */
export function marksFollowLetters(words: Iterable<string>): boolean {
  let after = 0;
  let before = 0;
  for (const word of words) {
    if (!/[\u064B-\u065F\u0670]/u.test(word) || !hasArabic(word)) continue;
    if (/^\p{M}/u.test(word)) before++;
    if (SHADDA_ON_FIRST.test(reversed(word))) after++;
    if (SHADDA_ON_FIRST.test(reversed(marksBeforeLetters(word)))) before++;
  }
  return after > before;
}

/**
 * « مّض » → « ّمض »: each run of marks put before the Arabic letter it followed, and reversed, as
 * the rest of a word in visual order is (« دٍّ » → « ٍّد » read back gives « دٍّ »).
 */
export function marksBeforeLetters(text: string): string {
  return text.replace(
    MARKS_AFTER,
    (_all, letter: string, marks: string) => `${[...marks].reverse().join('')}${letter}`,
  );
}
