import { liveQuery } from 'dexie';
import { useEffect, useState } from 'preact/hooks';
import { wordError } from './problem-words';

/**
 * Subscribes to a Dexie live query: the view re-renders whenever a write anywhere (the
 * background's service worker included) changes what the query reads.
 */
export function useLiveQuery<T>(
  query: () => Promise<T>,
  deps: unknown[],
): { value: T | undefined; error: string | null } {
  const [state, setState] = useState<{ value: T | undefined; error: string | null }>({ value: undefined, error: null });
  useEffect(() => {
    const sub = liveQuery(query).subscribe({
      next: (value) => setState({ value, error: null }),
      error: (e: unknown) => setState({ value: undefined, error: wordError(e) }),
    });
    return () => sub.unsubscribe();
  }, deps);
  return state;
}
