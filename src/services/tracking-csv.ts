import { csvCell } from '../documents/export-csv.js';
import type { Tracking } from './get-tracking.js';

/**
 * The tracking rows as CSV (`GET /cycles/{cycle}/tracking.csv`): the same rows, filters and
 * order as the JSON; a column of answered questions per section; empty cells where progress is
 * not shown. UTF-8 with a byte order mark (spreadsheets then read the Arabic names right), CRLF
 * line ends, and cells made formula-safe like the answers' CSV.
 */
export function trackingCsv(tracking: Tracking): { bytes: Buffer; fileName: string } {
  const sections = tracking.countries.find((c) => c.progress)?.progress?.sections.map((s) => s.id) ?? [];
  const header = [
    'country',
    'name_fr',
    'name_en',
    'name_ar',
    'state',
    'answered',
    'questions',
    ...sections.map((id) => `answered_${id}`),
    'last_activity',
    'due_on',
    'overdue',
    'submissions',
    'last_submitted_at',
    'acknowledged',
    'returned',
    // Like every export of Pacte's data (README): a fictional country's row says it is synthetic.
    'synthetic',
  ];
  const rows = tracking.countries.map((c) => [
    c.country,
    c.countryName.fr ?? '',
    c.countryName.en ?? '',
    c.countryName.ar ?? '',
    c.state,
    c.progress ? String(c.progress.answered) : '',
    String(tracking.questions),
    ...sections.map((id) => {
      const section = c.progress?.sections.find((s) => s.id === id);
      return section ? String(section.answered) : '';
    }),
    c.lastActivity?.toISOString() ?? '',
    tracking.dueOn ?? '',
    String(c.overdue),
    String(c.submissions.count),
    c.submissions.lastAt?.toISOString() ?? '',
    String(c.submissions.acknowledged),
    String(c.submissions.returned),
    String(c.synthetic),
  ]);
  const text = [header, ...rows].map((row) => `${row.map(csvCell).join(',')}\r\n`).join('');
  return { bytes: Buffer.from(`\uFEFF${text}`, 'utf8'), fileName: `tracking-${tracking.cycle.id}.csv` };
}
