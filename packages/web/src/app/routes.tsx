import { lazy, Suspense, type ReactNode } from 'react';
import { createBrowserRouter } from 'react-router-dom';
import RouteError from './RouteError';
import { AppLayout } from './AppLayout';
import { FullPageSpin, RequireAuth } from './RequireAuth';
import type { Role } from '../shared/types';

const Login = lazy(() => import('../features/auth/Login'));
const Register = lazy(() => import('../features/auth/Register'));
const Home = lazy(() => import('../features/home/Home'));
const Organizations = lazy(() => import('../features/organizations/Organizations'));
const Calls = lazy(() => import('../features/calls/Calls'));
const CallForm = lazy(() => import('../features/calls/CallForm'));
const CallDetail = lazy(() => import('../features/calls/CallDetail'));
const Challenges = lazy(() => import('../features/challenges/Challenges'));
const ChallengeForm = lazy(() => import('../features/challenges/ChallengeForm'));
const ChallengeDetail = lazy(() => import('../features/challenges/ChallengeDetail'));
const Applications = lazy(() => import('../features/applications/Applications'));
const ApplicationForm = lazy(() => import('../features/applications/ApplicationForm'));
const ApplicationDetail = lazy(() => import('../features/applications/ApplicationDetail'));
const Awards = lazy(() => import('../features/awards/Awards'));
const AwardDetail = lazy(() => import('../features/awards/AwardDetail'));
const AcceptanceTasks = lazy(() => import('../features/awards/AcceptanceTasks'));
const Publicities = lazy(() => import('../features/publicity/Publicities'));
const PublicityDetail = lazy(() => import('../features/publicity/PublicityDetail'));
const MyObjections = lazy(() => import('../features/publicity/MyObjections'));
const Submissions = lazy(() => import('../features/submissions/Submissions'));
const SubmissionForm = lazy(() => import('../features/submissions/SubmissionForm'));
const SubmissionDetail = lazy(() => import('../features/submissions/SubmissionDetail'));
const Import = lazy(() => import('../features/imports/Import'));
const Audit = lazy(() => import('../features/audit/Audit'));
const ChangePassword = lazy(() => import('../features/auth/ChangePassword'));
const Reviews = lazy(() => import('../features/review/Reviews'));
const ReviewDetail = lazy(() => import('../features/review/ReviewDetail'));
const ReviewRelations = lazy(() => import('../features/review/ReviewRelations'));
const CallReview = lazy(() => import('../features/review/CallReview'));
const ChallengeReview = lazy(() => import('../features/application-review/ChallengeReview'));
const MyApplicationReviews = lazy(() => import('../features/application-review/MyApplicationReviews'));
const ApplicationReviewDetail = lazy(() => import('../features/application-review/ApplicationReviewDetail'));
const BenchmarkCases = lazy(() => import('../features/benchmark-cases/BenchmarkCases'));
const Batches = lazy(() => import('../features/publication/Batches'));
const BatchDetail = lazy(() => import('../features/publication/BatchDetail'));
const Search = lazy(() => import('../features/search/Search'));
const Listing = lazy(() => import('../features/search/Listing'));
const Notifications = lazy(() => import('../features/notifications/Notifications'));
const NotificationSettings = lazy(() => import('../features/notifications/NotificationSettings'));
const Subscriptions = lazy(() => import('../features/subscriptions/Subscriptions'));
const Duplicates = lazy(() => import('../features/quality/Duplicates'));
const Dictionary = lazy(() => import('../features/vocabulary/Dictionary'));
const CalendarPage = lazy(() => import('../features/calendar/CalendarPage'));
const SubscriptionHits = lazy(() => import('../features/subscriptions/SubscriptionHits'));
const Dashboard = lazy(() => import('../features/dashboard/Dashboard'));
const Deals = lazy(() => import('../features/deals/Deals'));
const DealDetail = lazy(() => import('../features/deals/DealDetail'));
const DealForm = lazy(() => import('../features/deals/DealForm'));
const BrokerWorkspace = lazy(() => import('../features/brokers/BrokerWorkspace'));
const Contracts = lazy(() => import('../features/contracts/Contracts'));
const ContractForm = lazy(() => import('../features/contracts/ContractForm'));
const ContractDetail = lazy(() => import('../features/contracts/ContractDetail'));
const RegistrarQueue = lazy(() => import('../features/contracts/RegistrarQueue'));
const ContractImport = lazy(() => import('../features/contracts/ContractImport'));
const Policies = lazy(() => import('../features/policies/Policies'));
const PolicyIngest = lazy(() => import('../features/policies/PolicyIngest'));
const PolicyDetail = lazy(() => import('../features/policies/PolicyDetail'));
const PolicyProfile = lazy(() => import('../features/policy-matching/PolicyProfile'));
const PoliciesForMe = lazy(() => import('../features/policy-matching/ForMe'));
const MyRedemptions = lazy(() => import('../features/policy-matching/MyRedemptions'));
const MeasureRedemptions = lazy(() => import('../features/policy-matching/MeasureRedemptions'));
const DigestArchive = lazy(() => import('../features/policy-digests/DigestArchive'));
const DigestComposer = lazy(() => import('../features/policy-digests/DigestComposer'));
const DigestPage = lazy(() => import('../features/policy-digests/DigestPage'));
const NotFound = lazy(() => import('./NotFound'));

const pub = (el: ReactNode) => <Suspense fallback={<FullPageSpin />}>{el}</Suspense>;
const only = (roles: Role[], el: ReactNode) => <RequireAuth roles={roles}>{el}</RequireAuth>;

export const router = createBrowserRouter([
  { path: '/login', element: pub(<Login />), errorElement: <RouteError /> },
  { path: '/register', element: pub(<Register />), errorElement: <RouteError /> },
  {
    path: '/',
    errorElement: <RouteError />,
    element: (
      <RequireAuth>
        <AppLayout />
      </RequireAuth>
    ),
    children: [
      { index: true, element: <Home /> },
      { path: 'organizations', element: only(['operator'], <Organizations />) },
      { path: 'calls', element: <Calls /> },
      { path: 'calls/new', element: only(['operator'], <CallForm />) },
      { path: 'calls/:id', element: <CallDetail /> },
      { path: 'calls/:id/edit', element: only(['operator'], <CallForm />) },
      { path: 'calls/:id/review', element: only(['operator'], <CallReview />) },
      { path: 'challenges', element: <Challenges /> },
      { path: 'challenges/new', element: only(['org_admin', 'org_member'], <ChallengeForm />) },
      { path: 'challenges/:id', element: <ChallengeDetail /> },
      { path: 'challenges/:id/edit', element: only(['org_admin', 'org_member'], <ChallengeForm />) },
      { path: 'challenges/:id/review', element: only(['operator'], <ChallengeReview />) },
      { path: 'challenges/:challengeId/apply', element: only(['org_admin', 'org_member'], <ApplicationForm />) },
      { path: 'challenges/:challengeId/applications', element: <Applications /> },
      { path: 'applications', element: only(['org_admin', 'org_member'], <Applications />) },
      { path: 'applications/:id', element: <ApplicationDetail /> },
      { path: 'applications/:id/edit', element: only(['org_admin', 'org_member'], <ApplicationForm />) },
      { path: 'awards', element: only(['org_admin', 'org_member', 'operator'], <Awards />) },
      { path: 'awards/:id', element: <AwardDetail /> },
      { path: 'acceptance-tasks', element: only(['reviewer'], <AcceptanceTasks />) },
      { path: 'publicity', element: <Publicities /> },
      { path: 'publicity/objections', element: only(['org_admin', 'org_member'], <MyObjections />) },
      { path: 'publicity/:id', element: <PublicityDetail /> },
      { path: 'reviews', element: only(['reviewer'], <Reviews />) },
      { path: 'reviews/relations', element: only(['reviewer'], <ReviewRelations />) },
      { path: 'reviews/:id', element: only(['reviewer'], <ReviewDetail />) },
      { path: 'application-reviews', element: only(['reviewer'], <MyApplicationReviews />) },
      { path: 'application-reviews/:id', element: only(['reviewer'], <ApplicationReviewDetail />) },
      { path: 'batches', element: only(['operator'], <Batches />) },
      { path: 'batches/:id', element: only(['operator'], <BatchDetail />) },
      { path: 'benchmark-cases', element: only(['operator'], <BenchmarkCases />) },
      { path: 'submissions', element: <Submissions /> },
      { path: 'submissions/new', element: <SubmissionForm /> },
      { path: 'submissions/:id', element: <SubmissionDetail /> },
      { path: 'submissions/:id/edit', element: <SubmissionForm /> },
      { path: 'import', element: only(['operator', 'org_admin'], <Import />) },
      { path: 'audit', element: only(['operator'], <Audit />) },
      { path: 'search', element: <Search /> },
      { path: 'listings/:id', element: <Listing /> },
      { path: 'notifications', element: <Notifications /> },
      { path: 'settings/notifications', element: <NotificationSettings /> },
      { path: 'subscriptions', element: only(['org_admin', 'org_member'], <Subscriptions />) },
      { path: 'subscriptions/:id', element: only(['org_admin', 'org_member'], <SubscriptionHits />) },
      { path: 'duplicates', element: only(['operator'], <Duplicates />) },
      { path: 'dictionary', element: only(['operator'], <Dictionary />) },
      { path: 'calendar', element: only(['operator'], <CalendarPage />) },
      { path: 'dashboard', element: only(['operator', 'registrar', 'broker'], <Dashboard />) },
      { path: 'deals', element: only(['operator', 'broker', 'org_admin', 'org_member'], <Deals />) },
      { path: 'deals/new', element: only(['operator', 'broker'], <DealForm />) },
      { path: 'deals/:id', element: <DealDetail /> },
      { path: 'broker', element: only(['broker'], <BrokerWorkspace />) },
      { path: 'contracts', element: only(['org_admin', 'org_member', 'operator', 'registrar'], <Contracts />) },
      { path: 'contracts/new', element: only(['org_admin', 'org_member'], <ContractForm />) },
      { path: 'contracts/import', element: only(['operator', 'registrar'], <ContractImport />) },
      { path: 'contracts/:id', element: <ContractDetail /> },
      { path: 'contracts/:id/edit', element: only(['org_admin', 'org_member'], <ContractForm />) },
      { path: 'contracts/:id/change', element: only(['org_admin', 'org_member'], <ContractForm mode="change" />) },
      { path: 'policies', element: <Policies /> },
      { path: 'policies/new', element: only(['operator'], <PolicyIngest />) },
      { path: 'policies/:id', element: <PolicyDetail /> },
      { path: 'contract-registrations', element: only(['operator', 'registrar'], <RegistrarQueue />) },
      { path: 'policy-profile', element: only(['org_admin', 'org_member'], <PolicyProfile />) },
      { path: 'policies/for-me', element: only(['org_admin', 'org_member'], <PoliciesForMe />) },
      { path: 'policies/:id/measures/:measureId/redemptions', element: only(['operator'], <MeasureRedemptions />) },
      { path: 'policy-redemptions', element: only(['org_admin', 'org_member'], <MyRedemptions />) },
      { path: 'policy-digests', element: <DigestArchive /> },
      { path: 'policy-digests/new', element: only(['operator'], <DigestComposer />) },
      { path: 'policy-digests/:id', element: <DigestPage /> },
      { path: 'account/password', element: <ChangePassword /> },
      { path: '*', element: <NotFound /> },
    ],
  },
]);
