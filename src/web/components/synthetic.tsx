import { useLocale } from '../lib/i18n.js';

/**
 * The label of synthetic data (the demo region, docs/regional.md): shown wherever a fictional
 * country's review or its text appears, so that nobody takes it for a government's words.
 * Words first (a framed « Synthetic data » and a sentence saying why), never colour alone;
 * `role="note"` so screen readers announce it with the content it labels.
 * `inline` gives the short tag alone, for a row of a list or a table.
 */
export function SyntheticLabel({ inline = false }: { inline?: boolean }) {
  const { t } = useLocale();
  if (inline) return <strong className="tag synthetic-tag">{t('synthetic.label')}</strong>;
  return (
    <p className="synthetic-banner" role="note">
      <strong className="tag synthetic-tag">{t('synthetic.label')}</strong> {t('synthetic.explanation')}
    </p>
  );
}
