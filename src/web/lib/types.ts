import type { components, operations } from '../../../generated/api-types.js';

/**
 * The shapes the web app reads from the API, named. They are not written here: api-types.ts is
 * generated from the server's route schemas (docs/api-contract.md), so a change on the server
 * that the app does not follow fails `tsc -p src/web`.
 */
type Json<Op extends keyof operations, Status extends number = 200> =
  operations[Op]['responses'] extends Record<Status, { content: { 'application/json': infer Body } }> ? Body : never;

export type Session = Json<'getSession'>;
export type Grant = Session['grants'][number];
export type Multilingual = components['schemas']['Multilingual'];

export type Answer = Json<'getAnswer'>;
export type Move = Answer['allowedMoves'][number] | Json<'getDashboard'>['allowedMoves'][number];
export type Assignment = Answer['assignments'][number];
export type Contribution = Answer['contributions'][number];
export type Comment = Answer['comments'][number];
export type Objective = Answer['objectives'][number];
export type EntityRef = Answer['myEntities'][number];

export type Revisions = Json<'listRevisions'>;
export type Revision = Revisions['revisions'][number];
export type Diff = Json<'diffRevisions'>;
export type DiffLine = Diff['lines'][number];
export type AnswerSaved = Json<'saveAnswer'>;
export type AnswerDraftSaved = Json<'saveAnswerDraft'>;
export type Neighbours = NonNullable<Answer['neighbours']>;
export type ContributionSaved = Json<'saveContribution'>;

export type Workspace = Json<'getDashboard'>;
export type DashboardQuestion = Workspace['sections'][number]['questions'][number];
/** What a bulk move answers (POST …/answers/status): the answers moved. */
export type AnswersMoved = Json<'moveAnswers'>;
export type ReviewMoved = Json<'moveReview'>;
export type Tasks = Json<'listTasks'>;
export type Todo = Tasks['todo'];
export type Notifications = Json<'listNotifications'>;
export type Notification = Notifications['notifications'][number];
export type Entities = Json<'listEntities'>;
export type Entity = Entities['entities'][number];
export type Users = Json<'listUsers'>;
export type User = Users['users'][number];
export type SignInProviders = Json<'getSignInProviders'>;
export type ExportJob = Json<'getExportJob'>;

// Submissions to the regional secretariat, and the people it (or a focal point) manages.
export type Submission = Json<'getSubmission'>;
export type ReviewSubmissions = Json<'listReviewSubmissions'>;
export type SubmissionSummary = ReviewSubmissions['submissions'][number];
export type SubmissionEvent = Submission['events'][number];
export type Questionnaire = Json<'getQuestionnaire'>;
export type QuestionnaireSection = Questionnaire['sections'][number];
export type QuestionnaireQuestion = QuestionnaireSection['questions'][number];
export type QuestionnaireVersions = Json<'listQuestionnaires'>;
export type QuestionnaireVersion = QuestionnaireVersions['versions'][number];
export type QuestionnaireBody = operations['editQuestionnaire']['requestBody']['content']['application/json'];
export type QuestionMapping = Json<'getQuestionMapping'>;
export type Countries = Json<'listCountries'>;
export type CountryInfo = Countries['countries'][number];
export type CountrySettings = Json<'getCountrySettings'>;
export type People = Json<'listPeople'>;
export type Person = People['people'][number];
export type Invitations = Json<'listInvitations'>;
export type Invitation = Invitations['invitations'][number];
export type InvitationCreated = Json<'createInvitation', 201>;
export type CycleInfo = Json<'getCycle'>;
export type CodeList = Json<'listCodes'>;
export type CodeDetail = Json<'getCode'>;
export type CodedCountry = CodeDetail['countries'][number];
export type CodeFigures = Json<'getCodeFigures'>;
export type ObjectivesMatrix = Json<'getObjectivesMatrix'>;
export type Cycles = Json<'listCycles'>;
/** What an import read of a file (POST /imports; 201 when stored, the same shape). */
export type ImportedReview = Json<'importReview'>;

export type Tracking = Json<'getCycleTracking'>;
export type TrackedCountry = Tracking['countries'][number];
export type Reminders = Json<'sendReminders'>;
export type MailPreferences = Json<'getPreferences'>;
export type SubmissionTranslations = Json<'listTranslations'>;
export type Translation = SubmissionTranslations['translations'][number];
export type TranslationWork = Json<'listTranslationWork'>;
export type Comparison = Json<'compareAnswers'>;
export type ComparedAnswer = Comparison['answers'][number];
export type CountryGroups = Json<'listCountryGroups'>;
export type CountryGroup = CountryGroups['groups'][number];
export type Objectives = Json<'listObjectives'>;
export type Principles = Json<'listPrinciples'>;

/** The repository of practices (docs/practices.md). */
export type Practices = Json<'listPractices'>;
export type Practice = Json<'getPractice'>;
export type PracticeState = Practice['state'];

/** The change between two cycles: one country's, and the region's table. */
export type CountryChange = Json<'getCountryChange'>;
export type RegionChange = Json<'getRegionChange'>;
