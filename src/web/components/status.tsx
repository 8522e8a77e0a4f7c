import { useLocale } from '../lib/i18n.js';

/** A status in words (never colour alone): a bordered tag. */
export function StatusTag({ kind, status }: { kind: 'review' | 'answer' | 'contribution'; status: string }) {
  const { t } = useLocale();
  return <strong className={`tag tag-${status}`}>{t(`${kind}.status.${status}`)}</strong>;
}
