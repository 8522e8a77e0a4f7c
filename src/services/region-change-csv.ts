import { csvCell } from '../documents/export-csv.js';
import type { RegionChange } from './get-region-change.js';

/**
 * The region's change between two cycles as CSV (`GET /cycles/{cycle}/changes.csv?from=`): one
 * line per country compared, its counts, and its changed coded values (`I.a: none → new_mechanism`,
 * separated by « ; »). UTF-8 with a byte order mark, CRLF, formula-safe cells, as the tracking CSV.
 */
export function regionChangeCsv(change: RegionChange): { bytes: Buffer; fileName: string } {
  const header = [
    'country',
    'name_fr',
    'name_en',
    'name_ar',
    'from_submission',
    'to_submission',
    'questions_changed',
    'questions_only_earlier',
    'questions_only_later',
    'blocks_added',
    'blocks_removed',
    'blocks_changed',
    'figures_changed',
    'figures_new',
    'figures_dropped',
    'objectives_added',
    'objectives_dropped',
    'coded_values_changed',
    'synthetic',
  ];
  const rows = change.countries.map((c) => [
    c.country,
    c.countryName.fr ?? '',
    c.countryName.en ?? '',
    c.countryName.ar ?? '',
    String(c.from.number),
    String(c.to.number),
    ...[
      c.counts.questionsChanged,
      c.counts.questionsOnlyEarlier,
      c.counts.questionsOnlyLater,
      c.counts.blocksAdded,
      c.counts.blocksRemoved,
      c.counts.blocksChanged,
      c.counts.figuresChanged,
      c.counts.figuresNew,
      c.counts.figuresDropped,
      c.counts.objectivesAdded,
      c.counts.objectivesDropped,
    ].map(String),
    c.codes.map((k) => `${k.question}: ${k.earlier.join(' + ')} → ${k.later.join(' + ')}`).join('; '),
    String(c.synthetic),
  ]);
  const text = [header, ...rows].map((row) => `${row.map(csvCell).join(',')}\r\n`).join('');
  return { bytes: Buffer.from(`\uFEFF${text}`, 'utf8'), fileName: `changes-${change.from.id}-${change.to.id}.csv` };
}
