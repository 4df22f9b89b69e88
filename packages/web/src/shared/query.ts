/**
 * The one QueryClient of the app (TanStack Query). Settings for a back office where a stale
 * screen costs more than a request, and a surprise more than a stale list: nothing refetches on its
 * own when the window regains focus or the network returns (a form filled from a query would
 * lose what was typed), data is fresh for 30 s, no retry of 4xx answers
 * (they will not change), and after any write the cache of pages not on screen is dropped, so
 * returning to them loads afresh as before instead of showing what the write made stale.
 */
import { QueryClient } from '@tanstack/react-query';
import { ApiError, setWriteHandler } from './http';

export const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      staleTime: 30_000,
      refetchOnWindowFocus: false,
      refetchOnReconnect: false,
      retry: (failures, err) => !(err instanceof ApiError && err.status < 500) && failures < 1,
    },
  },
});

setWriteHandler(() => queryClient.removeQueries({ type: 'inactive' }));
