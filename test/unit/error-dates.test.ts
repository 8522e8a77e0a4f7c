import { describe, expect, it } from 'vitest';
import { translate } from '../../src/i18n/index.js';

/**
 * A day in an error's details (`dueOn`, YYYY-MM-DD for API clients) is written as the reader reads
 * dates (issue 12, item 9: « L'échéance 2026-12-01 est déjà passée »); what is not a real day —
 * the very thing assignment.invalid_due_date reports — stays as it was sent.
 */
describe('days in error messages', () => {
  it('writes assignment.due_in_past’s date in the reader’s language', () => {
    const details = { dueOn: '2026-12-01' };
    expect(translate('fr', 'errors', 'assignment.due_in_past', details)).toContain('1 décembre 2026');
    expect(translate('en', 'errors', 'assignment.due_in_past', details)).toContain('December 1, 2026');
    const arabic = translate('ar', 'errors', 'assignment.due_in_past', details);
    expect(arabic).toContain('ديسمبر');
    expect(arabic).toContain('2026');
    for (const language of ['fr', 'en', 'ar'] as const) {
      expect(translate(language, 'errors', 'assignment.due_in_past', details)).not.toContain('2026-12-01');
    }
  });

  it('leaves what is not a real day as sent', () => {
    for (const dueOn of ['2026-02-30', 'demain', '2026-1-5']) {
      expect(translate('fr', 'errors', 'assignment.invalid_due_date', { dueOn })).toContain(dueOn);
    }
  });
});
