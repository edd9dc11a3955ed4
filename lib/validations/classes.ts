/**
 * Class and assignment inputs, shared by the teacher's forms and the server.
 * Due dates come from <input type="datetime-local"> as a wall-clock time plus
 * the browser's time zone (a hidden field filled in by script; without script
 * the form says the time is UTC), and are stored as an instant.
 */
import { z } from 'zod';

export const CLASS_NAME_MAX = 100;
export const TITLE_MAX = 200;

export const FEEDBACK_MODES = ['immediate', 'after-submit', 'when-returned'] as const;
export type FeedbackMode = (typeof FEEDBACK_MODES)[number];

/** What each mode means for students, in plain words (forms and lists). */
export const FEEDBACK_MODE_TEXT: Record<FeedbackMode, { label: string; explain: string }> = {
  immediate: {
    label: 'Straight away, question by question',
    explain: 'Students check each answer as they go, see what is missing, and can improve it before they submit.',
  },
  'after-submit': {
    label: 'After they submit',
    explain: 'Students answer without hints; their scores and feedback appear as soon as they submit.',
  },
  'when-returned': {
    label: 'When you return the work',
    explain: 'Students see no scores until you have reviewed the answers and pressed “Return”.',
  },
};

export const classNameSchema = z.object({
  name: z
    .string({ error: 'Enter a name for the class.' })
    .trim()
    .min(1, 'Enter a name for the class.')
    .max(CLASS_NAME_MAX, `Use at most ${CLASS_NAME_MAX} characters.`),
});
export type ClassNameInput = z.infer<typeof classNameSchema>;

const WALL = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,3})?)?$/;

export function isTimeZone(tz: string): boolean {
  if (!tz || tz.length > 100) return false;
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: tz });
    return true;
  } catch {
    return false;
  }
}

/** Milliseconds the zone is ahead of UTC at the instant `ts`. */
function zoneOffset(ts: number, timeZone: string): number {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
    hour: 'numeric',
    minute: 'numeric',
    second: 'numeric',
  }).formatToParts(new Date(ts));
  const get = (t: string) => Number(parts.find((p) => p.type === t)?.value ?? 0);
  const asUtc = Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'), get('second'));
  return asUtc - Math.floor(ts / 1000) * 1000;
}

/**
 * "2025-03-10T14:30" in `timeZone` → the instant. Null for anything that is
 * not a real calendar time (e.g. 31 April). Times skipped by a daylight-saving
 * change land an hour later, as clocks do.
 */
export function wallTimeToDate(wall: string, timeZone = 'UTC'): Date | null {
  const m = WALL.exec(wall);
  if (!m) return null;
  const [y, mo, d, h, mi, s] = m.slice(1, 7).map((x) => Number(x ?? 0)) as [number, number, number, number, number, number];
  if (y < 2000 || y > 2100 || mo < 1 || mo > 12 || d < 1 || h > 23 || mi > 59 || s > 59) return null;
  const naive = Date.UTC(y, mo - 1, d, h, mi, s);
  if (new Date(naive).getUTCDate() !== d) return null;
  const tz = isTimeZone(timeZone) ? timeZone : 'UTC';
  const first = naive - zoneOffset(naive, tz);
  return new Date(naive - zoneOffset(first, tz));
}

const pad = (n: number) => String(n).padStart(2, '0');

/** The instant as a datetime-local value in UTC (the no-script fallback) or in the given zone. */
export function dateToWallTime(date: Date, timeZone = 'UTC'): string {
  const tz = isTimeZone(timeZone) ? timeZone : 'UTC';
  const shifted = new Date(date.getTime() + zoneOffset(date.getTime(), tz));
  return `${shifted.getUTCFullYear()}-${pad(shifted.getUTCMonth() + 1)}-${pad(shifted.getUTCDate())}T${pad(shifted.getUTCHours())}:${pad(shifted.getUTCMinutes())}`;
}

/** The assignment form: exercise, title (defaults to the exercise's), optional due date, feedback mode. */
export const assignmentSchema = z
  .object({
    exerciseId: z.string({ error: 'Choose an exercise.' }).trim().min(1, 'Choose an exercise.').max(200, 'Choose an exercise from the list.'),
    title: z.string().trim().max(TITLE_MAX, `Use at most ${TITLE_MAX} characters.`).optional().default(''),
    dueAt: z.string().trim().max(40, 'Enter the date and time like 2025-03-10 14:30.').optional().default(''),
    tz: z.string().max(100).optional().default(''),
    feedbackMode: z.enum(FEEDBACK_MODES, { error: 'Choose when students see feedback.' }),
  })
  .transform((v, ctx) => {
    let dueAt: Date | null = null;
    if (v.dueAt) {
      dueAt = wallTimeToDate(v.dueAt, v.tz || 'UTC');
      if (!dueAt) {
        ctx.addIssue({ code: 'custom', path: ['dueAt'], message: 'Enter a real date and time (between the years 2000 and 2100), or leave it empty.' });
        return z.NEVER;
      }
    }
    return { exerciseId: v.exerciseId, title: v.title, dueAt, feedbackMode: v.feedbackMode };
  });
export type AssignmentInput = z.output<typeof assignmentSchema>;

/** Updating an assignment: the same fields except the exercise (answers are tied to its questions). */
export const assignmentUpdateSchema = z
  .object({
    title: z.string({ error: 'Enter a title.' }).trim().min(1, 'Enter a title.').max(TITLE_MAX, `Use at most ${TITLE_MAX} characters.`),
    dueAt: z.string().trim().max(40, 'Enter the date and time like 2025-03-10 14:30.').optional().default(''),
    tz: z.string().max(100).optional().default(''),
    feedbackMode: z.enum(FEEDBACK_MODES, { error: 'Choose when students see feedback.' }),
  })
  .transform((v, ctx) => {
    let dueAt: Date | null = null;
    if (v.dueAt) {
      dueAt = wallTimeToDate(v.dueAt, v.tz || 'UTC');
      if (!dueAt) {
        ctx.addIssue({ code: 'custom', path: ['dueAt'], message: 'Enter a real date and time (between the years 2000 and 2100), or leave it empty.' });
        return z.NEVER;
      }
    }
    return { title: v.title, dueAt, feedbackMode: v.feedbackMode };
  });
export type AssignmentUpdateInput = z.output<typeof assignmentUpdateSchema>;

/** Google Classroom's share button link for a join link. */
export function classroomShareUrl(joinUrl: string, title: string): string {
  return `https://classroom.google.com/share?url=${encodeURIComponent(joinUrl)}&title=${encodeURIComponent(title)}`;
}
