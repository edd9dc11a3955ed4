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
 * Formatters are made once per kind: `toLocaleString` with options builds a
 * new Intl.DateTimeFormat on every call (about a millisecond on a phone), and
 * a grid of 30 students renders one time per row, twice during hydration.
 */
const formatters = new Map<string, Intl.DateTimeFormat>();
function formatter(local: boolean, withWeekday: boolean): Intl.DateTimeFormat {
  const key = `${local}:${withWeekday}`;
  let f = formatters.get(key);
  if (!f) {
    const opts: Intl.DateTimeFormatOptions = { dateStyle: withWeekday ? 'full' : 'medium', timeStyle: 'short' };
    f = local ? new Intl.DateTimeFormat(undefined, opts) : new Intl.DateTimeFormat('en-GB', { ...opts, timeZone: 'UTC' });
    formatters.set(key, f);
  }
  return f;
}

/**
 * A date and time in the reader's own time zone. The server does not know it,
 * so the first render (and the page without script) says UTC explicitly.
 */
export function LocalTime({ iso, withWeekday = false }: { iso: string; withWeekday?: boolean }) {
  const hydrated = useHydrated();
  const d = new Date(iso);
  const text = hydrated ? formatter(true, withWeekday).format(d) : `${formatter(false, withWeekday).format(d)} UTC`;
  return <time dateTime={iso}>{text}</time>;
}
