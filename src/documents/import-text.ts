import { blockTexts, normalizeText } from '../domain/blocks.js';
import type { Block } from '../domain/blocks.js';
import { PacteError } from '../domain/errors.js';
import type { Language } from '../domain/language.js';
import type { Question, Questionnaire, QuestionnaireSection } from '../domain/questionnaire.js';
import { detectLanguage } from './detect-language.js';
import { questionLetter, sectionNumeral } from './numbering.js';
import type { SourceLine } from './source-lines.js';
import { AnswerBuilder, join } from './answer-builder.js';
import { WordingMatcher, beginsWith, compact } from './wording.js';

/**
 * Parser for the plain text of a country review, as extracted from a PDF of the two-column
 * table « Questions | Réponses »: every line wrapped, blank lines between lines, page-break
 * lines starting with spaces, and the table header repeated on each page. The questionnaire
 * tells which section numerals and question letters exist and how each question is worded,
 * which is how we know where a question stops and its answer starts (and where it starts, in a
 * document that gives its questions no letters). Numerals and letters may be written in Arabic
 * (numbering.ts).
 *
 * The same parser reads structured documents (Word): their reader hands over lines that say
 * where paragraphs start and which are list items at which level (SourceLine), and those facts
 * replace the guesses made from plain text (wrapped lines, nesting by marker kind).
 */

export interface ParsedQuestion {
  id: string;
  /** The question's wording as found in the document. */
  sourceText: string;
  blocks: Block[];
}

export interface ParsedDocument {
  language: Language;
  title: string | null;
  questions: ParsedQuestion[];
  unmatched: string[];
}

/** The table header repeated at the top of each page, in the three languages. */
const HEADER = /^(?:questions?\s+(?:réponses?|answers?)|الأسئلة\s+الإجابات)$/iu;
/** A number or letter numbering a question in a way the questionnaire does not: `1.`, `(iv)`, `B-`. */
const UNKNOWN_MARKER = /^(?:\(?[\p{L}\d٠-٩]{1,3}\s?[.)\-–]|[▪•●◦✓✔\-–*])\s*/u;

/** Joins a line that may be a whole paragraph: paragraphs are not wrapped, so never glued. */
function joinLine(text: string, line: SourceLine): string {
  if (!line.paragraph) return join(text, line.text);
  return text === '' ? line.text : `${text} ${line.text}`;
}

/** How much of a question's wording (compared compact) a line without its letter must start with. */
const WORDING_PREFIX = 40;
/** How much of a section's title must follow an ordinal where answers also enumerate with them. */
const TITLE_PREFIX = 20;

/** A question mark in Latin or Arabic script (or a colon) ends a wording written as a paragraph. */
const WORDING_END = /[?؟:]$/u;

interface OpenQuestion {
  id: string;
  wording: string;
  /** Following the known wording; null once it is complete (or could not be followed). */
  matcher: WordingMatcher | null;
  /** The document's wording differs from ours: it runs until the first list item. */
  fallback: boolean;
  /** The question's paragraph is bold (structured documents only): a plain paragraph then starts the answer. */
  strong: boolean;
  answer: AnswerBuilder;
}

export function parseReviewText(text: string, questionnaire: Questionnaire): ParsedDocument {
  return parseReviewLines(
    text.split(/\r\n|\r|\n/u).map((line) => ({ text: line })),
    questionnaire,
  );
}

/**
 * Parses the lines of a review: plain-text lines (markers recognised in the text, wrapped lines
 * joined), or lines of a structured document that give paragraph starts and list levels.
 */
export function parseReviewLines(source: readonly SourceLine[], questionnaire: Questionnaire): ParsedDocument {
  const lines = source.map((line) => ({ ...line, text: normalizeText(line.text) })).filter((line) => line.text !== '');
  if (lines.length === 0) throw new PacteError('import.empty_file');

  const sections = questionnaire.sections;
  let section: QuestionnaireSection | null = null;
  let sectionTitle: WordingMatcher | null = null; // a section title may wrap onto the next lines
  let lastLetter = -1; // index of the previous question found in the current section
  let enumerating = false; // the current section's answers number their points أولاً، ثانياً …
  let title = '';
  let stray = '';
  const unmatched: string[] = [];
  const questions: OpenQuestion[] = [];
  let current: OpenQuestion | null = null;

  const flushStray = (): void => {
    if (stray !== '') unmatched.push(stray);
    stray = '';
  };

  const sectionAt = (line: string): { section: QuestionnaireSection; rest: string } | null => {
    const m = sectionNumeral(line);
    const index = m ? sections.findIndex((s) => s.id === m.id) : -1;
    const found = sections[index];
    // Only a later section counts: a numeral at the start of an answer line stays text.
    if (!m || !found || (section && index <= sections.indexOf(section))) {
      if (m?.ordinal && section) enumerating = true;
      return null;
    }
    // Where answers enumerate « أولاً … ثانياً », an ordinal heads a section only before its title.
    if (m.ordinal && enumerating && !beginsWith(m.rest, found.title, TITLE_PREFIX)) return null;
    return { section: found, rest: m.rest };
  };

  const found = (index: number, rest: string): { question: Question; rest: string } | null => {
    const question = section?.questions[index];
    if (!question) return null;
    lastLetter = index;
    return { question, rest };
  };

  const questionAt = (line: string): { question: Question; rest: string } | null => {
    const m = questionLetter(line);
    const index = m && section ? section.questions.findIndex((q) => q.letter === m.letter) : -1;
    // Documents may skip questions, but letters never go back: « b) » after « d) » is text.
    return m && index > lastLetter ? found(index, m.rest) : null;
  };

  /** A line starting with the wording of a later question (in any language): that question, without letter. */
  const questionByWording = (line: string): { question: Question; rest: string } | null => {
    const bare = line.replace(UNKNOWN_MARKER, '');
    const [compactLine, compactBare] = [compact(line), compact(bare)];
    for (const [index, q] of (section?.questions ?? []).entries()) {
      if (index <= lastLetter) continue;
      if (beginsWith(line, q.text, WORDING_PREFIX, compactLine)) return found(index, line);
      if (beginsWith(bare, q.text, WORDING_PREFIX, compactBare)) return found(index, bare);
    }
    return null;
  };

  /** Continues the open question's known wording; false when the line is not part of it. */
  const continueWording = (q: OpenQuestion, line: SourceLine): boolean => {
    const r = q.matcher?.feed(line.text);
    if (!r) {
      // The document words the question differently: it then runs until the first list item.
      if (q.matcher) [q.matcher, q.fallback] = [null, true];
      return false;
    }
    q.wording = join(q.wording, line.text.slice(0, r.take).trim());
    if (r.done) q.matcher = null;
    const rest = line.text.slice(r.take).trim(); // the answer may start on the wording's last line
    if (rest !== '') q.answer.add({ ...line, text: rest });
    return true;
  };

  const answerLine = (q: OpenQuestion, line: SourceLine): void => {
    // A differently worded question goes on until the first list item; when written as
    // paragraphs, also until a paragraph that follows a wording ending like a question.
    const wordingGoesOn =
      q.fallback &&
      !line.list &&
      q.answer.marker(line.text) === null &&
      !(line.paragraph && WORDING_END.test(q.wording)) &&
      !(line.paragraph && q.strong && line.strong === false);
    if (wordingGoesOn) q.wording = joinLine(q.wording, line);
    else {
      q.fallback = false;
      q.answer.add(line);
    }
  };

  const open = (start: { question: Question; rest: string }, line: SourceLine): void => {
    flushStray();
    const q: OpenQuestion = {
      id: start.question.id,
      wording: '',
      matcher: new WordingMatcher(start.question.text),
      fallback: false,
      strong: line.strong === true,
      answer: new AnswerBuilder(),
    };
    questions.push(q);
    current = q;
    const rest = { ...line, text: start.rest, list: undefined };
    if (start.rest !== '' && !continueWording(q, rest)) answerLine(q, rest);
  };

  const handle = (line: SourceLine): void => {
    const text = line.text;
    if (HEADER.test(text)) return; // also when left over after a heading on the same line
    if (sectionTitle) {
      const r = sectionTitle.feed(text);
      if (!r || r.done) sectionTitle = null;
      if (r) {
        const rest = text.slice(r.take).trim();
        if (rest !== '') handle({ ...line, text: rest });
        return;
      }
    }
    if (current && line.list) {
      // A list item of a structured document is answer, never wording, heading or question,
      // unless it starts with a later question's wording (questions numbered by Word).
      const start = questionByWording(text);
      if (start) return open(start, line);
      current.matcher = null;
      answerLine(current, line);
      return;
    }
    // While the known wording goes on, a line belongs to it even if it looks like a heading.
    if (current && continueWording(current, line)) return;
    const heading = sectionAt(text);
    if (heading) {
      flushStray();
      section = heading.section;
      lastLetter = -1;
      enumerating = false;
      current = null;
      sectionTitle = new WordingMatcher(section.title);
      // Follow the title onto the next lines only if this line holds its start (or nothing).
      if (heading.rest !== '' && sectionTitle.feed(heading.rest)?.done !== false) sectionTitle = null;
      return;
    }
    if (current && (line.indent ?? 1) > 0 && current.answer.continuesLetters(text)) {
      // « b. » after « a. » in an answer goes on its list, unless a later question is worded there.
      const start = questionByWording(text);
      return start ? open(start, line) : answerLine(current, line);
    }
    const start = questionAt(text) ?? questionByWording(text);
    if (start) return open(start, line);
    if (!section) title = joinLine(title, line);
    else if (!current) stray = joinLine(stray, line);
    else answerLine(current, line);
  };

  for (const line of lines) handle(line);
  flushStray();

  if (questions.length === 0) throw new PacteError('import.not_a_review', { questionnaire: questionnaire.id });
  const parsed = questions.map((q) => ({ id: q.id, sourceText: normalizeText(q.wording), blocks: q.answer.blocks }));
  const answers = parsed.flatMap((q) => blockTexts(q.blocks)).join(' ');
  return {
    language:
      detectLanguage(answers) ?? detectLanguage(lines.map((l) => l.text).join('\n')) ?? questionnaire.sourceLanguage,
    title: normalizeText(title) || null,
    questions: parsed,
    unmatched,
  };
}
