import { Link } from '../../components/link.js';
import { useLocale } from '../../lib/i18n.js';
import { useApi } from '../../lib/query.js';
import { useSession } from '../../lib/session.js';
import { requestsPath, type CitationRequests } from './api.js';

/**
 * On the focal point's dashboard: « Demandes de citation » with how many wait for its decision,
 * shown only to the country's focal points and only when there is at least one request.
 */
export function CitationRequestsLink({ country, cycle }: { country: string; cycle: string }) {
  const { t } = useLocale();
  const { session } = useSession();
  const focal = (session?.grants ?? []).some(
    (g) => g.role === 'focal_point' && g.country?.toUpperCase() === country.toUpperCase(),
  );
  const list = useApi<CitationRequests>(focal ? requestsPath(country, cycle) : null);
  const requests = list.data?.requests ?? [];
  if (requests.length === 0) return null;
  const pending = requests.filter((r) => r.state === 'pending').length;
  return (
    <p className="citation-requests-link">
      <Link to={requestsPath(country, cycle)}>
        {pending > 0 ? t('synthesis.requests.link_pending', { count: pending }) : t('synthesis.requests.link')}
      </Link>
    </p>
  );
}
