import { RadioGroup, SelectField, type FieldError } from '../../components/form.js';
import { useLocale } from '../../lib/i18n.js';
import { useApi } from '../../lib/query.js';
import type { Submission } from '../../lib/types.js';

/** A question's wording cut to a line: a long option would widen the page on a phone. */
const short = (text: string) => (text.length > 70 ? `${text.slice(0, 69)}…` : text);

/** Where a practice comes from: a paragraph of an answer of the country's latest submission. */
export interface PassageSource {
  number: number;
  questionId: string;
  position: { block: number[]; start: number; end: number };
  text: string;
}

interface SubmissionList {
  submissions: { number: number }[];
}

/**
 * « D'après une réponse soumise » on the form that proposes a practice: a question the country's
 * latest submission answers, then one of its paragraphs, which the practice cites (the API checks
 * it against the submission). Nothing when the country has not submitted.
 */
export function PassageChoice(props: {
  country: string;
  cycle: string;
  value: PassageSource | null;
  onChange: (source: PassageSource | null) => void;
  errors: FieldError[];
}) {
  const { t } = useLocale();
  const base = `/reviews/${encodeURIComponent(props.country)}/${encodeURIComponent(props.cycle)}/submissions`;
  const list = useApi<SubmissionList>(base);
  const latest = list.data?.submissions.reduce((n, s) => Math.max(n, s.number), 0) ?? 0;
  const submission = useApi<Submission>(latest > 0 ? `${base}/${latest}` : null);
  const questions = (submission.data?.review.sections ?? [])
    .flatMap((s) => s.questions)
    .map((q) => ({
      id: q.id,
      text: q.text,
      paragraphs: q.answer.blocks.flatMap((b, i) =>
        b.type === 'paragraph' && b.text.trim() !== '' ? [{ block: i, text: b.text }] : [],
      ),
    }))
    .filter((q) => q.paragraphs.length > 0);
  if (questions.length === 0) return null;
  const chosen = questions.find((q) => q.id === props.value?.questionId);
  const pick = (questionId: string, block?: number) => {
    const question = questions.find((q) => q.id === questionId);
    const paragraph = question?.paragraphs.find((p) => p.block === block) ?? question?.paragraphs[0];
    if (!question || !paragraph) return props.onChange(null);
    props.onChange({
      number: latest,
      questionId,
      position: { block: [paragraph.block], start: 0, end: paragraph.text.length },
      text: paragraph.text,
    });
  };
  return (
    <fieldset className="practice-source">
      <legend>{t('practices.form.source')}</legend>
      <p className="hint">{t('practices.form.source_hint', { number: latest })}</p>
      <SelectField
        id="practice-source"
        label={t('practices.form.source_question')}
        errors={props.errors}
        value={props.value?.questionId ?? ''}
        placeholder={t('practices.form.source_none')}
        onChange={(questionId) => (questionId ? pick(questionId) : props.onChange(null))}
        options={questions.map((q) => ({ value: q.id, label: `${q.id} — ${short(q.text)}` }))}
      />
      {chosen && chosen.paragraphs.length > 1 && (
        <RadioGroup
          id="practice-source-paragraph"
          label={t('practices.form.source_paragraph')}
          errors={props.errors}
          value={String(props.value?.position.block[0] ?? '')}
          onChange={(block) => pick(chosen.id, Number(block))}
          options={chosen.paragraphs.map((p) => ({ value: String(p.block), label: p.text }))}
        />
      )}
      {props.value && (
        <blockquote className="practice-quote" dir="auto">
          {props.value.text}
        </blockquote>
      )}
    </fieldset>
  );
}
