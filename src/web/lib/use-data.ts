import { useCallback, useEffect, useState } from 'react';
import { ApiError, get } from './api.js';

/** GETs a resource; `reload` fetches it again (after a change). */
export function useData<T>(path: string | null) {
  const [data, setData] = useState<T | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [version, setVersion] = useState(0);
  useEffect(() => {
    if (!path) return;
    let live = true;
    get<T>(path).then(
      (value) => live && (setData(value), setError(null)),
      (failure: unknown) =>
        live && setError(failure instanceof ApiError ? failure : new ApiError(0, 'unknown', String(failure))),
    );
    return () => {
      live = false;
    };
  }, [path, version]);
  const reload = useCallback(() => setVersion((v) => v + 1), []);
  return { data, error, reload, setData };
}
