import { useLocale } from '../../lib/i18n.js';
import type { CycleInfo } from '../../lib/types.js';

const LABELS = {
  planned: 'regional.cycle.state_planned',
  open: 'regional.cycle.state_open',
  closed: 'regional.cycle.state_closed',
} as const;

/** A cycle's state in words, as a bordered tag (never colour alone). */
export function CycleState({ state }: { state: CycleInfo['state'] }) {
  const { t } = useLocale();
  return <strong className={`tag tag-cycle-${state}`}>{t(LABELS[state])}</strong>;
}
