import { localText, useLocale } from '../lib/i18n.js';
import { useApi } from '../lib/query.js';
import type { Answer, Objectives, Principles } from '../lib/types.js';
import { VALUE_LABELS } from './value-field.js';

/**
 * What the question asks, from the answer page's API (labels in every language) or from a review
 * JSON (labels in the review's language): localText reads both.
 */
interface Asked {
  kind?: string | undefined;
  choices?: readonly { id: string; label: unknown }[] | null | undefined;
  unit?: unknown;
}

type Multilingual = Partial<Record<'fr' | 'en' | 'ar', string>>;

/**
 * The secretariat's guidance notes for whoever answers (issue 15): the section's, then the
 * question's, under the question's wording, in the reader's language.
 */
export function Guidance(props: {
  section?: Multilingual | null | undefined;
  question?: Multilingual | null | undefined;
}) {
  const { t, language } = useLocale();
  const notes = [props.section, props.question].filter((n): n is Multilingual => !!n && !!localText(n, language));
  if (notes.length === 0) return null;
  return (
    <div className="guidance" role="note" aria-label={t('answerValue.guidance')}>
      <p className="guidance-title">{t('answerValue.guidance')}</p>
      {notes.map((note, i) => (
        <p key={i} dir="auto">
          {localText(note, language)}
        </p>
      ))}
    </div>
  );
}

/** A typed value read, not edited: the chosen options, the number with its unit, the titles. */
export function ValueText(props: { asked: Asked; value: NonNullable<Answer['value']> }) {
  const kind = props.asked.kind ?? '';
  const { t, language, number } = useLocale();
  const objectives = useApi<Objectives>('objectives' in props.value ? '/objectives' : null);
  const principles = useApi<Principles>('principles' in props.value ? '/principles' : null);
  const { value, asked } = props;
  let items: string[] = [];
  if ('choices' in value) {
    const labels = new Map((asked.choices ?? []).map((c) => [c.id, localText(c.label, language)]));
    items = value.choices.map((id) => labels.get(id) ?? id);
  } else if ('number' in value) {
    items = [[number(value.number), asked.unit ? localText(asked.unit, language) : ''].filter(Boolean).join(' ')];
  } else if ('objectives' in value) {
    const titles = new Map((objectives.data?.objectives ?? []).map((o) => [o.number, localText(o.title, language)]));
    items = value.objectives.map((n) => `${n}. ${titles.get(n) ?? ''}`);
  } else {
    const titles = new Map((principles.data?.principles ?? []).map((p) => [p.key, localText(p.title, language)]));
    items = value.principles.map((key) => titles.get(key) ?? key);
  }
  return (
    <div className="value-text">
      <p className="value-text-label">{t(VALUE_LABELS[kind] ?? 'answerValue.label.single_choice')}</p>
      <ul>
        {items.map((item) => (
          <li key={item} dir="auto">
            {item}
          </li>
        ))}
      </ul>
    </div>
  );
}
