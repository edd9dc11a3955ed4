'use client';
import { useSyncExternalStore } from 'react';

const noop = () => () => undefined;

/** False while rendering on the server and during hydration, true after: for progressive enhancements. */
export function useHydrated(): boolean {
  return useSyncExternalStore(
    noop,
    () => true,
    () => false,
  );
}

/** The browser's time zone name, or 'UTC' before hydration (and without script). */
export function useTimeZone(): string {
  const hydrated = useHydrated();
  if (!hydrated) return 'UTC';
  try {
    return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
  } catch {
    return 'UTC';
  }
}

/**
 * A date and time in the reader's own time zone. The server does not know it,
 * so the first render (and the page without script) says UTC explicitly.
 */
export function LocalTime({ iso, withWeekday = false }: { iso: string; withWeekday?: boolean }) {
  const hydrated = useHydrated();
  const d = new Date(iso);
  const opts: Intl.DateTimeFormatOptions = { dateStyle: withWeekday ? 'full' : 'medium', timeStyle: 'short' };
  const text = hydrated ? d.toLocaleString(undefined, opts) : `${d.toLocaleString('en-GB', { ...opts, timeZone: 'UTC' })} UTC`;
  return <time dateTime={iso}>{text}</time>;
}
