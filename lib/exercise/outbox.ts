/**
 * The classroom autosave queue, in the browser. Every edit gets the next seq
 * of its attempt and waits in localStorage (keyed by attempt) until the server
 * has acknowledged it, so a refresh, a crash or a lost connection loses
 * nothing; saves are retried with backoff, at once when the browser comes back
 * online, and on the next page load. The server applies a save only when its
 * seq is higher than the stored one, so a late arrival of an earlier edit
 * never overwrites a later one.
 *
 * Framework-free: storage, fetch and timers are injected, so the whole cycle
 * (offline → queued → online → sent) is tested without a browser.
 */

export const OUTBOX_VERSION = 1;
/** Wait this long after the last keystroke before saving. */
export const DEBOUNCE_MS = 800;
const BACKOFF_MS = [1_000, 2_000, 4_000, 8_000, 15_000, 30_000];

export interface OutboxEntry {
  answer: unknown;
  seq: number;
}

export interface OutboxData {
  v: typeof OUTBOX_VERSION;
  /** Highest seq handed out on this device for this attempt. */
  counter: number;
  /** Edits not yet acknowledged by the server, by question id. */
  pending: Record<string, OutboxEntry>;
  /** Key of a submit that was started and may need retrying. */
  submitKey?: string;
}

export type SaveState =
  | { kind: 'saved'; savedAt?: string }
  | { kind: 'pending' }
  | { kind: 'saving' }
  | { kind: 'offline'; retryInMs: number }
  | { kind: 'error'; message: string }
  | { kind: 'stopped'; message: string };

export interface StorageLike {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

export function outboxKey(attemptId: string): string {
  return `close-reader:attempt:${attemptId}:outbox:v${OUTBOX_VERSION}`;
}

export function emptyOutbox(): OutboxData {
  return { v: OUTBOX_VERSION, counter: 0, pending: {} };
}

/** Parse a stored outbox defensively: anything unreadable is an empty outbox, never a crash. */
export function parseOutbox(raw: string | null): OutboxData {
  if (!raw) return emptyOutbox();
  try {
    const o = JSON.parse(raw) as Partial<OutboxData>;
    if (o.v !== OUTBOX_VERSION || typeof o.counter !== 'number' || !o.pending || typeof o.pending !== 'object') return emptyOutbox();
    const pending: Record<string, OutboxEntry> = {};
    for (const [q, e] of Object.entries(o.pending)) if (e && typeof e === 'object' && typeof e.seq === 'number' && 'answer' in e) pending[q] = { answer: e.answer, seq: e.seq };
    return { v: OUTBOX_VERSION, counter: o.counter, pending, ...(typeof o.submitKey === 'string' ? { submitKey: o.submitKey } : {}) };
  } catch {
    return emptyOutbox();
  }
}

/** What the server has stored for one question (from GET /api/attempts/{id}). */
export interface ServerAnswer {
  answer: unknown;
  seq: number;
  savedAt: string;
}

export interface SyncOptions {
  attemptId: string;
  /** Answers the server has, as loaded with the page. */
  server: Record<string, ServerAnswer>;
  storage: StorageLike | null;
  fetch: typeof fetch;
  /** Called whenever answers or save states change. */
  onChange: () => void;
  /** A save was refused for good (submitted, closed, session gone): stop and say why. */
  onStopped?: (message: string) => void;
  setTimeout?: (fn: () => void, ms: number) => unknown;
  clearTimeout?: (id: unknown) => void;
  debounceMs?: number;
}

interface ErrorBody {
  error?: { code?: string; message?: string; field?: string };
}

/**
 * One attempt's autosave. `edit()` records an answer at once (memory and
 * localStorage) and schedules a save; `flush()` saves now (on blur, before
 * Check and Submit). At most one request per question is in flight; when it
 * returns, a newer edit (if any) is sent next.
 */
export class AttemptSync {
  readonly attemptId: string;
  private data: OutboxData;
  private answers: Record<string, unknown> = {};
  private savedSeq: Record<string, number> = {};
  private states: Record<string, SaveState> = {};
  private timers = new Map<string, unknown>();
  private inFlight = new Map<string, Promise<void>>();
  private failures = new Map<string, number>();
  private stoppedMessage: string | null = null;
  private storageFailed = false;
  private disposed = false;
  private readonly o: Required<Pick<SyncOptions, 'setTimeout' | 'clearTimeout' | 'debounceMs'>> & SyncOptions;

  constructor(opts: SyncOptions) {
    this.o = {
      setTimeout: (fn, ms) => globalThis.setTimeout(fn, ms),
      clearTimeout: (id) => globalThis.clearTimeout(id as ReturnType<typeof setTimeout>),
      debounceMs: DEBOUNCE_MS,
      ...opts,
    };
    this.attemptId = opts.attemptId;
    let raw: string | null = null;
    try {
      raw = opts.storage?.getItem(outboxKey(opts.attemptId)) ?? null;
    } catch {
      this.storageFailed = true;
    }
    this.data = parseOutbox(raw);
    let maxSeq = this.data.counter;
    for (const [q, s] of Object.entries(opts.server)) {
      this.answers[q] = s.answer;
      this.savedSeq[q] = s.seq;
      this.states[q] = { kind: 'saved', savedAt: s.savedAt };
      maxSeq = Math.max(maxSeq, s.seq);
    }
    // Unsent edits from an earlier visit win over the server copy only if they are newer.
    for (const [q, e] of Object.entries(this.data.pending)) {
      if (e.seq > (this.savedSeq[q] ?? -1)) {
        this.answers[q] = e.answer;
        this.states[q] = { kind: 'pending' };
      } else delete this.data.pending[q];
      maxSeq = Math.max(maxSeq, e.seq);
    }
    this.data.counter = maxSeq;
    this.persist();
  }

  answer(questionId: string): unknown {
    return this.answers[questionId];
  }
  allAnswers(): Readonly<Record<string, unknown>> {
    return this.answers;
  }
  state(questionId: string): SaveState | undefined {
    return this.states[questionId];
  }
  /** The seq of the last acknowledged save of a question. */
  acknowledgedSeq(questionId: string): number | undefined {
    return this.savedSeq[questionId];
  }
  hasUnsent(): boolean {
    return Object.keys(this.data.pending).length > 0;
  }
  stopped(): string | null {
    return this.stoppedMessage;
  }
  storageWorks(): boolean {
    return !this.storageFailed;
  }
  get submitKey(): string | undefined {
    return this.data.submitKey;
  }
  set submitKey(key: string | undefined) {
    if (key) this.data.submitKey = key;
    else delete this.data.submitKey;
    this.persist();
  }

  /** Overall state, worst first: stopped, error, offline, saving, saved. */
  overall(): SaveState | null {
    const all = Object.values(this.states);
    if (this.stoppedMessage) return { kind: 'stopped', message: this.stoppedMessage };
    const err = all.find((s) => s.kind === 'error');
    if (err) return err;
    const off = all.filter((s): s is Extract<SaveState, { kind: 'offline' }> => s.kind === 'offline');
    if (off.length) return { kind: 'offline', retryInMs: Math.min(...off.map((s) => s.retryInMs)) };
    if (all.some((s) => s.kind === 'saving' || s.kind === 'pending')) return { kind: 'saving' };
    return all.length ? { kind: 'saved' } : null;
  }

  /** Record an edit: kept in localStorage at once, saved after a pause in typing. */
  edit(questionId: string, answer: unknown): void {
    if (this.stoppedMessage || this.disposed) return;
    this.answers[questionId] = answer;
    this.data.counter += 1;
    this.data.pending[questionId] = { answer, seq: this.data.counter };
    this.states[questionId] = { kind: 'pending' };
    this.persist();
    this.schedule(questionId, this.o.debounceMs);
    this.o.onChange();
  }

  /** Save one question now (blur, Check). Resolves when it is saved or has failed for now. */
  flush(questionId: string): Promise<void> {
    this.cancelTimer(questionId);
    return this.send(questionId);
  }

  /** Save everything unsent now (page load, back online, before submitting). */
  async flushAll(): Promise<void> {
    await Promise.all(Object.keys(this.data.pending).map((q) => this.flush(q)));
  }

  /** Forget edits not yet saved and go back to the server's answers (used when a save can never succeed). */
  discardUnsent(server: Record<string, ServerAnswer>): void {
    for (const q of Object.keys(this.data.pending)) {
      this.cancelTimer(q);
      const s = server[q];
      if (s) {
        this.answers[q] = s.answer;
        this.states[q] = { kind: 'saved', savedAt: s.savedAt };
      } else {
        delete this.answers[q];
        delete this.states[q];
      }
    }
    this.data.pending = {};
    this.persist();
    this.o.onChange();
  }

  dispose(): void {
    this.disposed = true;
    for (const q of [...this.timers.keys()]) this.cancelTimer(q);
  }

  private persist(): void {
    if (!this.o.storage) return;
    try {
      const key = outboxKey(this.attemptId);
      if (Object.keys(this.data.pending).length === 0 && !this.data.submitKey && this.data.counter === 0) this.o.storage.removeItem(key);
      else this.o.storage.setItem(key, JSON.stringify(this.data));
      this.storageFailed = false;
    } catch {
      this.storageFailed = true;
    }
  }

  private schedule(questionId: string, ms: number): void {
    this.cancelTimer(questionId);
    this.timers.set(
      questionId,
      this.o.setTimeout(() => {
        this.timers.delete(questionId);
        void this.send(questionId);
      }, ms),
    );
  }

  private cancelTimer(questionId: string): void {
    const t = this.timers.get(questionId);
    if (t !== undefined) {
      this.o.clearTimeout(t);
      this.timers.delete(questionId);
    }
  }

  private send(questionId: string): Promise<void> {
    const running = this.inFlight.get(questionId);
    // One request per question at a time; the newest edit goes next.
    if (running) return running.then(() => (this.data.pending[questionId] ? this.send(questionId) : undefined));
    const entry = this.data.pending[questionId];
    if (!entry || this.stoppedMessage || this.disposed) return Promise.resolve();
    const p = this.put(questionId, entry).finally(() => this.inFlight.delete(questionId));
    this.inFlight.set(questionId, p);
    return p;
  }

  private async put(questionId: string, entry: OutboxEntry): Promise<void> {
    this.states[questionId] = { kind: 'saving' };
    this.o.onChange();
    let res: Response;
    try {
      res = await this.o.fetch(`/api/attempts/${encodeURIComponent(this.attemptId)}/answers/${encodeURIComponent(questionId)}`, {
        method: 'PUT',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ answer: entry.answer, seq: entry.seq }),
        credentials: 'same-origin',
        cache: 'no-store',
      });
    } catch {
      return this.retryLater(questionId);
    }
    if (res.ok) {
      const body = (await res.json().catch(() => null)) as { seq?: number; savedAt?: string } | null;
      this.failures.delete(questionId);
      this.savedSeq[questionId] = Math.max(this.savedSeq[questionId] ?? 0, body?.seq ?? entry.seq);
      const current = this.data.pending[questionId];
      if (current && current.seq <= entry.seq) {
        delete this.data.pending[questionId];
        this.persist();
        this.states[questionId] = { kind: 'saved', savedAt: body?.savedAt };
      } else if (current) {
        // Edited while this save was on its way: save the newer answer now.
        this.states[questionId] = { kind: 'pending' };
        if (!this.timers.has(questionId)) this.schedule(questionId, 0);
      }
      this.o.onChange();
      return;
    }
    const body = (await res.json().catch(() => null)) as ErrorBody | null;
    const message = body?.error?.message;
    if (res.status === 503 || res.status === 429 || res.status >= 500 || res.status === 408) return this.retryLater(questionId);
    if (res.status === 404 && body?.error?.field === 'questionId') {
      this.states[questionId] = { kind: 'error', message: message ?? 'This question is not part of the assignment.' };
      this.o.onChange();
      return;
    }
    if (res.status === 409 || res.status === 404 || res.status === 401 || res.status === 403) {
      this.stoppedMessage =
        res.status === 409
          ? (message ?? 'This work can no longer be changed.')
          : 'This device is no longer signed in to this work. Open it again with your class code and resume code; unsent changes stay on this device.';
      this.states[questionId] = { kind: 'stopped', message: this.stoppedMessage };
      this.o.onStopped?.(this.stoppedMessage);
      this.o.onChange();
      return;
    }
    // 4xx validation: keep the edit here and say what is wrong; the next edit tries again.
    this.states[questionId] = { kind: 'error', message: message ?? `This answer could not be saved (error ${res.status}).` };
    this.o.onChange();
  }

  private retryLater(questionId: string): void {
    const n = (this.failures.get(questionId) ?? 0) + 1;
    this.failures.set(questionId, n);
    const base = BACKOFF_MS[Math.min(n - 1, BACKOFF_MS.length - 1)]!;
    const wait = Math.round(base * (0.75 + Math.random() * 0.5));
    this.states[questionId] = { kind: 'offline', retryInMs: wait };
    if (!this.timers.has(questionId)) this.schedule(questionId, wait);
    this.o.onChange();
  }

  /** Back online: retry everything waiting, now. */
  online(): void {
    for (const q of Object.keys(this.data.pending)) {
      this.failures.delete(q);
      if (!this.inFlight.has(q)) void this.flush(q);
    }
  }
}

/** Words for a save state: never colour alone. */
export function saveStateText(s: SaveState | null | undefined): string {
  if (!s) return '';
  switch (s.kind) {
    case 'saved':
      return 'Saved';
    case 'pending':
    case 'saving':
      return 'Saving…';
    case 'offline':
      return 'Offline — will retry';
    case 'error':
    case 'stopped':
      return `Not saved: ${s.message}`;
  }
}
