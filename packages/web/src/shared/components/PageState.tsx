import { Alert } from 'antd';
import type { ReactNode } from 'react';
import { pickPageState, type PageStateInput } from '../pageState';
import { LoadError } from './LoadError';

export interface PageStateProps extends PageStateInput {
  onRetry?: () => void;
  /** The page's empty state (an antd Empty with its test id and hint). */
  empty?: ReactNode;
}

/** The one state message a page shows (see pageState.ts); nothing when it has content to show. */
export function PageState({ onRetry, empty, ...input }: PageStateProps) {
  switch (pickPageState(input)) {
    case 'blocked':
      return (
        <Alert type="warning" showIcon title={input.blocked} style={{ marginBottom: 16 }} data-testid="page-state" data-state="blocked" />
      );
    case 'error':
      return <LoadError error={input.error} onRetry={onRetry} />;
    case 'empty':
      return <>{empty ?? null}</>;
    case 'ready':
      return null;
  }
}
