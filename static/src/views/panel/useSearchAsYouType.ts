/**
 * Search as you type: the query follows the text field after a short pause (one server call per pause,
 * not per key), and at once on Enter.
 */
import { useEffect, useRef } from 'react';

const PAUSE_MS = 300;

export function useSearchAsYouType(apply: (text: string | undefined) => void, current: string | undefined) {
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const applyRef = useRef(apply);
  applyRef.current = apply;
  useEffect(() => () => clearTimeout(timer.current), []);
  const now = (raw: string) => {
    clearTimeout(timer.current);
    const text = raw.trim() || undefined;
    if (text !== current) applyRef.current(text);
  };
  return {
    now,
    later: (raw: string) => {
      clearTimeout(timer.current);
      timer.current = setTimeout(() => now(raw), PAUSE_MS);
    },
  };
}
