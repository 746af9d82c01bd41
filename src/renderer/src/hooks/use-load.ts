// Loads something from the api when its inputs change; a late answer for old inputs is dropped.
import { useCallback, useEffect, useState, type DependencyList } from 'react';
import { ApiError } from '../../../shared/contracts/api';

export interface Loaded<T> {
  /** The last answer, kept while a newer one loads; undefined before the first. */
  data: T | undefined;
  error: ApiError | null;
  loading: boolean;
  reload(): void;
  /** Changes the data in place, e.g. with a pushed update. */
  update(change: (old: T) => T): void;
}

export function useLoad<T>(load: () => Promise<T>, deps: DependencyList): Loaded<T> {
  const [data, setData] = useState<T | undefined>(undefined);
  const [error, setError] = useState<ApiError | null>(null);
  const [loading, setLoading] = useState(true);
  const [version, setVersion] = useState(0);

  useEffect(() => {
    let live = true;
    setLoading(true);
    load().then(
      (value) => {
        if (!live) return;
        setData(value);
        setError(null);
        setLoading(false);
      },
      (err: unknown) => {
        if (!live) return;
        setError(err instanceof ApiError ? err : new ApiError(0, String(err)));
        setLoading(false);
      },
    );
    return () => {
      live = false;
    };
    // `load` is a new closure on every render; its inputs are the deps.
  }, [...deps, version]);

  const reload = useCallback(() => setVersion((n) => n + 1), []);
  const update = useCallback(
    (change: (old: T) => T) => setData((old) => (old === undefined ? old : change(old))),
    [],
  );
  return { data, error, loading, reload, update };
}
