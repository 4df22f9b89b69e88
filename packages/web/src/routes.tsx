import { lazy, Suspense, type ReactNode } from 'react';
import { createBrowserRouter } from 'react-router-dom';
import RouteError from './components/RouteError';
import { AppLayout } from './components/AppLayout';
import { FullPageSpin, RequireAuth } from './components/RequireAuth';
import type { Role } from './types';

const Login = lazy(() => import('./pages/Login'));
const Register = lazy(() => import('./pages/Register'));
const Home = lazy(() => import('./pages/Home'));
const Organizations = lazy(() => import('./pages/Organizations'));
const Calls = lazy(() => import('./pages/Calls'));
const CallForm = lazy(() => import('./pages/CallForm'));
const Submissions = lazy(() => import('./pages/Submissions'));
const SubmissionForm = lazy(() => import('./pages/SubmissionForm'));
const SubmissionDetail = lazy(() => import('./pages/SubmissionDetail'));
const Import = lazy(() => import('./pages/Import'));
const Audit = lazy(() => import('./pages/Audit'));
const ChangePassword = lazy(() => import('./pages/ChangePassword'));
const Reviews = lazy(() => import('./pages/Reviews'));
const ReviewDetail = lazy(() => import('./pages/ReviewDetail'));
const ReviewRelations = lazy(() => import('./pages/ReviewRelations'));
const CallReview = lazy(() => import('./pages/CallReview'));
const Batches = lazy(() => import('./pages/Batches'));
const BatchDetail = lazy(() => import('./pages/BatchDetail'));
const Search = lazy(() => import('./pages/Search'));
const Listing = lazy(() => import('./pages/Listing'));
const Notifications = lazy(() => import('./pages/Notifications'));
const Subscriptions = lazy(() => import('./pages/Subscriptions'));
const Duplicates = lazy(() => import('./pages/Duplicates'));
const Dictionary = lazy(() => import('./pages/Dictionary'));
const SubscriptionHits = lazy(() => import('./pages/SubscriptionHits'));
const NotFound = lazy(() => import('./pages/NotFound'));

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
      { path: 'calls/:id/edit', element: only(['operator'], <CallForm />) },
      { path: 'calls/:id/review', element: only(['operator'], <CallReview />) },
      { path: 'reviews', element: only(['reviewer'], <Reviews />) },
      { path: 'reviews/relations', element: only(['reviewer'], <ReviewRelations />) },
      { path: 'reviews/:id', element: only(['reviewer'], <ReviewDetail />) },
      { path: 'batches', element: only(['operator'], <Batches />) },
      { path: 'batches/:id', element: only(['operator'], <BatchDetail />) },
      { path: 'submissions', element: <Submissions /> },
      { path: 'submissions/new', element: <SubmissionForm /> },
      { path: 'submissions/:id', element: <SubmissionDetail /> },
      { path: 'submissions/:id/edit', element: <SubmissionForm /> },
      { path: 'import', element: only(['operator', 'org_admin'], <Import />) },
      { path: 'audit', element: only(['operator'], <Audit />) },
      { path: 'search', element: <Search /> },
      { path: 'listings/:id', element: <Listing /> },
      { path: 'notifications', element: <Notifications /> },
      { path: 'subscriptions', element: only(['org_admin', 'org_member'], <Subscriptions />) },
      { path: 'subscriptions/:id', element: only(['org_admin', 'org_member'], <SubscriptionHits />) },
      { path: 'duplicates', element: only(['operator'], <Duplicates />) },
      { path: 'dictionary', element: only(['operator'], <Dictionary />) },
      { path: 'account/password', element: <ChangePassword /> },
      { path: '*', element: <NotFound /> },
    ],
  },
]);
