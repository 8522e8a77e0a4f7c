import type { Kysely } from 'kysely';
import * as catalogue from '../db/queries/catalogue.js';
import * as citations from '../db/queries/citations.js';
import * as syntheses from '../db/queries/syntheses.js';
import * as versions from '../db/queries/synthesis-versions.js';
import type { Database } from '../db/schema.js';
import { htmlToPdf } from '../documents/export-pdf.js';
import { synthesisDocx } from '../documents/synthesis-docx.js';
import { printableSynthesis } from '../documents/synthesis-html.js';
import {
  numberNotes,
  type PrintableSynthesis,
  type SynthesisNote,
  type Translate,
} from '../documents/synthesis-notes.js';
import { PacteError } from '../domain/errors.js';
import { pick } from '../domain/language.js';
import { can, type Actor } from '../domain/permissions.js';
import { EMPTY_SYNTHESIS } from '../domain/synthesis.js';
import { translate } from '../i18n/index.js';
import { recordAudit } from './audit.js';
import { visibleCycle } from './cycle-settings.js';
import { MEDIA_TYPES, type ExportedFile, type ExportProgress } from './export-review.js';
import { synthesisFigures } from './synthesis-figures.js';

export const SYNTHESIS_FORMATS = ['docx', 'pdf'] as const;
export type SynthesisFormat = (typeof SYNTHESIS_FORMATS)[number];

/**
 * What a reader gets of a synthesis (exports, the public cycle page):
 *   - the region's secretariat and translators (synthesis.read), without `version`: the DRAFT as
 *     it is now, every citation as a note (its submission's date) and live figures (submissions);
 *   - anyone, with `version` or when they may not read the draft: a published VERSION as it was
 *     published — its notes the citations quotable then, its figures frozen. No version: to
 *     whoever may not read the draft the synthesis does not exist (`synthesis.not_found`).
 */
export async function readableSynthesis(
  db: Kysely<Database>,
  actor: Actor | null,
  target: { cycle: string; id: number; version?: number | undefined },
): Promise<PrintableSynthesis> {
  const cycle = await visibleCycle(db, actor, target.cycle);
  const synthesis = await syntheses.findSynthesis(db, cycle.id, target.id);
  const notFound = () => new PacteError('synthesis.not_found', { cycle: cycle.id, synthesis: target.id });
  if (!synthesis) throw notFound();
  const common = { title: synthesis.title, language: synthesis.language, synthetic: cycle.synthetic };
  const cycleTitle = pick(cycle.title, synthesis.language);
  if (target.version === undefined && can(actor, 'synthesis.read', { region: cycle.regionId })) {
    const current = await syntheses.findRevision(db, synthesis.id);
    const document = current?.document ?? EMPTY_SYNTHESIS;
    const rows = await citations.listCitations(db, synthesis.id);
    const names = await catalogue.countryNames(db, [...new Set(rows.map((r) => r.country))]);
    const found = new Map<number, Omit<SynthesisNote, 'number'>>();
    for (const row of rows) {
      const answer = await citations.submittedAnswer(db, {
        country: row.country,
        cycle: cycle.id,
        questionId: row.questionId,
        number: row.submissionNumber,
      });
      found.set(row.id, {
        citation: row.id,
        text: row.passage.text,
        country: row.country,
        countryName: pick(names.get(row.country)?.name ?? {}, synthesis.language),
        questionId: row.questionId,
        date: answer?.submittedAt ?? row.createdAt,
        basis: 'submission',
        link: null,
      });
    }
    const figures = await synthesisFigures(db, actor, {
      cycle: cycle.id,
      document,
      language: synthesis.language,
      frozen: true, // drawn now: an export holds its charts
    });
    return {
      ...common,
      cycleTitle,
      status: { kind: 'draft', at: new Date() },
      document,
      notes: numberNotes(document, found),
      figures,
    };
  }
  const version = await versions.findVersion(db, synthesis.id, target.version);
  if (!version) {
    if (target.version !== undefined && can(actor, 'synthesis.read', { region: cycle.regionId }))
      throw new PacteError('synthesis.version_not_found', { synthesis: synthesis.id, version: target.version });
    throw notFound();
  }
  return printableVersion(version, { cycleTitle, synthetic: cycle.synthetic });
}

/** A published version as it was published (stored citations and frozen figures). */
export function printableVersion(
  version: versions.SynthesisVersionRow,
  frame: { cycleTitle: string; synthetic: boolean },
): PrintableSynthesis {
  const found = new Map<number, Omit<SynthesisNote, 'number'>>();
  for (const c of version.citations) {
    if (c.withheld) continue;
    found.set(c.id, {
      citation: c.id,
      text: c.text,
      country: c.country,
      countryName: pick(c.countryName, version.language),
      questionId: c.questionId,
      date: c.date,
      basis: c.basis,
      link: c.link,
    });
  }
  return {
    title: version.title,
    language: version.language,
    cycleTitle: frame.cycleTitle,
    synthetic: frame.synthetic,
    status: { kind: 'version', version: version.version, publishedAt: version.publishedAt },
    document: version.document,
    notes: numberNotes(version.document, found),
    figures: version.figures,
  };
}

/**
 * Exports a synthesis as DOCX or PDF (the export job's worker, run-export-jobs.ts, with the
 * requester's rights as they are then). Audited (`synthesis.export`).
 */
export async function exportSynthesis(
  db: Kysely<Database>,
  actor: Actor | null,
  request: { cycle: string; id: number; format: string; version?: number | undefined },
  progress: ExportProgress = () => {},
): Promise<ExportedFile> {
  if (!(SYNTHESIS_FORMATS as readonly string[]).includes(request.format))
    throw new PacteError('export.unsupported_format', {
      format: request.format,
      formats: SYNTHESIS_FORMATS.join(', '),
    });
  const format = request.format as SynthesisFormat;
  const printable = await readableSynthesis(db, actor, request);
  await progress(30);
  const t: Translate = (key, params = {}) => translate(printable.language, 'ui', key, params);
  const bytes =
    format === 'docx'
      ? await synthesisDocx(printable, t)
      : await htmlToPdf(printableSynthesis(printable, t), {
          language: printable.language,
          header: `${printable.title} — ${printable.cycleTitle}`,
          page: { label: t('export.page'), of: t('export.page_of') },
        });
  await progress(90);
  const which = printable.status.kind === 'draft' ? 'draft' : `v${printable.status.version}`;
  await recordAudit(db, actor, 'synthesis.export', {
    cycle: request.cycle,
    details: { synthesis: request.id, format, version: which },
  });
  return {
    bytes,
    mediaType: MEDIA_TYPES[format],
    fileName: `${request.cycle}-synthesis-${request.id}-${which}-${printable.language}.${format}`,
  };
}
