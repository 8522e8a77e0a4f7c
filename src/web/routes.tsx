import { Fragment, type ReactNode } from 'react';
import { Navigate, Outlet, Route, Routes, useLocation, useParams, type Params } from 'react-router';
import { useLocale } from './lib/i18n.js';
import { withLanguage } from './lib/navigation.js';
import { useSession } from './lib/session.js';
import { AccountPage } from './pages/account.js';
import { AdminEntitiesPage, AdminUsersPage } from './pages/admin.js';
import { AdminCountrySettingsPage } from './pages/admin-settings.js';
import { AnswerPage } from './pages/answer.js';
import { ReviewPage } from './pages/contributor-review.js';
import { HistoryPage } from './pages/history.js';
import { ImportPage } from './pages/import.js';
import { NotFoundPage } from './pages/not-found.js';
import { PeoplePage } from './pages/people.js';
import { SignInPage } from './pages/sign-in.js';
import { TasksPage } from './pages/tasks.js';
import { CyclePage } from './pages/regional/cycle.js';
import { CycleFormPage } from './pages/regional/cycle-form.js';
import { RegionalHomePage } from './pages/regional/home.js';
import { regionalFirst } from './pages/regional/regional.js';
import { SubmissionPage } from './pages/regional/submission.js';
import { CodeFormPage } from './pages/regional/code-form.js';
import { CodesPage, CodingPage } from './pages/regional/coding.js';
import { FiguresPage } from './pages/regional/figures.js';
import { SynthesesPage } from './pages/synthesis/list.js';
import { SynthesisEditorPage } from './pages/synthesis/editor.js';
import { CitationRequestsPage } from './pages/synthesis/requests.js';
import { CountryChangesPage } from './pages/changes/country-changes.js';
import { RegionChangesPage } from './pages/changes/region-changes.js';
import { FirstQuestionPage, SideBySidePage } from './pages/regional/side-by-side.js';
import { EditPracticePage, ProposePracticePage } from './pages/practices/practice-form.js';
import { CountryPracticesPage, RegionPracticesPage } from './pages/practices/practice-lists.js';
import { PracticeViewPage } from './pages/practices/practice-view.js';
import { GroupsPage } from './pages/regional/groups.js';
import { TranslateAnswerPage } from './pages/regional/translate-answer.js';
import { TranslatorHomePage, translatorFirst } from './pages/regional/translator-home.js';
import { QuestionnairesPage } from './pages/questionnaires/list.js';
import { MappingPage } from './pages/questionnaires/mapping.js';
import { QuestionFormPage } from './pages/questionnaires/question-form.js';
import { SectionFormPage } from './pages/questionnaires/section-form.js';
import { VersionPage } from './pages/questionnaires/version.js';

/**
 * Every page of the app, in one place (under /app/, see lib/navigation.ts). These paths are
 * public: bookmarks, links in e-mails and the notifications of « Mon travail » lead to them, so
 * a path once here stays.
 */
export function AppRoutes() {
  return (
    <Routes>
      <Route path="/sign-in" element={<SignInPage />} />
      <Route element={<SignedIn />}>
        <Route index element={<Home />} />
        <Route path="/tasks" element={<Home />} />
        <Route path="/region" element={<RegionalHomePage />} />
        <Route path="/translations" element={<TranslatorHomePage />} />
        <Route path="/cycles/new" element={<CycleFormPage />} />
        <Route path="/cycles/:cycle" element={<Keyed render={(p) => <CyclePage cycle={p.cycle!} />} />} />
        <Route path="/cycles/:cycle/edit" element={<Keyed render={(p) => <CycleFormPage cycle={p.cycle!} />} />} />
        <Route
          path="/cycles/:cycle/questions"
          element={<Keyed render={(p) => <FirstQuestionPage cycle={p.cycle!} />} />}
        />
        <Route
          path="/cycles/:cycle/questions/:questionId"
          element={<Keyed render={(p) => <SideBySidePage cycle={p.cycle!} questionId={p.questionId!} />} />}
        />
        <Route
          path="/cycles/:cycle/questions/:questionId/translate/:country"
          element={
            <Keyed
              render={(p) => <TranslateAnswerPage cycle={p.cycle!} questionId={p.questionId!} country={p.country!} />}
            />
          }
        />
        <Route path="/cycles/:cycle/codes" element={<Keyed render={(p) => <CodesPage cycle={p.cycle!} />} />} />
        <Route path="/cycles/:cycle/codes/new" element={<Keyed render={(p) => <CodeFormPage cycle={p.cycle!} />} />} />
        <Route
          path="/cycles/:cycle/codes/:question/edit"
          element={<Keyed render={(p) => <CodeFormPage cycle={p.cycle!} question={p.question!} />} />}
        />
        <Route
          path="/cycles/:cycle/codes/:question"
          element={<Keyed render={(p) => <CodingPage cycle={p.cycle!} question={p.question!} />} />}
        />
        <Route path="/cycles/:cycle/figures" element={<Keyed render={(p) => <FiguresPage cycle={p.cycle!} />} />} />
        <Route path="/region/practices" element={<RegionPracticesPage />} />
        <Route
          path="/practices/country/:country"
          element={<Keyed render={(p) => <CountryPracticesPage country={p.country!} />} />}
        />
        <Route
          path="/practices/new/:country/:cycle"
          element={<Keyed render={(p) => <ProposePracticePage country={p.country!} cycle={p.cycle!} />} />}
        />
        <Route path="/practices/:id" element={<Keyed render={(p) => <PracticeViewPage id={p.id!} />} />} />
        <Route path="/practices/:id/edit" element={<Keyed render={(p) => <EditPracticePage id={p.id!} />} />} />
        <Route path="/cycles/:cycle/syntheses" element={<Keyed render={(p) => <SynthesesPage cycle={p.cycle!} />} />} />
        <Route
          path="/cycles/:cycle/syntheses/:id"
          element={<Keyed render={(p) => <SynthesisEditorPage cycle={p.cycle!} id={p.id!} />} />}
        />
        <Route
          path="/reviews/:country/:cycle/citation-requests"
          element={<Keyed render={(p) => <CitationRequestsPage country={p.country!} cycle={p.cycle!} />} />}
        />
        <Route
          path="/cycles/:cycle/changes"
          element={<Keyed render={(p) => <RegionChangesPage cycle={p.cycle!} />} />}
        />
        <Route
          path="/reviews/:country/changes"
          element={<Keyed render={(p) => <CountryChangesPage country={p.country!} />} />}
        />
        <Route path="/regions/:region/groups" element={<Keyed render={(p) => <GroupsPage region={p.region!} />} />} />
        <Route
          path="/reviews/:country/:cycle"
          // The dashboard for the country's team; an entity's member sees its own part of the review.
          element={<Keyed render={(p) => <ReviewPage country={p.country!} cycle={p.cycle!} />} />}
        />
        <Route
          path="/reviews/:country/:cycle/answers/:questionId"
          element={
            <Keyed render={(p) => <AnswerPage country={p.country!} cycle={p.cycle!} questionId={p.questionId!} />} />
          }
        />
        <Route
          path="/reviews/:country/:cycle/answers/:questionId/history"
          element={
            <Keyed render={(p) => <HistoryPage country={p.country!} cycle={p.cycle!} questionId={p.questionId!} />} />
          }
        />
        <Route
          path="/reviews/:country/:cycle/submissions/:number"
          element={
            <Keyed render={(p) => <SubmissionPage country={p.country!} cycle={p.cycle!} number={p.number!} />} />
          }
        />
        <Route path="/admin/entities" element={<AdminEntitiesPage />} />
        <Route path="/admin/users" element={<AdminUsersPage />} />
        <Route path="/admin/countries" element={<AdminCountrySettingsPage />} />
        <Route path="/questionnaires" element={<QuestionnairesPage />} />
        <Route
          path="/questionnaires/:id/:version"
          element={<Keyed render={(p) => <VersionPage id={p.id!} version={Number(p.version)} />} />}
        />
        <Route
          path="/questionnaires/:id/:version/mapping"
          element={<Keyed render={(p) => <MappingPage id={p.id!} version={Number(p.version)} />} />}
        />
        <Route
          path="/questionnaires/:id/:version/questions/:question"
          element={
            <Keyed render={(p) => <QuestionFormPage id={p.id!} version={Number(p.version)} question={p.question!} />} />
          }
        />
        <Route
          path="/questionnaires/:id/:version/sections/:section/new-question"
          element={
            <Keyed render={(p) => <QuestionFormPage id={p.id!} version={Number(p.version)} section={p.section!} />} />
          }
        />
        <Route
          path="/questionnaires/:id/:version/sections/:section"
          element={
            <Keyed render={(p) => <SectionFormPage id={p.id!} version={Number(p.version)} section={p.section!} />} />
          }
        />
        <Route
          path="/questionnaires/:id/:version/new-section"
          element={<Keyed render={(p) => <SectionFormPage id={p.id!} version={Number(p.version)} />} />}
        />
        <Route path="/imports/new" element={<ImportPage />} />
        <Route path="/people" element={<PeoplePage />} />
        <Route path="/account" element={<AccountPage />} />
        <Route path="*" element={<NotFoundPage />} />
      </Route>
    </Routes>
  );
}

/** A person who is only a regional secretariat starts on its region's home; anyone else on their tasks. */
function Home() {
  const { session } = useSession();
  if (translatorFirst(session)) return <TranslatorHomePage />;
  return regionalFirst(session) ? <RegionalHomePage /> : <TasksPage />;
}

/** Every page but the sign-in needs a session: without one, the sign-in, then back here (`next`). */
function SignedIn() {
  const { session } = useSession();
  const { language } = useLocale();
  const { pathname, search } = useLocation();
  if (session) return <Outlet />;
  const query = new URLSearchParams(search);
  query.delete('lang');
  const next = `${pathname}${query.size ? `?${query.toString()}` : ''}`;
  return <Navigate replace to={withLanguage('/sign-in', language, pathname === '/' ? {} : { next })} />;
}

/** A page of one thing (a review, a cycle…) starts afresh when the address names another one. */
function Keyed({ render }: { render: (params: Params) => ReactNode }) {
  const params = useParams();
  const { pathname } = useLocation();
  return <Fragment key={pathname}>{render(params)}</Fragment>;
}
