import type { Language } from '../../domain/language.js';
import { formatDate } from '../../domain/locale-format.js';
import { translate } from '../../i18n/index.js';

/**
 * What a notification says, in the reader's language, so that every client shows the same words:
 * overdue and approaching due dates told apart, an answer sent to review told apart from an
 * entity's contribution, the entity named (ui.json, `notification.<kind>`).
 */
export function notificationText(
  language: Language,
  n: { kind: string; questionId: string | null; details: Record<string, unknown> },
): string {
  const d = n.details;
  const entity = typeof d.entity === 'string' ? d.entity : ((d.entity as { name?: string } | undefined)?.name ?? '');
  const day = typeof d.dueOn === 'string' ? d.dueOn : null;
  return translate(language, 'ui', `notification.${n.kind}`, {
    question: n.questionId ?? '',
    entity,
    due: day === null ? 'none' : formatDate(day, language),
    kind: d.kind === 'input' ? 'input' : 'contribution',
    submission: typeof d.submission === 'number' ? String(d.submission) : '',
    // a practice's notifications (services/practice-access.ts notifyPractice)
    title: typeof d.title === 'string' ? d.title : '',
    comment: typeof d.comment === 'string' ? d.comment : '',
  });
}
