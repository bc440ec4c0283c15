import { useCallback, useEffect, useRef, useState } from 'react';

export interface Resource<T> {
  data: T | undefined;
  error: unknown;
  loading: boolean;
  /** Loads again, keeping what is shown until the answer arrives (live updates do not flash). */
  reload(): void;
}

/** Loads `load()` whenever `key` changes; answers to superseded loads are dropped. */
export function useResource<T>(load: () => Promise<T>, key: string): Resource<T> {
  const [state, setState] = useState<{ data?: T; error?: unknown; loading: boolean }>({ loading: true });
  const latest = useRef(0);
  const loader = useRef(load);
  useEffect(() => {
    loader.current = load;
  });

  const run = useCallback(() => {
    const ticket = ++latest.current;
    setState((s) => ({ ...s, loading: true }));
    loader.current().then(
      (data) => ticket === latest.current && setState({ data, loading: false }),
      (error: unknown) => ticket === latest.current && setState((s) => ({ data: s.data, error, loading: false })),
    );
  }, []);

  useEffect(() => {
    setState({ loading: true });
    run();
  }, [key, run]);

  return { ...state, reload: run } as Resource<T>;
}
