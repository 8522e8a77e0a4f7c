import type { Block } from './blocks.js';
import type { Language } from './language.js';
import { locate, type PassagePosition } from './passage.js';

/**
 * The figures quoted in an answer (« 133 274 ressortissants », « plus de 50.000 demandes »,
 * « 24% »), so a review can be backed with data and its figures checked. Pure text rules, no
 * NLP: a figure is a number that is not a year, a date, an ordinal or part of a name or code.
 */

export type FactKind = 'count' | 'percent' | 'amount';
export type FactQualifier = 'more_than' | 'about' | 'less_than';

export interface Fact {
  value: number;
  kind: FactKind;
  /** The counted thing (the word after the number, lower-cased), or the currency of an amount. */
  unit: string | null;
  qualifier: FactQualifier | null;
  /** `2020`, `2018/2021`, `2002/2020` (since 2002, up to the answer's latest year), or `2002/`. */
  period: string | null;
  questionId: string;
  /** The sentence the figure comes from. */
  quote: string;
  /** Path to the text (see `locate`) and UTF-16 offsets of the number as written, % sign included. */
  position: PassagePosition;
}

const MONTHS =
  'janvier|février|fevrier|mars|avril|mai|juin|juillet|août|aout|septembre|octobre|novembre|décembre|decembre|' +
  'january|february|march|april|may|june|july|august|september|october|november|december|' +
  'يناير|فبراير|مارس|أبريل|إبريل|ابريل|مايو|يونيو|يونيه|يوليو|يوليه|أغسطس|سبتمبر|أكتوبر|نوفمبر|ديسمبر|' +
  'كانون|شباط|آذار|نيسان|أيار|حزيران|تموز|آب|أيلول|تشرين';
// Codes are case-sensitive: « mad » or « dh » in running text are not currencies.
const CURRENCY =
  'MAD|DH|Dhs|USD|US\\$|\\$|EUR|€|GBP|£|CHF|[Dd]irhams?|[Ee]uros?|[Dd]ollars?|دراهم|درهما?|دولارات|دولارا?|يورو';
const MULTIPLIER = 'millions?|milliards?|billions?|thousands?|mille|ملايين|مليون|مليارات|مليار|آلاف|ألف';

/** French groups thousands with a space or a dot (exactly 3 digits) and writes decimals with a comma. */
const FR_NUMBER = /(?<!\d|\d[.,])(?:\d{1,3}([ \u00A0\u202F.])\d{3}(?:\1\d{3})*(?:,\d+)?(?!\d)|\d+(?:[.,]\d+)?)/gu;
/** English (and Arabic once its digits are made Western): comma thousands, dot decimals. */
const EN_NUMBER = /(?<!\d|\d[.,])(?:\d{1,3}(?:,\d{3})+(?:\.\d+)?(?!\d)|\d+(?:\.\d+)?)/gu;
/** Arabic typed in a word processor also groups Western digits with a space (« 4 500 مهاجر »). */
const AR_NUMBER = /(?<!\d|\d[.,])(?:\d{1,3}([, \u00A0\u202F])\d{3}(?:\1\d{3})*(?:\.\d+)?(?!\d)|\d+(?:\.\d+)?)/gu;

const NAME_BEFORE = /(?:\p{L}|\p{L}[-–])$/u; // Covid-19, G20
/** و٥٠ « and 50 », بـ٧ « in 7 », وبـ12 « and in 12 » are figures, not names. */
const ARABIC_PREFIX = /(?:^|[^\p{L}])(?:[وف]?[بل]|[وف])\u0640?$/u;
const NUMERO_BEFORE = /(?:\bn[°º]|\bno\.|رقم|#)\s*$/iu; // loi n°14-27
const JOINED = { before: /\d\s*[-–+/:]\s*$/u, after: /^\s*[-–+/:]\s*\d/u }; // 14-27, 5 + 5, 29/11
const DAY_AFTER = new RegExp(`^\\s+(?:${MONTHS})(?!\\p{L})`, 'iu'); // 29 novembre 2019
const DAY_BEFORE = new RegExp(`(?<!\\p{L})(?:${MONTHS})\\.?\\s+$`, 'iu'); // November 29
const PERCENT_AFTER = /^\s?%|^\s*(?:pour\s*cent|per\s*cent|percent|في\s*الم(?:ائ|ئ)ة|بالم(?:ائ|ئ)ة)(?!\p{L})/iu;
const MULTIPLIER_AFTER = new RegExp(`^\\s*(${MULTIPLIER})(?!\\p{L})\\s*(?:(?:de|of|من)\\s+|d['’]\\s*)?`, 'iu');
const CURRENCY_AFTER = new RegExp(`^\\s*(${CURRENCY})(?!\\p{L})`, 'u');
const CURRENCY_BEFORE = new RegExp(`(?<!\\p{L})(${CURRENCY})\\s?$`, 'u');
const QUALIFIERS: [RegExp, FactQualifier][] = [
  [/(?<!\p{L})(?:plus\s+de|more\s+than|over|above|أكثر\s+من|ما\s+يزيد\s+(?:عن|على))\s*$/iu, 'more_than'],
  [
    /(?<!\p{L})(?:environ|près\s+de|about|approximately|around|roughly|nearly|حوالي|حوالى|نحو|قرابة|زهاء)\s*$/iu,
    'about',
  ],
  [/(?<!\p{L})(?:moins\s+de|less\s+than|fewer\s+than|under|below|أقل\s+من)\s*$/iu, 'less_than'],
];
const SINCE_BEFORE = /(?<!\p{L})(?:depuis|since|منذ|ومنذ|à\s+partir\s+de)\s+(?:[\p{L}\p{M}'’]+\s+){0,2}$/iu;
/** Between two years that make a range: 2018-2021, entre 2018 et 2019, de 2006 à 2007, 2014 و2017. */
const RANGE_BETWEEN =
  /^(?:\s*[-–—/]\s*|\s+(?:et|à|au|jusqu['’](?:à|en|au)|and|to|until|through|إلى|الى|حتى)\s+(?:[\p{L}\p{M}'’]+\s+){0,3}|\s+و\s*)$/iu;
/** A dot after these is not the end of a sentence: « n. 5 », « M. Dupont ». */
const ABBREVIATION = /(?:^|[^\p{L}])(?:\p{Lu}|[Nn]os?|[Aa]rt|[Pp]p?|Mr|Mrs|Mme|Dr|vs)$/u;
/** Words after a number that are not what it counts: « 50 de plus », « 2020 et », « 12 of the ». */
const NOT_UNITS = new Set(
  (
    'de du des d et ou à au aux en le la les l un une sur pour par dans avec ont sont a est été soit qui que dont ' +
    'ce cette ces se s plus moins entre selon vers sans sous parmi mais il elle ils elles on y ' +
    'of the and or in on at to for by with from as is are was were be been has have had that which who this these ' +
    'than more less over per into ' +
    'في من على إلى عن مع و أو التي الذي هذه هذا ذلك تلك كان قد ما لا'
  ).split(' '),
);

const WINDOW = 80;

/** Eastern Arabic and Persian digits, `٬ ٫ ٪` made Western one UTF-16 unit for one, so offsets stay valid. */
function western(text: string): string {
  return text.replace(/[\u0660-\u0669\u06F0-\u06F9٬٫٪]/gu, (c) => {
    const code = c.charCodeAt(0);
    if (code <= 0x0669) return String(code - 0x0660);
    if (code >= 0x06f0) return String(code - 0x06f0);
    return c === '٬' ? ',' : c === '٫' ? '.' : '%';
  });
}

function parseNumber(raw: string, language: Language): number {
  if (language !== 'fr') return Number(raw.replace(/[, \u00A0\u202F]/gu, ''));
  // A dot before exactly 3 digits groups thousands (3.804); any other dot or comma is a decimal.
  return Number(raw.replace(/[ \u00A0\u202F]|\.(?=\d{3}(?!\d))/gu, '').replace(',', '.'));
}

function multiplier(word: string, language: Language): number {
  if (/^(?:million|ملايين|مليون)/iu.test(word)) return 1e6;
  if (/^(?:milliard|مليار)/iu.test(word)) return 1e9;
  if (/^billion/iu.test(word)) return language === 'fr' ? 1e12 : 1e9; // a French billion is 10¹²
  return 1e3;
}

type Token =
  | { type: 'year'; start: number; end: number; value: number; since: boolean }
  | {
      type: 'fact';
      start: number;
      end: number;
      value: number;
      kind: FactKind;
      unit: string | null;
      qualifier: FactQualifier | null;
    };

/** The figures and years of one text; numbers that are neither are dropped. */
function tokenize(text: string, language: Language): Token[] {
  const w = western(text);
  const tokens: Token[] = [];
  for (const m of w.matchAll(language === 'fr' ? FR_NUMBER : language === 'ar' ? AR_NUMBER : EN_NUMBER)) {
    let start = m.index;
    let end = start + m[0].length;
    // The rules only look at the words around a number: a window keeps long answers linear.
    let before = w.slice(Math.max(0, start - WINDOW), start);
    let rest = w.slice(end, end + WINDOW);
    if ((NAME_BEFORE.test(before) && !ARABIC_PREFIX.test(before)) || NUMERO_BEFORE.test(before)) continue;
    if (/^\p{L}/u.test(rest)) continue; // ordinals and codes: 8ème, 1er, 3rd, 10h
    let value = parseNumber(m[0], language);
    let kind: FactKind = 'count';
    let unit: string | null = null;
    const percent = PERCENT_AFTER.exec(rest);
    const arabicPercent = language === 'ar' ? /%\s?$/u.exec(before) : null; // ٪٩٠
    const multiplied = MULTIPLIER_AFTER.exec(rest);
    if (percent ?? arabicPercent) {
      kind = 'percent';
      if (percent?.[0].includes('%')) end += percent[0].length;
      else if (arabicPercent) start -= arabicPercent[0].length;
      before = w.slice(Math.max(0, start - WINDOW), start);
    } else if (multiplied) {
      value *= multiplier(multiplied[1] ?? '', language);
      rest = rest.slice(multiplied[0].length);
    }
    const currencyAfter = kind === 'count' ? CURRENCY_AFTER.exec(rest) : null;
    const currencyBefore = kind === 'count' && !currencyAfter ? CURRENCY_BEFORE.exec(before) : null;
    const currency = currencyAfter ?? currencyBefore;
    if (currency) {
      kind = 'amount';
      unit = currency[1] ?? null;
      if (currencyBefore) before = before.slice(0, currencyBefore.index); // « plus de USD 2 millions »
    }
    const qualifier = QUALIFIERS.find(([re]) => re.test(before))?.[1] ?? null;
    // A bare 4-digit number from 1900 to 2100 is a year, unless something says it counts.
    const yearLike = /^\d{4}$/u.test(m[0]) && value >= 1900 && value <= 2100;
    if (yearLike && kind === 'count' && !multiplied && !qualifier) {
      tokens.push({ type: 'year', start, end, value, since: SINCE_BEFORE.test(before) });
      continue;
    }
    if (JOINED.before.test(before) || JOINED.after.test(rest)) continue; // 14-27, 5 + 5
    const integer = Number.isInteger(value) && !multiplied;
    if (integer && value >= 1 && value <= 31 && (DAY_AFTER.test(rest) || DAY_BEFORE.test(before))) continue;
    if (kind === 'count') {
      const word = /^\s*([\p{L}\p{M}]+)/u.exec(rest)?.[1]?.toLowerCase();
      unit = word !== undefined && !NOT_UNITS.has(word) ? word : null;
    }
    tokens.push({ type: 'fact', start, end, value, kind, unit, qualifier });
  }
  return tokens;
}

/** Sentence spans: a run of . ! ? ؟ followed by a space ends one (3.804 has no space after its dot). */
function sentences(text: string): { start: number; end: number }[] {
  const spans: { start: number; end: number }[] = [];
  let start = 0;
  for (const m of text.matchAll(/[.!?؟]+(?=\s|$)/gu)) {
    if (m[0] === '.' && ABBREVIATION.test(text.slice(start, m.index))) continue;
    spans.push({ start, end: m.index + m[0].length });
    start = m.index + m[0].length;
  }
  if (start < text.length) spans.push({ start, end: text.length });
  return spans;
}

interface Dating {
  start: number;
  end: number;
  from: number;
  to: number | null;
  since: boolean;
}

/** The years of a sentence as datings: two years joined by « - », « et », « à »… make one range. */
function datings(years: Extract<Token, { type: 'year' }>[], text: string): Dating[] {
  const out: Dating[] = [];
  for (let i = 0; i < years.length; i++) {
    const year = years[i];
    if (!year) continue;
    const next = years[i + 1];
    if (next && next.value > year.value && RANGE_BETWEEN.test(text.slice(year.end, next.start))) {
      out.push({ start: year.start, end: next.end, from: year.value, to: next.value, since: false });
      i++;
    } else out.push({ start: year.start, end: year.end, from: year.value, to: null, since: year.since });
  }
  return out;
}

/**
 * The period of a figure: the closest dating before it in its sentence (« Au cours de l'année
 * 2020, 111 réseaux »), else the first one after it (« 111 networks in 2020 ») unless that one is
 * a « since », which opens another clause (« 414 migrants …, sachant que depuis 2004, 33.443 »).
 * « depuis 2002 » runs to the latest year the answer mentions (« 2002/2020 »), else stays open.
 */
function periodOf(at: number, found: Dating[], latest: number): string | null {
  const dating = found.filter((d) => d.end <= at).pop() ?? found.find((d) => d.start >= at && !d.since);
  if (!dating) return null;
  if (dating.to !== null) return `${dating.from}/${dating.to}`;
  if (dating.since) return `${dating.from}/${latest > dating.from ? latest : ''}`;
  return String(dating.from);
}

export function extractFacts(questionId: string, blocks: Block[], language: Language): Fact[] {
  const texts = locate(blocks).map((t) => ({ ...t, tokens: tokenize(t.text, language) }));
  // « depuis 2002 » runs to the latest year the whole answer mentions.
  const latest = Math.max(0, ...texts.flatMap((t) => t.tokens.filter((k) => k.type === 'year').map((k) => k.value)));
  const facts: Fact[] = [];
  for (const { block, text, tokens } of texts) {
    for (const sentence of sentences(text)) {
      const inside = tokens.filter((k) => k.start >= sentence.start && k.start < sentence.end);
      const years = inside.filter((k) => k.type === 'year');
      const found = datings(years, text);
      for (const k of inside) {
        if (k.type !== 'fact') continue;
        const { value, kind, unit, qualifier, start, end } = k;
        const period = periodOf(start, found, latest);
        const quote = text.slice(sentence.start, sentence.end).trim();
        facts.push({ value, kind, unit, qualifier, period, questionId, quote, position: { block, start, end } });
      }
    }
  }
  return facts;
}
