import { useEffect, useState } from 'react';
import { useNavigate } from 'react-router';
import type { Language } from '../../../domain/language.js';
import { errorsOf, Form, RadioGroup, SelectField, TextField, type FieldError } from '../../components/form.js';
import { FieldMessage } from '../../components/error-summary.js';
import { Link } from '../../components/link.js';
import { LoadError, Loading, NoAccess, Page } from '../../components/page.js';
import { ApiError, post, put } from '../../lib/api.js';
import { LANGUAGES, localText, useLocale } from '../../lib/i18n.js';
import { withLanguage } from '../../lib/navigation.js';
import { useApi, useApiMutation } from '../../lib/query.js';
import { useSession } from '../../lib/session.js';
import type { CodeDetail, CodeList, CycleInfo, Questionnaire } from '../../lib/types.js';
import {
  bodyOf,
  codePath,
  codesPath,
  draftOf,
  fieldIds as ids,
  KEY,
  keysOf,
  newValue,
  valuesInUse,
  writesCodes,
  type CodeDraft,
  type ValueDraft,
} from './code-draft.js';
import { inLanguage, ValueFields } from './code-value-fields.js';

/**
 * The secretariat writes a code (docs/regional.md, « Coding answers »): `/cycles/{cycle}/codes/new`
 * gives a question without a code one, `/cycles/{cycle}/codes/{question}/edit` rewrites it. The
 * form checks what it can before sending (every fault at once, in the reader's words); what the
 * API refuses lands on the field at fault too. Suggestions are not redone on save: the coding
 * page says so and offers to ask again.
 */
export function CodeFormPage({ cycle, question }: { cycle: string; question?: string }) {
  const { session } = useSession();
  const list = useApi<CodeList>(codesPath(cycle));
  const info = useApi<CycleInfo>(`/cycles/${encodeURIComponent(cycle)}`);
  const q = info.data?.questionnaire;
  const questionnaire = useApi<Questionnaire>(q ? `/questionnaires/${q.id}?version=${q.version}` : null);
  const detail = useApi<CodeDetail>(question ? codePath(cycle, question) : null);
  const error = list.error ?? info.error ?? questionnaire.error ?? detail.error;
  if (error) return <LoadError error={error} />;
  if (!list.data || !questionnaire.data || (question && !detail.data)) return <Loading />;
  // A translator reads the codes; only the region's secretariat (and administrators) write them.
  if (!writesCodes(session, list.data.region)) return <NoAccess />;
  return (
    <CodeForm
      key={detail.data?.code.updatedAt ?? 'new'}
      cycle={cycle}
      list={list.data}
      questionnaire={questionnaire.data}
      detail={question ? detail.data! : null}
    />
  );
}

/** A question's wording cut for the list: the select stays readable on a phone. */
const cut = (text: string) => (text.length > 80 ? `${text.slice(0, 78)}…` : text);

function CodeForm(props: { cycle: string; list: CodeList; questionnaire: Questionnaire; detail: CodeDetail | null }) {
  const { t, language } = useLocale();
  const navigate = useNavigate();
  const { cycle, detail } = props;
  const creating = detail === null;
  const [draft, setDraft] = useState<CodeDraft>(() => draftOf(detail?.code ?? null));
  const [errors, setErrors] = useState<FieldError[]>([]);
  const [focus, setFocus] = useState<string | null>(null);
  const [nextUid, setNextUid] = useState(() => draft.values.length + 1);
  const inUse = valuesInUse(detail ?? undefined);
  const saving = useApiMutation(
    (body: ReturnType<typeof bodyOf>) =>
      creating ? post(codesPath(cycle), body) : put(codePath(cycle, draft.questionId), body),
    [codesPath(cycle), codePath(cycle, draft.questionId), `/cycles/${encodeURIComponent(cycle)}/figures`],
  );
  // After a value moves or goes, the focus follows it (or lands where it can be put back).
  useEffect(() => {
    if (!focus) return;
    document.getElementById(focus)?.focus();
    setFocus(null);
  }, [focus]);

  const coded = new Set(props.list.codes.map((c) => c.questionId));
  const questions = props.questionnaire.sections.flatMap((s) => s.questions).filter((q) => !coded.has(q.id));
  const languageName = (l: Language) => inLanguage(t, l);
  const set = (change: Partial<CodeDraft>) => setDraft((d) => ({ ...d, ...change }));
  const setValue = (uid: number, change: Partial<ValueDraft>) =>
    setDraft((d) => ({ ...d, values: d.values.map((v) => (v.uid === uid ? { ...v, ...change } : v)) }));

  const move = (uid: number, by: -1 | 1) => {
    const at = draft.values.findIndex((v) => v.uid === uid);
    const to = at + by;
    if (to < 0 || to >= draft.values.length) return;
    const values = [...draft.values];
    [values[at], values[to]] = [values[to]!, values[at]!];
    set({ values });
    // At either end the same button is disabled: the focus goes to the other one.
    const end = to === 0 || to === values.length - 1;
    setFocus(`code-value-${uid}-${end ? (by < 0 ? 'down' : 'up') : by < 0 ? 'up' : 'down'}`);
  };
  const remove = (value: ValueDraft) => {
    const at = draft.values.findIndex((v) => v.uid === value.uid);
    set({
      values: draft.values.filter((v) => v.uid !== value.uid),
      removed: value.saved ? [...draft.removed, { ...value, at }] : draft.removed,
    });
    setFocus(value.saved ? ids.restore(value.uid) : ids.add);
  };
  const restore = (value: ValueDraft) => {
    // Back where it was.
    const values = [...draft.values];
    values.splice(Math.min(value.at ?? values.length, values.length), 0, value);
    set({ values, removed: draft.removed.filter((v) => v.uid !== value.uid) });
    setFocus(ids.label(value.uid, 'fr'));
  };
  const add = () => {
    set({ values: [...draft.values, newValue(nextUid)] });
    setFocus(ids.label(nextUid, 'fr'));
    setNextUid((n) => n + 1);
  };

  /** What the form can tell before sending, every fault at once. */
  const check = (): FieldError[] => {
    const found: FieldError[] = [];
    const need = (field: string, ok: boolean, message: string) => ok || found.push({ field, message });
    if (creating) need(ids.question, draft.questionId !== '', t('codeForm.error.question'));
    need(`${ids.kind}-single`, draft.kind !== '', t('codeForm.error.kind'));
    for (const l of LANGUAGES) {
      need(ids.name(l), draft.names[l].trim() !== '', t('codeForm.error.name', { language: languageName(l) }));
    }
    need(ids.add, draft.values.length >= 2, t('codeForm.error.too_few'));
    const keys = keysOf(draft.values);
    draft.values.forEach((v, i) => {
      const number = i + 1;
      const own = v.key.trim();
      if (!v.saved) need(ids.key(v.uid), own === '' || KEY.test(own), t('codeForm.error.key', { number }));
      const key = keys.get(v.uid);
      const twice = draft.values.some((o) => o.uid !== v.uid && keys.get(o.uid) === key);
      if (!v.saved && own !== '') need(ids.key(v.uid), !twice, t('codeForm.error.duplicate', { number }));
      for (const l of LANGUAGES) {
        const ok = v.labels[l].trim() !== '';
        need(ids.label(v.uid, l), ok, t('codeForm.error.label', { number, language: languageName(l) }));
      }
    });
    return found;
  };

  /** Which field the API's refusal is about (the codes in docs/regional.md, « Coding answers »). */
  const fieldOf = (failure: unknown): Record<string, string> => {
    if (!(failure instanceof ApiError)) return {};
    const detail = failure.details as { language?: Language; value?: string };
    const keys = keysOf(draft.values);
    const value = draft.values.find((v) => keys.get(v.uid) === detail.value);
    const gone = draft.removed.find((v) => v.key === detail.value);
    const at = (field: (uid: number) => string) => (value ? field(value.uid) : ids.add);
    return {
      'code.exists': ids.question,
      'code.question_not_in_questionnaire': creating ? ids.question : ids.name('fr'),
      'code.invalid_kind': `${ids.kind}-single`,
      'code.kind_in_use': `${ids.kind}-single`,
      'code.names_missing_language': ids.name(detail.language ?? 'fr'),
      'code.label_missing_language': at((uid) => ids.label(uid, detail.language ?? 'fr')),
      'code.too_few_values': ids.add,
      'code.invalid_key': at((uid) => (value?.saved ? ids.label(uid, 'fr') : ids.key(uid))),
      'code.duplicate_value': at((uid) => (value?.saved ? ids.label(uid, 'fr') : ids.key(uid))),
      'code.too_many_cues': at((uid) => ids.cues(uid, 'fr')),
      // The value that may not go is still on the page, among those removed, with « Remettre ».
      'code.values_in_use': gone ? ids.restore(gone.uid) : ids.add,
    };
  };

  const submit = async () => {
    const found = check();
    setErrors(found);
    if (found.length > 0) return;
    try {
      await saving.mutateAsync(bodyOf(draft, creating));
      void navigate(withLanguage(codePath(cycle, draft.questionId), language), {
        state: { codeSaved: creating ? 'created' : 'edited' },
      });
    } catch (failure) {
      setErrors(inUseError(failure) ?? errorsOf(failure, creating ? ids.question : ids.name('fr'), fieldOf(failure)));
    }
  };

  /** code.values_in_use said with the value's label and the country's name, on the value removed. */
  const inUseError = (failure: unknown): FieldError[] | null => {
    if (!(failure instanceof ApiError) || failure.code !== 'code.values_in_use') return null;
    const { value, country } = failure.details as { value?: string; country?: string };
    const gone = draft.removed.find((v) => v.key === value);
    const entry = detail?.countries.find((c) => c.country === country);
    if (!gone || !entry) return null;
    const label = localText(gone.labels, language) || gone.key;
    const name = localText(entry.countryName, language) || entry.country;
    return [{ field: ids.restore(gone.uid), message: t('codeForm.error.in_use', { label, country: name }) }];
  };

  const name = detail ? localText(detail.code.names, language) : '';
  return (
    <Page
      title={creating ? t('codeForm.new_title') : t('codeForm.edit_title', { question: draft.questionId, name })}
      caption={
        <Link to={creating ? codesPath(cycle) : codePath(cycle, draft.questionId)}>
          {creating ? t('coding.back_to_codes') : t('codeForm.back_to_code')}
        </Link>
      }
    >
      <Form errors={errors} onSubmit={submit} className="code-form">
        {creating ? (
          <SelectField
            id={ids.question}
            label={t('codeForm.question')}
            hint={questions.length === 0 ? t('codeForm.no_question_left') : t('codeForm.question_hint')}
            errors={errors}
            value={draft.questionId}
            onChange={(questionId) => set({ questionId })}
            placeholder={t('codeForm.choose')}
            options={questions.map((q) => ({ value: q.id, label: `${q.id} — ${cut(localText(q.text, language))}` }))}
          />
        ) : (
          <p>{t('codeForm.question_fixed', { question: draft.questionId })}</p>
        )}
        <RadioGroup
          id={ids.kind}
          label={t('codeForm.kind')}
          errors={errors}
          value={draft.kind}
          onChange={(kind) => set({ kind: kind as CodeDraft['kind'] })}
          options={[
            { value: 'single', label: t('codeForm.kind_single'), hint: t('codeForm.kind_single_hint') },
            { value: 'multiple', label: t('codeForm.kind_multiple'), hint: t('codeForm.kind_multiple_hint') },
          ]}
        />
        <fieldset className="code-form-names">
          <legend>{t('codeForm.names')}</legend>
          <p className="hint">{t('codeForm.names_hint')}</p>
          <div className="code-form-langs">
            {LANGUAGES.map((l) => (
              <TextField
                key={l}
                id={ids.name(l)}
                label={t('codeForm.name_in', { language: languageName(l) })}
                errors={errors}
                lang={l}
                dir={l === 'ar' ? 'rtl' : 'ltr'}
                value={draft.names[l]}
                onChange={(text) => set({ names: { ...draft.names, [l]: text } })}
              />
            ))}
          </div>
        </fieldset>
        <h2>{t('codeForm.values')}</h2>
        <p className="hint">{t('codeForm.values_hint')}</p>
        <p className="hint" id="code-cues-hint">
          {t('codeForm.cues_hint')}
        </p>
        <ol className="code-form-values">
          {draft.values.map((value, i) => (
            <li key={value.uid}>
              <ValueFields
                value={value}
                number={i + 1}
                count={draft.values.length}
                uses={value.saved ? (inUse.get(value.key) ?? 0) : 0}
                errors={errors}
                onChange={(change) => setValue(value.uid, change)}
                onMove={(by) => move(value.uid, by)}
                onRemove={() => remove(value)}
              />
            </li>
          ))}
        </ol>
        <p>
          <button type="button" id={ids.add} className="button button-secondary" onClick={add}>
            {t('codeForm.add_value')}
          </button>
        </p>
        {draft.removed.length > 0 && (
          <section className="code-form-removed" aria-labelledby="code-removed-title">
            <h3 id="code-removed-title">{t('codeForm.removed')}</h3>
            <p className="hint">{t('codeForm.removed_hint')}</p>
            <ul>
              {draft.removed.map((v) => {
                const failed = errors.some((e) => e.field === ids.restore(v.uid));
                return (
                  <li key={v.uid} className={failed ? 'field-error' : undefined}>
                    <FieldMessage id={ids.restore(v.uid)} errors={errors} />
                    <span>{localText(v.labels, language) || v.key}</span>{' '}
                    <button
                      type="button"
                      id={ids.restore(v.uid)}
                      className="button button-secondary button-small"
                      aria-describedby={failed ? `${ids.restore(v.uid)}-error` : undefined}
                      onClick={() => restore(v)}
                    >
                      {t('codeForm.restore', { label: localText(v.labels, language) || v.key })}
                    </button>
                  </li>
                );
              })}
            </ul>
          </section>
        )}
        <div className="button-group">
          <button type="submit" className="button" disabled={saving.isPending}>
            {creating ? t('codeForm.create') : t('codeForm.save')}
          </button>
          <Link to={creating ? codesPath(cycle) : codePath(cycle, draft.questionId)}>{t('codeForm.cancel')}</Link>
        </div>
      </Form>
    </Page>
  );
}
