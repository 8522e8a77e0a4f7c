import { Link } from '../components/link.js';
import { Page } from '../components/page.js';
import { useLocale } from '../lib/i18n.js';

export function NotFoundPage() {
  const { t } = useLocale();
  return (
    <Page title={t('errors.not_found_title')}>
      <p>
        <Link to="/tasks">{t('nav.back_to_tasks')}</Link>
      </p>
    </Page>
  );
}
