import type { Kysely } from 'kysely';
import * as cycles from '../db/queries/cycles.js';
import * as publications from '../db/queries/publications.js';
import * as versions from '../db/queries/synthesis-versions.js';
import type { Database } from '../db/schema.js';
import { notesHtml, sourcesHtml, synthesisBody } from '../documents/synthesis-html.js';
import { statusLine } from '../documents/synthesis-notes.js';
import { html, type Html } from '../domain/html.js';
import { translate } from '../i18n/index.js';
import type { Cycle } from '../domain/cycles.js';
import { PacteError } from '../domain/errors.js';
import { pick, type Language, type Multilingual } from '../domain/language.js';
import { visibleCycle } from './cycle-settings.js';
import { printableVersion } from './export-synthesis.js';
import { getPortalFigures, type PortalFigures } from './get-portal-figures.js';

export interface PublicCycle {
  cycle: Cycle;
  regionName: Multilingual;
  /** The countries taking part, and the latest published version of each published review. */
  participants: number;
  published: publications.PublishedReview[];
  figures: PortalFigures;
  /** The latest published version of the synthesis shown (the reader's language if there is one). */
  synthesis: {
    id: number;
    version: number;
    title: string;
    language: Language;
    /** « Version 2 publiée le … », in the synthesis's language. */
    status: string;
    /** The version's text, its numbered notes (quoted words, source, link) and its sources. */
    html: Html;
  } | null;
  /** The other published editions: their language, to link to. */
  editions: { id: number; language: Language }[];
}

/**
 * The public page of a cycle (`/regions/{region}/cycles/{cycle}`, issue 14 item 5): only what the
 * public may know — how many countries take part and which PUBLISHED their review (the tracking
 * of submissions is the secretariat's: not shown), the figures and the objectives matrix of
 * published answers (getPortalFigures, no actor), and the latest published VERSION of the
 * synthesis, never its draft. A cycle the public cannot see, or of another region, is not found.
 */
export async function getPublicCycle(
  db: Kysely<Database>,
  target: { region: string; cycle: string },
  reader: Language,
): Promise<PublicCycle> {
  const cycle = await visibleCycle(db, null, target.cycle);
  if (cycle.regionId !== target.region) throw new PacteError('cycle.not_found', { cycle: target.cycle });
  const published = await publications.listPublished(db, cycle.id);
  const collator = new Intl.Collator(reader);
  published.sort((a, b) => collator.compare(pick(a.countryName, reader), pick(b.countryName, reader)));
  const list = await versions.publishedOfCycle(db, cycle.id);
  const shown = list.find((s) => s.language === reader) ?? list.find((s) => s.translationOf === null) ?? list[0];
  let synthesis: PublicCycle['synthesis'] = null;
  if (shown) {
    const version = await versions.findVersion(db, shown.synthesis);
    if (version) {
      const printable = printableVersion(version, {
        cycleTitle: pick(cycle.title, version.language),
        synthetic: cycle.synthetic,
      });
      // In the synthesis's own language (the page around it is in the reader's).
      const t = (key: string, params: Record<string, unknown> = {}) => translate(version.language, 'ui', key, params);
      synthesis = {
        id: shown.synthesis,
        version: version.version,
        title: version.title,
        language: version.language,
        status: statusLine(printable, t),
        html: html`${synthesisBody(printable, t, 's-')} ${notesHtml(printable, t, 's-', true)}
        ${sourcesHtml(printable, t, 's-', true)}`,
      };
    }
  }
  return {
    cycle,
    regionName: (await cycles.regionName(db, cycle.regionId)) ?? {},
    participants: cycle.countries.length,
    published,
    figures: await getPortalFigures(db, cycle.id, reader),
    synthesis,
    editions: list.filter((s) => s !== shown).map((s) => ({ id: s.synthesis, language: s.language })),
  };
}
