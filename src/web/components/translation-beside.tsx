import type { Block } from '../../domain/blocks.js';
import type { Language } from '../../domain/language.js';
import { isolate } from '../lib/bidi.js';
import { useLocale } from '../lib/i18n.js';
import type { SubmissionTranslations, Translation } from '../lib/types.js';
import { Blocks } from './blocks.js';

/** The writing direction of a language of the app. */
export const directionOfLanguage = (language: string) => (language === 'ar' ? 'rtl' : 'ltr');

/** The translation of one answer into one language among the API's list, if there is one. */
export function translationOf(
  data: SubmissionTranslations | null | undefined,
  questionId: string,
  language: string,
): Translation | undefined {
  return data?.translations.find((t) => t.questionId === questionId && t.language === language);
}

/**
 * One answer's human translation, in the reader's language (or `language`), shown as a
 * translation: « Traduction (humaine) par <name>, <date> » (or machine, with its system, if one
 * ever is), written in the translation's language and direction, flagged when the country's
 * latest submission answers differently. Nothing when there is none, or when the answer is in
 * that language already. Made to be dropped beside an answer anywhere: the submission page (data:
 * GET …/submissions/{number}/translations); the side-by-side page gives `TranslationText` the
 * `translation` each of its answers carries (the same fields).
 */
export function TranslationBeside(props: {
  translations: SubmissionTranslations | null | undefined;
  questionId: string;
  /** The language wanted; the reader's by default. */
  language?: Language;
}) {
  const { language: reader } = useLocale();
  const language = props.language ?? reader;
  if (props.translations?.answerLanguage === language) return null;
  const translation = translationOf(props.translations, props.questionId, language);
  if (!translation) return null;
  return <TranslationText translation={translation} />;
}

/** A translation's text under the line that says it is one (who, when, human or machine, outdated). */
export function TranslationText({ translation }: { translation: Translation }) {
  const { t, date } = useLocale();
  const name = isolate(translation.translatorName || translation.translator);
  const when = date(translation.updatedAt);
  return (
    <div className="translation">
      <p className="translation-meta">
        {translation.machine
          ? t('translation.machine_by', { system: isolate(translation.machineNote ?? ''), name, date: when })
          : t('translation.human_by', { name, date: when })}
      </p>
      {translation.outdated && (
        <p className="translation-outdated">
          <strong>{t('translation.outdated', { number: translation.submission })}</strong>
        </p>
      )}
      <div lang={translation.language} dir={directionOfLanguage(translation.language)}>
        <Blocks blocks={translation.blocks as Block[]} />
      </div>
    </div>
  );
}
