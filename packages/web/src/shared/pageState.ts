/**
 * One state message at a time. A page shows either that it cannot be used (a warning, and then
 * nothing is asked of the server), or its load error, or its empty state — never two of them,
 * which contradict each other (“加载失败” above “还没有记录，去填报”).
 */
export type PageStateKind = 'blocked' | 'error' | 'empty' | 'ready';

export interface PageStateInput {
  /** Why the page cannot be used by this user now (role, organisation status); null when it can. */
  blocked?: string | null;
  error?: unknown;
  /** Rows (or items) on hand; undefined while nothing has loaded yet. */
  count?: number;
}

export function pickPageState({ blocked, error, count }: PageStateInput): PageStateKind {
  if (blocked) return 'blocked';
  // Rows loaded earlier stay on screen under a failed refresh: the error is then the only message.
  if (error) return 'error';
  if (count === 0) return 'empty';
  return 'ready';
}
