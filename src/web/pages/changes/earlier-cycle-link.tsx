import { Link } from '../../components/link.js';
import { localText, useLocale } from '../../lib/i18n.js';
import { useApi } from '../../lib/query.js';
import type { Cycles } from '../../lib/types.js';
import { countryChangesPath, earlierCycle } from './country-changes.js';

/** On a review's dashboard: « What changed since {the earlier cycle} », when the region has one. */
export function EarlierCycleLink({ country, cycle }: { country: string; cycle: string }) {
  const { t, language } = useLocale();
  const cycles = useApi<Cycles>('/cycles');
  const earlier = cycles.data && earlierCycle(cycles.data.cycles, cycle);
  if (!earlier) return null;
  return (
    <p>
      <Link id="changes-since" to={countryChangesPath(country, earlier.id, cycle)}>
        {t('changes.since', { cycle: localText(earlier.title, language) || earlier.id })}
      </Link>
    </p>
  );
}
