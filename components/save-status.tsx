'use client';
import { saveStateText, type SaveState } from '@/lib/exercise/outbox';

const MARK: Record<SaveState['kind'], string> = { saved: '✓', pending: '…', saving: '…', offline: '⚠', error: '✗', stopped: '✗' };

/**
 * The autosave state in words ("Saving…", "Saved", "Offline — will retry"),
 * announced politely to screen readers; the symbol and colour only repeat
 * what the words say.
 */
export function SaveStatus({ state, storageError = false }: { state: SaveState | null; storageError?: boolean }) {
  const text = saveStateText(state);
  return (
    <p className={`save-status save-status--${state?.kind ?? 'idle'}`} role="status" aria-live="polite" data-testid="save-status">
      {state && (
        <span className="save-status__mark" aria-hidden="true">
          {MARK[state.kind]}
        </span>
      )}
      <span>{state ? text : 'Your answers save automatically as you type.'}</span>
      {state?.kind === 'offline' && <span className="save-status__detail"> Your changes are kept on this device and sent when the connection is back.</span>}
      {storageError && <span className="save-status__detail"> This browser cannot keep unsent changes (private mode or storage full): stay online and keep this tab open.</span>}
    </p>
  );
}
