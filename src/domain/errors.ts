/**
 * The one catalogue of error codes. Each code has its HTTP status; its message lives in
 * src/i18n/locales/<lang>/errors.json under the same key, with `{name}` placeholders filled
 * from `details`. The CLI exits 2 for a 4xx code (the user can fix the input) and 1 otherwise.
 * docs/errors.md lists them for API users.
 */
export const ERRORS = {
  'request.invalid': 400,
  'search.invalid_query': 400,
  'request.cross_site': 403,
  'route.not_found': 404,
  'auth.required': 401,
  'auth.invalid_credentials': 401,
  'auth.forbidden': 403,
  'auth.rate_limited': 429,
  'auth.oidc_failed': 401,
  'auth.oidc_expired': 400,
  'auth.oidc_unavailable': 503,
  'auth.oidc_email_unverified': 403,
  'auth.oidc_unknown_account': 403,
  'auth.oidc_account_disabled': 403,
  'user.invalid_email': 422,
  'user.invalid_name': 422,
  'user.weak_password': 422,
  'user.invalid_role': 422,
  'user.not_found': 404,
  'password_reset.invalid_token': 400,
  'invitation.invalid_token': 400,
  'invitation.expired': 410,
  'invitation.used': 409,
  'invitation.revoked': 410,
  'invitation.not_found': 404,
  'invitation.already_granted': 409,
  'invitation.too_many': 429,
  'person.not_found': 404,
  'entity.duplicate': 409,
  'entity.invalid_category': 422,
  'entity.invalid_name': 422,
  'entity.country_mismatch': 422,
  'import.draft_not_found': 404,
  'country.not_found': 404,
  'cycle.not_found': 404,
  'cycle.not_same_region': 422,
  'cycle.exists': 409,
  'cycle.invalid_id': 422,
  'cycle.invalid_title': 422,
  'cycle.invalid_dates': 422,
  'cycle.dates_required': 422,
  'cycle.unknown_country': 422,
  'cycle.unknown_region': 422,
  'cycle.unknown_questionnaire': 422,
  'cycle.invalid_languages': 422,
  'cycle.closing_policy_required': 422,
  'cycle.move_not_allowed': 409,
  'cycle.ambiguous': 400,
  'cycle.not_participating': 422,
  'cycle.country_has_review': 409,
  'cycle.questionnaire_locked': 409,
  'cycle.language_not_offered': 422,
  'cycle.closed': 409,
  'demo.invalid_request': 422,
  'demo.exists': 409,
  'demo.real_region': 409,
  'demo.no_free_codes': 409,
  'questionnaire.not_found': 404,
  // Questionnaire versions (issue 15, docs/questionnaires.md).
  'questionnaire.frozen': 409,
  'questionnaire.shipped': 409,
  'questionnaire.invalid': 422,
  'questionnaire.invalid_mapping': 422,
  'review.not_found': 404,
  'review.version_not_found': 404,
  'submission.not_found': 404,
  'submission.already_acknowledged': 409,
  'submission.not_latest': 409,
  'submission.already_returned': 409,
  // Codes of a cycle's questions and the coding of answers (services/*-code*.ts, migration 032).
  'code.not_found': 404,
  'code.exists': 409,
  'code.question_not_in_questionnaire': 422,
  'code.invalid_kind': 422,
  'code.names_missing_language': 422,
  'code.label_missing_language': 422,
  'code.too_few_values': 422,
  'code.invalid_key': 422,
  'code.duplicate_value': 422,
  'code.too_many_cues': 422,
  'code.no_value': 422,
  'code.unknown_value': 422,
  'code.single_value': 422,
  'code.values_in_use': 409,
  'code.kind_in_use': 409,
  'coded_answer.not_found': 404,
  'translation.same_language': 422,
  'translation.empty': 422,
  'translation.no_answer': 422,
  'translation.language_not_in_cycle': 422,
  'translation.machine_note_required': 422,
  'translation.edit_conflict': 409,
  'open_data.not_found': 404,
  'import.file_not_found': 422,
  'import.empty_file': 422,
  'import.unreadable_file': 422,
  'import.not_a_review': 422,
  'import.password_protected': 422,
  'import.corrupt_file': 422,
  'import.archive_too_large': 422,
  'import.file_too_large': 413,
  'import.busy': 503,
  'import.unsupported_format': 422,
  // Neither title nor text names a country the importer knows (details.title: what it looked at).
  'import.country_unknown': 422,
  'import.tool_missing': 503,
  'export.tool_missing': 503,
  'import.no_text': 422,
  'import.timeout': 422,
  'export.unsupported_format': 422,
  'export.unsupported_layout': 422,
  'job.not_found': 404,
  'job.not_ready': 409,
  'job.failed': 409,
  'job.interrupted': 500,
  'job.too_many': 429,
  'config.invalid': 422,
  'cli.usage': 400,
  'storage.locked': 423,
  'storage.unavailable': 503,
  'review.exists': 409,
  'review.invalid_mapping': 422,
  'review.not_in_state': 409,
  'review.move_not_allowed': 409,
  'review.already_published': 409,
  'question.not_found': 404,
  'answer.edit_conflict': 409,
  'answer.locked': 409,
  'answer.move_not_allowed': 409,
  'answer.self_approval': 403,
  'answer.value_invalid': 422,
  'workflow.comment_required': 422,
  'workflow.reason_required': 422,
  // Several answers moved at once (POST …/answers/status, services/move-answers.ts).
  'answers.none_named': 422,
  'answers.duplicate_questions': 422,
  'answers.unknown_questions': 422,
  'answers.not_moved': 409,
  'revision.not_found': 404,
  'entity.not_found': 404,
  'assignment.not_found': 404,
  'assignment.invalid_due_date': 422,
  'assignment.due_in_past': 422,
  'assignment.note_too_long': 422,
  'contribution.not_found': 404,
  'contribution.closed': 409,
  'contribution.empty': 422,
  // Evidence changes while the focal point has the contribution (add-evidence, remove-evidence).
  'contribution.submitted': 409,
  'evidence.too_large': 413,
  'evidence.unsupported_type': 422,
  'evidence.not_found': 404,
  'objective.not_found': 404,
  'contribution.edit_conflict': 409,
  'blocks.too_large': 422,
  'review.answers_not_approved': 409,
  // Country groups of a region (services/*-country-group.ts) and the side-by-side view.
  'region.not_found': 404,
  'group.not_found': 404,
  'group.exists': 409,
  'group.invalid_id': 422,
  'group.names_missing': 422,
  'group.unknown_country': 422,
  'group.country_outside_region': 422,
  // The repository of practices (domain/practices.ts, services/*practice*.ts, migration 034).
  'practice.not_found': 404,
  'practice.not_in_state': 409,
  'practice.not_editable': 409,
  'practice.edit_conflict': 409,
  'practice.comment_required': 422,
  'practice.field_required': 422,
  'practice.too_long': 422,
  'practice.too_many': 422,
  'practice.invalid_field': 422,
  'practice.invalid_scope': 422,
  'practice.invalid_period': 422,
  'practice.invalid_objective': 422,
  'practice.invalid_principle': 422,
  'practice.invalid_stakeholder': 422,
  'practice.invalid_link': 422,
  'practice.unknown_country': 422,
  'practice.invalid_passage': 422,
  'practice.same_language': 422,
  // The regional synthesis and its citations (services/*synthes*.ts, *citation*.ts, migration 033).
  'synthesis.not_found': 404,
  'synthesis.invalid_document': 422,
  'synthesis.invalid_title': 422,
  'synthesis.invalid_translation': 422,
  'synthesis.unknown_citation': 422,
  'synthesis.edit_conflict': 409,
  // Publishing a synthesis (services/publish-synthesis.ts, migration 036).
  'synthesis.empty': 422,
  'synthesis.already_published': 409,
  'synthesis.cycle_planned': 409,
  'synthesis.version_not_found': 404,
  'citation.not_found': 404,
  'citation.passage_mismatch': 422,
  'citation.not_latest': 422,
  'citation.not_outdated': 409,
  'citation_request.not_found': 404,
  'citation_request.pending': 409,
  'citation_request.decided': 409,
  'internal.error': 500,
} as const satisfies Record<string, number>;

export type ErrorCode = keyof typeof ERRORS;

/**
 * What an import reports without failing: it went through, but someone should look. Messages
 * live next to the errors' (same namespace), under the same keys.
 */
export const WARNINGS = ['import.answer_edited', 'import.unanswered_questions', 'import.unmatched_text'] as const;
export type WarningCode = (typeof WARNINGS)[number];
export type ErrorDetails = Record<string, unknown>;

export class PacteError extends Error {
  readonly code: ErrorCode;
  readonly details: ErrorDetails;

  constructor(code: ErrorCode, details: ErrorDetails = {}, options?: { cause?: unknown }) {
    // The English-free technical message is for logs only; users get the translated one.
    super(`${code} ${JSON.stringify(details)}`, options);
    this.name = 'PacteError';
    this.code = code;
    this.details = details;
  }

  get status(): number {
    return ERRORS[this.code];
  }
}

export function isPacteError(error: unknown): error is PacteError {
  return error instanceof PacteError;
}
