import { useEffect, useState } from 'react';
import type { Block } from '../../../domain/blocks.js';
import type { Language } from '../../../domain/language.js';
import { BlockEditor } from '../../components/block-editor.js';
import { Blocks } from '../../components/blocks.js';
import { errorsOf, Form, type FieldError } from '../../components/form.js';
import { directionOfLanguage } from '../../components/translation-beside.js';
import { put } from '../../lib/api.js';
import { useLocale } from '../../lib/i18n.js';
import { useApiMutation } from '../../lib/query.js';
import type { Translation } from '../../lib/types.js';

// Keys written out, so that the catalogue test finds each of them used.
export const TRANSLATE: Record<Language, string> = {
  fr: 'translation.translate_fr',
  en: 'translation.translate_en',
  ar: 'translation.translate_ar',
};
export const EDIT: Record<Language, string> = {
  fr: 'translation.edit_fr',
  en: 'translation.edit_en',
  ar: 'translation.edit_ar',
};
const INTO: Record<Language, string> = {
  fr: 'translation.into_fr',
  en: 'translation.into_en',
  ar: 'translation.into_ar',
};

/**
 * The translation of one answer into one language, written beside the original: the country's
 * answer on one side in its own direction, the block editor on the other (stacked on a phone).
 * Saving sends the revision it started from; a translation changed meanwhile is refused with
 * the server's message (translation.edit_conflict), and the page then shows the newer one.
 */
export function TranslationEditor(props: {
  /** The submission in the API: …/reviews/{c}/{cy}/submissions/{n}. */
  path: string;
  /** The submission's number: a translation of an earlier one is a starting point, not a base. */
  number: number;
  questionId: string;
  language: Language;
  answerLanguage: string;
  original: Block[];
  current: Translation | undefined;
  /** What a save changes (the translations of the submission). */
  queries: string[];
  /** After saving (with the message to say) and on cancel: the way back to where it was opened. */
  onDone: (message: string) => void;
  onCancel: () => void;
  /** Its heading's level: h5 inside the submission's questions, h2 on a page of its own. */
  heading?: 'h2' | 'h5';
}) {
  const { t } = useLocale();
  const Heading = props.heading ?? 'h5';
  const field = `translation-${props.questionId}-${props.language}`.replace(/[^A-Za-z0-9_-]/gu, '-');
  // A translation made on an earlier submission is a starting point for this one.
  const [blocks, setBlocks] = useState<Block[]>((props.current?.blocks as Block[] | undefined) ?? []);
  const [errors, setErrors] = useState<FieldError[]>([]);
  const ownRevision = props.current?.submission === props.number ? props.current.revision : 0;
  const save = useApiMutation(
    (body: { blocks: Block[]; baseRevision: number }) =>
      put<Translation>(
        `${props.path}/answers/${encodeURIComponent(props.questionId)}/translations/${props.language}`,
        body,
      ),
    props.queries,
  );
  useEffect(() => {
    document.getElementById(`${field}-heading`)?.focus();
  }, [field]);

  const submit = async () => {
    try {
      await save.mutateAsync({ blocks, baseRevision: ownRevision });
      setErrors([]);
      props.onDone(t('translation.saved'));
    } catch (error) {
      setErrors(errorsOf(error, field));
    }
  };

  return (
    <section className="translation-editor" aria-labelledby={`${field}-heading`}>
      <Heading id={`${field}-heading`} tabIndex={-1}>
        {t(INTO[props.language])}
      </Heading>
      <div className="translation-pair">
        <div className="translation-original">
          <p className="translation-meta">{t('translation.original')}</p>
          <div lang={props.answerLanguage} dir={directionOfLanguage(props.answerLanguage)}>
            <Blocks blocks={props.original} />
          </div>
        </div>
        <div className="translation-field">
          <Form errors={errors} onSubmit={submit}>
            <BlockEditor
              id={field}
              label={`${props.questionId} — ${t(INTO[props.language])}`}
              value={blocks}
              onChange={setBlocks}
              errors={errors}
              disabled={save.isPending}
            />
            <p className="hint">{t('translation.editor_hint')}</p>
            <div className="button-group inline">
              <button type="submit" className="button" disabled={save.isPending}>
                {t('translation.save')}
              </button>
              <button type="button" className="button button-secondary" onClick={props.onCancel}>
                {t('translation.cancel')}
              </button>
            </div>
          </Form>
        </div>
      </div>
    </section>
  );
}
