import type { Language } from '../domain/language.js';
import { formatDate } from '../domain/locale-format.js';
import { citedIds, type SynthesisDocument } from '../domain/synthesis.js';
import type { FigureData } from '../domain/synthesis-figures.js';

/**
 * A synthesis as its exports and the public page write it (issue 14, item 5): the document, a
 * note for each citation the reader may read — numbered 1, 2, … in the order the text first cites
 * them — and the figures with their charts. A citation the reader may not read (withheld from the
 * public) has no note: its mark is left out, so nothing of it shows.
 */
export interface SynthesisNote {
  citation: number;
  number: number;
  text: string;
  country: string;
  countryName: string;
  questionId: string;
  /** The submission's date (the draft; an approved quotation) or the version's publication. */
  date: Date | string;
  basis: 'submission' | 'published' | 'approved';
  /** The published review to read the passage in (never a submission), or null. */
  link: string | null;
}

export interface PrintableSynthesis {
  title: string;
  language: Language;
  cycleTitle: string;
  synthetic: boolean;
  /** The draft as of a date, or a published version. */
  status: { kind: 'draft'; at: Date } | { kind: 'version'; version: number; publishedAt: Date | string };
  document: SynthesisDocument;
  notes: Map<number, SynthesisNote>;
  figures: FigureData[];
}

export type Translate = (key: string, params?: Record<string, unknown>) => string;

/** The messages by kind of source (literal keys: the i18n usage test finds them). */
const NOTE = {
  submission: 'synthesisExport.note_submission',
  approved: 'synthesisExport.note_approved',
  published: 'synthesisExport.note_published',
} as const;
const SOURCE = {
  submission: 'synthesisExport.source_submission',
  approved: 'synthesisExport.source_approved',
  published: 'synthesisExport.source_published',
} as const;
const FIGURE_SOURCE = {
  submission: 'synthesisExport.figure_source_submission',
  published: 'synthesisExport.figure_source_published',
} as const;

/** Numbers the notes in reading order; citations without a note (withheld) are skipped. */
export function numberNotes(
  document: SynthesisDocument,
  found: ReadonlyMap<number, Omit<SynthesisNote, 'number'>>,
): Map<number, SynthesisNote> {
  const out = new Map<number, SynthesisNote>();
  for (const id of citedIds(document)) {
    const note = found.get(id);
    if (note) out.set(id, { ...note, number: out.size + 1 });
  }
  return out;
}

/** « Maroc, question I.a, soumission du 3 mars 2026 : « … » »: the note's text. */
export function noteText(note: SynthesisNote, language: Language, t: Translate): string {
  return t(NOTE[note.basis], {
    country: note.countryName || note.country,
    question: note.questionId,
    date: formatDate(note.date, language),
    // Isolated (FSI … PDI): words quoted in another direction than the note's keep their order.
    text: `\u2068${note.text}\u2069`,
  });
}

/** The list of sources: each country's sources once (country, kind, date), by country then date. */
export function sourceLines(
  notes: ReadonlyMap<number, SynthesisNote>,
  language: Language,
  t: Translate,
): { text: string; link: string | null }[] {
  const seen = new Map<string, { text: string; link: string | null; order: string }>();
  for (const note of notes.values()) {
    const date = formatDate(note.date, language);
    const key = `${note.country} ${note.basis} ${date} ${note.link ?? ''}`;
    if (seen.has(key)) continue;
    const text = t(SOURCE[note.basis], { country: note.countryName || note.country, date });
    seen.set(key, { text, link: note.link, order: `${note.countryName} ${new Date(note.date).toISOString()}` });
  }
  const collator = new Intl.Collator(language);
  return [...seen.values()]
    .sort((a, b) => collator.compare(a.order, b.order))
    .map(({ text, link }) => ({ text, link }));
}

/** « Chiffres au 6 décembre 2026, d'après les réponses publiées » under a figure. */
export function figureDate(figure: FigureData, language: Language, t: Translate): string {
  return t('synthesisExport.figure_date', {
    date: formatDate(figure.computedAt, language),
    source: t(FIGURE_SOURCE[figure.source]),
  });
}

/** The status line under the title: « Projet au … » or « Version n publiée le … ». */
export function statusLine(synthesis: PrintableSynthesis, t: Translate): string {
  const { status, language } = synthesis;
  return status.kind === 'draft'
    ? t('synthesisExport.draft', { date: formatDate(status.at, language) })
    : t('synthesisExport.version', { version: status.version, date: formatDate(status.publishedAt, language) });
}
