'use client';
import { useState } from 'react';
import { useHydrated } from './class-local-time';

/**
 * Copies a text (a join or invite link) to the clipboard and says so. Shown
 * only once script runs; without it, the link stays selectable beside it.
 */
export function CopyButton({ text, label = 'Copy link', what = 'Link' }: { text: string; label?: string; what?: string }) {
  const hydrated = useHydrated();
  const [status, setStatus] = useState('');
  if (!hydrated) return null;
  async function copy() {
    try {
      await navigator.clipboard.writeText(text);
      setStatus(`${what} copied.`);
    } catch {
      setStatus('Could not copy: select the link and copy it yourself.');
    }
  }
  return (
    <span className="copy">
      <button type="button" className="btn btn--ghost btn--small" onClick={copy}>
        {label}
      </button>
      <span role="status" className="status copy__status">
        {status}
      </span>
    </span>
  );
}
