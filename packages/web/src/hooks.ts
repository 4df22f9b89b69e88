import { useCallback, useEffect, useRef, useState } from 'react';
import { App } from 'antd';
import { errorMessage } from './api';

export interface Loaded<T> {
  data: T | undefined;
  loading: boolean;
  error: unknown;
  reload: () => void;
  setData: (d: T) => void;
}

/** Runs `fn` when `deps` change; keeps only the latest answer. */
export function useLoad<T>(fn: () => Promise<T>, deps: ReadonlyArray<unknown>): Loaded<T> {
  const [data, setData] = useState<T>();
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<unknown>(null);
  const [tick, setTick] = useState(0);
  const fnRef = useRef(fn);
  fnRef.current = fn;

  useEffect(() => {
    let alive = true;
    setLoading(true);
    fnRef
      .current()
      .then((d) => {
        if (!alive) return;
        setData(d);
        setError(null);
      })
      .catch((e: unknown) => alive && setError(e))
      .finally(() => alive && setLoading(false));
    return () => {
      alive = false;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [...deps, tick]);

  const reload = useCallback(() => setTick((t) => t + 1), []);
  return { data, loading, error, reload, setData };
}

/** Shows any thrown error as an antd message in Chinese. */
export function useErrorToast(): (err: unknown) => void {
  const { message } = App.useApp();
  return useCallback((err: unknown) => {
    void message.error(errorMessage(err));
  }, [message]);
}
