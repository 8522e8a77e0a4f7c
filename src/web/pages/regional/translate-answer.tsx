import { useNavigate, useSearchParams } from 'react-router';
import type { Block } from '../../../domain/blocks.js';
import { Link } from '../../components/link.js';
import { LoadError, Loading, Page } from '../../components/page.js';
import { SyntheticLabel } from '../../components/synthetic.js';
import { reviewPath } from '../../lib/api.js';
import { localText, useLocale } from '../../lib/i18n.js';
import { withLanguage } from '../../lib/navigation.js';
import { useApi } from '../../lib/query.js';
import { useSession } from '../../lib/session.js';
import type { Comparison, CycleInfo } from '../../lib/types.js';
import { FILTERS, mayTranslate, sideBySidePath } from './side-by-side.js';
import { TranslationEditor } from './translation-editor.js';

/**
 * `/cycles/:cycle/questions/:questionId/translate/:country`: the translation of one country's
 * answer into the reader's language, opened from « Traduire en … » on the side-by-side view. The
 * answer, its language and its current translation come from the same side-by-side answer (with
 * the same filters, so usually already loaded); saving or cancelling goes back to that view —
 * same question, same filters — which then shows the translation beside the original.
 */
export function TranslateAnswerPage(props: { cycle: string; questionId: string; country: string }) {
  const { t, language } = useLocale();
  const navigate = useNavigate();
  const [query] = useSearchParams();
  const filters = Object.fromEntries(FILTERS.flatMap((f) => (query.get(f) ? [[f, query.get(f)!]] : [])));
  const search = new URLSearchParams(filters).toString();
  const answersPath = `/cycles/${encodeURIComponent(props.cycle)}/questions/${encodeURIComponent(props.questionId)}/answers`;
  const view = useApi<Comparison>(`${answersPath}${search ? `?${search}` : ''}`);
  const info = useApi<CycleInfo>(`/cycles/${encodeURIComponent(props.cycle)}`);
  const { session } = useSession();
  const back = sideBySidePath(props.cycle, props.questionId, filters);
  const goBack = (translated?: string) =>
    void navigate(withLanguage(back, language), translated ? { state: { translated } } : {});

  if (view.error) return <LoadError error={view.error} />;
  if (info.error) return <LoadError error={info.error} />;
  if (!view.data || !info.data) return <Loading />;
  const answer = view.data.answers.find((a) => a.country === props.country);
  const name = answer ? localText(answer.countryName, language) || answer.country : props.country;
  const backLink = <Link to={back}>{t('sidebyside.back')}</Link>;
  // Only an answer read from a submission, in another language than the reader's, is translated
  // here, by who may (the API refuses anyone else anyway: this says so before any typing).
  const allowed = mayTranslate(session, view.data.region, info.data.languages, language);
  if (
    !allowed ||
    !answer ||
    answer.source.kind !== 'submission' ||
    answer.language === language ||
    !answer.blocks.length
  ) {
    return (
      <Page title={t('sidebyside.translate_title', { country: name, question: props.questionId })} caption={backLink}>
        <p>{t('sidebyside.translate_none')}</p>
      </Page>
    );
  }
  const submission = `${reviewPath(answer.country, props.cycle)}/submissions/${answer.source.number}`;
  return (
    <Page
      title={t('sidebyside.translate_title', { country: name, question: props.questionId })}
      caption={backLink}
      before={answer.synthetic && <SyntheticLabel />}
    >
      <p className="lead sbs-question">{view.data.question.text}</p>
      <TranslationEditor
        path={submission}
        number={answer.source.number}
        questionId={props.questionId}
        language={language}
        answerLanguage={answer.language}
        original={answer.blocks as Block[]}
        current={answer.translation ?? undefined}
        queries={[answersPath, `${submission}/translations`, '/translations/work']}
        onDone={() => goBack(props.country)}
        onCancel={() => goBack()}
        heading="h2"
      />
    </Page>
  );
}
