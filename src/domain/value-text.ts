import { picked, pickedIds, type AnswerValue } from './answer-value.js';
import type { Block } from './blocks.js';
import { pick, type Language, type Multilingual } from './language.js';
import { formatNumber } from './locale-format.js';
import { kindOf, type Question, type QuestionKind } from './questionnaire.js';
import type { ReviewQuestion } from './review.js';

/**
 * How a typed value (src/domain/answer-value.ts) is written in a document, and read back from one:
 * the one place for both, so that an exported review or a filled blank questionnaire imports to
 * the value it shows.
 *
 * - choices: one line per option, « ☒ label » ticked, « ☐ label » not;
 * - objectives / principles: « ☒ 7. title », « ☒ c) title » (exports list the ticked ones, the
 *   blank all of them with ☐); read back by number or letter first, then by title in fr/en/ar;
 * - number: « Valeur : 4 500 personnes », « Value: 4,500 people », « القيمة: 4,500 شخص ».
 *
 * Reading accepts what Word and LibreOffice users type to tick a box: ☒ ☑ ✓ ✔ ✗ ✘ x X [x] (x),
 * and a box's line whose glyph the parser took as a list marker (✓ opens a list item).
 */

export const TICKED = '☒';
export const EMPTY = '☐';

/** The catalogue's names the lines need (documents load nothing themselves). */
export interface ValueNames {
  objectives: readonly { number: number; title: Multilingual }[];
  principles: readonly { key: string; letter: string; title: Multilingual }[];
}

/** The label of a number's line, per language (its colon as the language writes it). */
export const NUMBER_LABEL: Record<Language, string> = { fr: 'Valeur :', en: 'Value:', ar: 'القيمة:' };

/** One option a question offers: its id (as the value names it), its mark (« 7. », « c) ») and its label. */
export interface ValueLineOption {
  id: string | number;
  mark: string;
  label: Multilingual;
}

/** The options; without the catalogue's names, objectives by number alone and principles by key. */
function optionsOf(question: Question, names: ValueNames, ids: readonly (string | number)[] = []): ValueLineOption[] {
  switch (kindOf(question)) {
    case 'single_choice':
    case 'multiple_choice':
      return (question.choices ?? []).map((c) => ({ id: c.id, mark: '', label: c.label }));
    case 'objectives':
      return names.objectives.length > 0
        ? names.objectives.map((o) => ({ id: o.number, mark: `${o.number}.`, label: o.title }))
        : ids.map((n) => ({ id: n, mark: `${n}.`, label: {} }));
    case 'principles':
      return names.principles.length > 0
        ? names.principles.map((p) => ({ id: p.key, mark: `${p.letter})`, label: p.title }))
        : ids.map((key) => ({ id: key, mark: '', label: { en: String(key) } }));
    default:
      return [];
  }
}

const optionLine = (option: ValueLineOption, ticked: boolean, language: Language): string =>
  `${ticked ? TICKED : EMPTY} ${option.mark} ${pick(option.label, language)}`.replace(/\s+/gu, ' ').trim();

/**
 * The lines that show `value` in a document in `language`. `blank`: the empty questionnaire's
 * lines (every option with ☐, « Valeur : ____ unit »). An export of a question with no value has
 * no value lines, so a review of free-text answers reads as before.
 */
export function valueLines(
  question: Question,
  value: AnswerValue | null | undefined,
  language: Language,
  names: ValueNames,
  blank = false,
): string[] {
  const unit = question.unit ? pick(question.unit, language) : '';
  return linesOf(kindOf(question), optionsOf(question, names, picked(value)), value, unit, language, blank);
}

/**
 * The same lines from options already known (side by side has them, in the reader's language):
 * every option of a choice question, ticked or not (the reader sees what was not chosen); the
 * ticked ones only of the 23 objectives and 10 principles; a number with its unit.
 */
export function linesOf(
  kind: QuestionKind,
  options: readonly ValueLineOption[],
  value: AnswerValue | null | undefined,
  unit: string,
  language: Language,
  blank = false,
): string[] {
  if (kind === 'text') return [];
  const after = unit ? ` ${unit}` : '';
  if (kind === 'number') {
    if (blank) return [`${NUMBER_LABEL[language]} ____${after}`];
    if (!value || !('number' in value)) return [];
    return [`${NUMBER_LABEL[language]} ${formatNumber(value.number, language)}${after}`];
  }
  if (blank) return options.map((o) => optionLine(o, false, language));
  const ids = pickedIds(value);
  if (ids.length === 0) return [];
  const ticked = (o: ValueLineOption) => ids.includes(String(o.id));
  const shown = kind === 'objectives' || kind === 'principles' ? options.filter(ticked) : options;
  return shown.map((o) => optionLine(o, ticked(o), language));
}

/** A box at a line's start: group 1 the tick (empty: not ticked), group 2 the rest. */
const BOX = /^\s*(?:([☒☑✓✔✗✘])|☐|\[\s*([xX✓✔☒]?)\s*\]|\(\s*([xX✓✔☒]?)\s*\)|([xX])(?=\s))\s*(.*)$/u;

/** Text compared: NFC, no case, no whitespace, no punctuation, Eastern Arabic digits as Western. */
export function looseText(text: string): string {
  return westernDigits(text.normalize('NFC'))
    .toLowerCase()
    .replace(/[\s\p{P}\u0640]/gu, '');
}

/** ٠-٩ (Arabic-Indic) and ۰-۹ (Persian) as 0-9. */
export function westernDigits(text: string): string {
  return text.replace(/[٠-٩۰-۹]/gu, (d) => String(((d.codePointAt(0)! - 0x0660) % 0x90) % 10));
}

/** The option a line names: by its mark (number or letter) first, then by its label in any language. */
function matchOption(rest: string, options: readonly ValueLineOption[]): ValueLineOption | undefined {
  const text = westernDigits(rest.trim());
  const marked = /^(\d{1,2}|[a-zA-Z])\s*[.)\-–]\s*(.*)$/u.exec(text);
  if (marked) {
    const byMark = options.find((o) => o.mark !== '' && looseText(o.mark) === looseText(marked[1]!));
    if (byMark) return byMark;
  }
  const loose = looseText(text);
  if (loose === '') return undefined;
  return options.find((o) =>
    Object.values(o.label).some((label) => {
      const known = looseText(label);
      return known === loose || (o.mark !== '' && looseText(`${o.mark}${label}`) === loose);
    }),
  );
}

/**
 * A number as written in any of the three languages: spaces (also no-break), points, commas or
 * ٬ between thousands, a comma, point or ٫ before decimals, Eastern Arabic digits. A single
 * separator followed by exactly three digits separates thousands (« 4.500 », « 4,500 »).
 */
export function readNumber(written: string): number | null {
  const text = westernDigits(written).replace(/[\u00a0\u202f\u2009\s٬']/gu, ' ');
  const found = /[-−]?\d[\d ,.٫]*/u.exec(text);
  if (!found) return null;
  let digits = found[0].replace(/−/gu, '-').replace(/[ ]/gu, '').replace(/٫/gu, '.').replace(/[.,]$/u, '');
  const separators = digits.match(/[.,]/gu) ?? [];
  const last = Math.max(digits.lastIndexOf('.'), digits.lastIndexOf(','));
  if (separators.length > 0) {
    const kinds = new Set(separators);
    const decimal =
      kinds.size === 2 || (separators.length === 1 && (digits.length - last - 1 !== 3 || /^-?0[.,]/u.test(digits)))
        ? digits[last]
        : undefined;
    digits = [...digits].map((ch, i) => (ch === '.' || ch === ',' ? (i === last && decimal ? '.' : '') : ch)).join('');
  }
  const n = Number(digits);
  return Number.isFinite(n) && digits !== '' && digits !== '-' ? n : null;
}

const NUMBER_LINE = new RegExp(
  `^\\s*(?:${Object.values(NUMBER_LABEL)
    .map((l) => l.replace(/\s*:$/u, ''))
    .join('|')})\\s*[:：]\\s*(.*)$`,
  'iu',
);

/** What a line of an answer is, for the value: a box (ticked or not) of an option, a number, or neither. */
type ValueLine = { option: ValueLineOption; ticked: boolean | 'bare' } | { number: number | null } | null;

function classify(text: string, bare: boolean, question: Question, options: readonly ValueLineOption[]): ValueLine {
  if (kindOf(question) === 'number') {
    const line = NUMBER_LINE.exec(text);
    return line ? { number: readNumber(line[1] ?? '') } : null;
  }
  const box = BOX.exec(text);
  if (box) {
    const option = matchOption(box[5] ?? '', options);
    if (!option) return null;
    const tick = box[1] ?? box[2] ?? box[3] ?? box[4] ?? '';
    return { option, ticked: tick !== '' };
  }
  // A list item's text without its box: the parser took the box (☐, ✓ …) for the item's marker.
  if (bare) {
    const option = matchOption(text, options);
    return option ? { option, ticked: 'bare' } : null;
  }
  return null;
}

/**
 * Reads a typed question's value out of its answer's blocks, and gives the blocks without the
 * value's lines (nor the guidance note a blank questionnaire puts under the question, which the
 * parser reads as the answer's start). The value is in the shape `checkValue` expects (ids in
 * the question's order); null when no box is ticked and no number is written.
 */
export function readValue(
  question: Question,
  blocks: readonly Block[],
  names: ValueNames,
): { value: AnswerValue | null; blocks: Block[] } {
  const kind = kindOf(question);
  const guidance = Object.values(question.guidance ?? {})
    .map(looseText)
    .filter((g) => g !== '');
  const isGuidance = (text: string) => guidance.includes(looseText(text));
  if (kind === 'text') return { value: null, blocks: strip(blocks, (text) => isGuidance(text)) };

  const options = optionsOf(question, names);
  const boxes: { option: ValueLineOption; ticked: boolean | 'bare' }[] = [];
  let number: number | null = null;
  const rest = strip(blocks, (text, bare) => {
    if (isGuidance(text)) return true;
    // Boxes run together on one line (a PDF reader joins lines close together): one box each.
    const parts = text.split(/\s(?=[☒☐☑]\s)/u);
    if (parts.length > 1) {
      const lines = parts.map((part) => classify(part, false, question, options));
      if (lines.every((l) => l !== null && 'option' in l)) {
        boxes.push(...(lines as { option: ValueLineOption; ticked: boolean }[]));
        return true;
      }
    }
    const line = classify(text, bare, question, options);
    if (line === null) return false;
    if ('option' in line) boxes.push(line);
    else if (line.number !== null && number === null) number = line.number;
    return true;
  });
  // Which box a list marker took: ✓ when the other options still show ☐ (a Word reader takes a typed
  // ✓ for a bullet); ☐ when none shows ☐ (a PDF reader takes ☐ for a bullet, and keeps ☒).
  const bareTicked = boxes.some((b) => b.ticked === false);
  const ticked = new Set(boxes.filter((b) => (b.ticked === 'bare' ? bareTicked : b.ticked)).map((b) => b.option.id));
  if (kind === 'number') return { value: number === null ? null : { number }, blocks: rest };
  const ids = options.map((o) => o.id).filter((id) => ticked.has(id));
  if (ids.length === 0) return { value: null, blocks: rest };
  if (kind === 'objectives') return { value: { objectives: ids as number[] }, blocks: rest };
  if (kind === 'principles') return { value: { principles: ids as string[] }, blocks: rest };
  return { value: { choices: ids as string[] }, blocks: rest };
}

/**
 * The blocks without the lines `drop` takes (a paragraph's text, or a list item's: `bare` is true
 * for list items). A dropped list item's nested blocks stay, lifted to its place; emptied lists go.
 */
function strip(blocks: readonly Block[], drop: (text: string, bare: boolean) => boolean): Block[] {
  const out: Block[] = [];
  for (const block of blocks) {
    if (block.type === 'paragraph') {
      if (!drop(block.text, false)) out.push(block);
      continue;
    }
    const items: typeof block.items = [];
    const lifted: Block[] = [];
    for (const item of block.items) {
      const nested = strip(item.blocks, drop);
      if (drop(item.text, true)) lifted.push(...nested);
      else items.push({ text: item.text, blocks: nested });
    }
    if (items.length > 0) out.push({ ...block, items });
    out.push(...lifted);
  }
  return out;
}

/**
 * A question of the review JSON as the questionnaire's question, for documents that have only the
 * review (DOCX, CSV): its choices' labels are in the review's language, which `valueLines` then uses.
 */
export function asQuestion(question: ReviewQuestion, language: Language): Question {
  return {
    id: question.id,
    letter: question.id.split('.').pop() ?? '',
    text: { [language]: question.text },
    textStatus: {},
    ...(question.kind ? { kind: question.kind } : {}),
    ...(question.choices
      ? { choices: question.choices.map((c) => ({ id: c.id, label: { [language]: c.label } })) }
      : {}),
    ...(question.unit ? { unit: { [language]: question.unit } } : {}),
  };
}

/** The value lines of a review question's answer, in the review's language. */
export const answerValueLines = (question: ReviewQuestion, language: Language, names: ValueNames): string[] =>
  valueLines(asQuestion(question, language), question.answer.value, language, names);

/** No objectives or principles known: their lines then say the number or letter only. */
export const NO_NAMES: ValueNames = { objectives: [], principles: [] };
