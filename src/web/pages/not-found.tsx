import { Link } from '../components/link.js';
import { Page } from '../components/page.js';
import { useLocale } from '../lib/i18n.js';

/**
 * An address of the app that leads to no page (mistyped, or cut in an e-mail): said so plainly,
 * with the way back. A page that exists but is not the reader's says so instead (NoAccess).
 */
export function NotFoundPage() {
  const { t } = useLocale();
  return (
    <Page title={t('errors.not_found_title')}>
      <p>{t('notfound.unknown_body')}</p>
      <p>
        <Link to="/tasks">{t('nav.back_to_tasks')}</Link>
      </p>
    </Page>
  );
}
