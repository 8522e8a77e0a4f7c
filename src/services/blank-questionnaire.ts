import type { Kysely } from 'kysely';
import * as catalogue from '../db/queries/catalogue.js';
import type { Database } from '../db/schema.js';
import { blankQuestionnaireDocx } from '../documents/blank-questionnaire-docx.js';
import { PacteError } from '../domain/errors.js';
import { pick, type Language } from '../domain/language.js';
import type { Questionnaire } from '../domain/questionnaire.js';
import { can, type Actor } from '../domain/permissions.js';
import { translate } from '../i18n/index.js';
import { managesCycle, visibleCycle } from './cycle-settings.js';
import { MEDIA_TYPES, type ExportedFile } from './export-review.js';
import { valueNames } from './value-names.js';

/**
 * The blank questionnaire of a cycle in `lang` (issue 15, item 3), to fill offline in Word and
 * import back: for the focal points of the countries taking part in the cycle, the region's
 * secretariat and administrators. A planned cycle is not found by others (visibleCycle);
 * anyone else who sees the cycle is refused. Nothing is written, so nothing is audited.
 */
export async function blankQuestionnaire(
  db: Kysely<Database>,
  actor: Actor | null,
  cycleId: string,
  lang: Language | undefined,
): Promise<ExportedFile> {
  if (!actor) throw new PacteError('auth.required');
  const cycle = await visibleCycle(db, actor, cycleId);
  const focalPoint = cycle.countries.some((country) => can(actor, 'review.import', { country }));
  if (!focalPoint && !managesCycle(actor, cycle)) {
    throw new PacteError('auth.forbidden', { action: 'questionnaire.blank', region: cycle.regionId });
  }
  const questionnaire = await catalogue.findQuestionnaire(db, cycle.questionnaireId, cycle.questionnaireVersion);
  if (!questionnaire) throw new PacteError('questionnaire.not_found', { questionnaire: cycle.questionnaireId });
  const language = lang ?? cycle.languages[0] ?? questionnaire.sourceLanguage;
  const t = (key: string, params: Record<string, unknown> = {}) => translate(language, 'ui', key, params);
  const bytes = await blankQuestionnaireDocx(
    questionnaire,
    language,
    pick(questionnaire.title, language),
    {
      questions: t('export.questions'),
      answers: t('export.answers'),
      cover: [
        pick(cycle.title, language),
        t('blank.instructions'),
        ...(unofficial(questionnaire, language)
          ? [t('export.unofficial_note', { language: t(`language.${questionnaire.sourceLanguage}`) })]
          : []),
      ],
      page: { label: t('export.page'), of: t('export.page_of') },
    },
    await valueNames(db),
  );
  return { bytes, mediaType: MEDIA_TYPES.docx, fileName: `${cycle.id}.blank.${language}.docx` };
}

/** Whether some wording in `language` is Pacte's translation rather than the secretariat's text. */
function unofficial(questionnaire: Questionnaire, language: Language): boolean {
  if (questionnaire.sourceLanguage === language) return false;
  if (questionnaire.wordingStatus?.[language] === 'official') return false;
  return questionnaire.sections.some(
    (s) => s.titleStatus[language] !== 'official' || s.questions.some((q) => q.textStatus[language] !== 'official'),
  );
}
