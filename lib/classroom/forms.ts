/** State of the join and resume forms between submissions (server action ⇄ form). */
export interface JoinFormState {
  status: 'idle' | 'error' | 'joined';
  values: { code: string; name: string };
  /** Messages by field ("code", "name") or "form" for the whole form. */
  errors: Record<string, string | undefined>;
  attemptId?: string;
  resumeCode?: string;
}

export interface ResumeFormState {
  status: 'idle' | 'error';
  values: { code: string; resumeCode: string };
  errors: Record<string, string | undefined>;
}
