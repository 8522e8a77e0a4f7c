import type { Static } from '@sinclair/typebox';
import type { Multilingual } from '../../domain/language.js';
import type { Actor } from '../../domain/permissions.js';
import type { PracticeDetail, PracticeWithTranslations } from '../../services/list-practices.js';
import { canSeePractice, mayEdit, offeredMoves } from '../../services/practice-access.js';
import type { Practice as PracticeSchema } from '../routes/practices/schema.js';

type PracticeOut = Static<typeof PracticeSchema>;

export interface PracticeNames {
  country: (code: string) => Multilingual;
  author: (author: string) => string;
}

/**
 * A practice as the API gives it: its countries named, what the caller may do with it now, its
 * translations by their translators' names; its history only to whoever may read it unpublished
 * (the country's team, the region's secretariat), and the cited passage's link to a published
 * review only when one still says it.
 */
export function presentPractice(
  p: PracticeWithTranslations | PracticeDetail,
  actor: Actor | null,
  names: PracticeNames,
): PracticeOut {
  const detail = 'moves' in p ? p : null;
  const insider = canSeePractice(actor, { ...p, state: 'proposed' });
  const source = p.source?.source.kind === 'submission' ? p.source : null;
  return {
    id: p.id,
    cycle: p.cycle,
    region: p.region,
    country: p.country,
    countries: p.countries.map((code) => ({ code, name: names.country(code) })),
    language: p.language,
    state: p.state,
    version: p.version,
    title: p.title,
    summary: p.summary,
    description: p.description,
    results: p.results,
    innovation: p.innovation,
    lessons: p.lessons,
    sustainability: p.sustainability,
    scope: p.scope,
    implementing: p.implementing,
    partners: p.partners,
    period: p.period,
    objectives: p.objectives,
    principles: p.principles,
    stakeholders: p.stakeholders,
    links: p.links,
    contact: p.contact,
    source:
      source && source.source.kind === 'submission'
        ? {
            country: source.source.country,
            cycle: source.source.cycle,
            number: source.source.number,
            questionId: source.questionId,
            position: source.position,
            text: source.text,
            published: detail?.publishedSource ? { version: detail.publishedSource.version } : null,
          }
        : null,
    returnComment: insider ? p.returnComment : null,
    synthetic: p.synthetic,
    editable: mayEdit(actor, p),
    moves: offeredMoves(actor, p),
    createdAt: p.createdAt.toISOString(),
    updatedAt: p.updatedAt.toISOString(),
    publishedAt: p.publishedAt?.toISOString() ?? null,
    translations: p.translations.map((t) => ({
      language: t.language,
      ...t.fields,
      translatorName: names.author(t.translator),
      createdAt: t.createdAt.toISOString(),
      updatedAt: t.updatedAt.toISOString(),
    })),
    ...(detail && insider
      ? {
          history: detail.moves.map((m) => ({
            from: m.from,
            to: m.to,
            comment: m.comment,
            by: m.actor,
            byName: names.author(m.actor),
            at: m.movedAt.toISOString(),
          })),
        }
      : {}),
  };
}
