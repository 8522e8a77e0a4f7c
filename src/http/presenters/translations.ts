import type { Static } from '@sinclair/typebox';
import type { Translation } from '../../services/list-translations.js';
import type { Translation as TranslationSchema } from '../routes/translations/schema.js';

/** A translation as the API gives it: who wrote it by name, and its dates as ISO strings. */
export function presentTranslation(
  t: Translation,
  nameOf: (author: string) => string,
): Static<typeof TranslationSchema> {
  return {
    submission: t.submission,
    questionId: t.questionId,
    language: t.language as Static<typeof TranslationSchema>['language'],
    revision: t.revision,
    blocks: t.blocks,
    translator: t.translator,
    translatorName: nameOf(t.translator),
    machine: t.machine,
    machineNote: t.machineNote,
    // a scalar subquery's date may come back as text: read it as a date either way
    createdAt: new Date(t.createdAt).toISOString(),
    updatedAt: new Date(t.updatedAt).toISOString(),
    outdated: t.outdated,
    latest: t.latest,
  };
}
