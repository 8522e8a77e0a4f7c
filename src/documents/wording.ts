import type { Multilingual } from '../domain/language.js';

/**
 * Finding the questionnaire's wordings in a document's lines (import-text.ts): wordings are
 * compared compact (no whitespace, case or apostrophe variants), in any of their languages.
 */

/** Form used to compare wordings: without whitespace, case or apostrophe variants. */
export function compact(text: string): string {
  return text.normalize('NFC').replace(/\s+/gu, '').replace(/[’‘]/gu, "'").toLowerCase();
}

/** A wording stored with its letter (« a) Est-ce … ») without it. */
const withoutLetter = (text: string): string => text.replace(/^\(?\p{L}[.)]\s*/u, '');

/** Compacted wordings, computed once per wording: every line of a document is checked against them. */
const compactWordings = new Map<string, string>();
function compactWording(text: string): string {
  let compacted = compactWordings.get(text);
  if (compacted === undefined) {
    compacted = compact(withoutLetter(text));
    compactWordings.set(text, compacted);
  }
  return compacted;
}

/** Whether a line opens with a known wording; `compactLine` when the caller has it already. */
export function beginsWith(line: string, texts: Multilingual, length: number, compactLine = compact(line)): boolean {
  const start = compactLine;
  return Object.values(texts).some((text) => {
    const known = compactWording(text).slice(0, length);
    return known !== '' && start.startsWith(known);
  });
}

/**
 * Follows a known wording (in any of its languages) line by line. `feed` says how many
 * characters of the line continue the wording (the whole line, or only its start when the
 * wording ends mid-line) and whether the wording is then complete; null when the line does
 * not continue any known wording.
 */
export class WordingMatcher {
  private seen = '';
  private readonly known: string[];

  constructor(texts: Multilingual) {
    // A wording stored with its letter (« a) Est-ce … ») must still match the line's rest.
    this.known = Object.values(texts)
      .map((t) => compactWording(t))
      .filter((t) => t !== '');
  }

  feed(line: string): { take: number; done: boolean } | null {
    const next = this.seen + compact(line);
    if (this.known.some((k) => k.startsWith(next))) {
      this.seen = next;
      return { take: line.length, done: this.known.includes(next) };
    }
    const ended = this.known.find((k) => k.startsWith(this.seen) && next.startsWith(k));
    if (ended === undefined) return null;
    let missing = ended.length - this.seen.length;
    let take = 0;
    for (const ch of line) {
      if (missing <= 0) break;
      missing -= compact(ch).length;
      take += ch.length;
    }
    this.seen = ended;
    return { take, done: true };
  }
}
