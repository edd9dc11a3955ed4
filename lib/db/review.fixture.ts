/**
 * Test data for the teacher-review tests: rows inserted directly (teachers,
 * classes, assignments, attempts, answers), answers graded with the real
 * gradeAnswer on the real kazakhstan exercise. Random ids and emails, so tests
 * never assume an empty database.
 */
import { randomUUID } from 'node:crypto';
import { getDb } from './client';
import { answers, assignments, attempts, classes, teachers } from './schema';
import { getExercise } from '../content/load';
import { findQuestion, gradeAnswer } from '../grading/grade';
import type { GradeResult } from '../grading/types';

export const EXERCISE_ID = 'kazakhstan-jihadist-movement';

export function grade(questionId: string, answer: unknown): GradeResult {
  const ex = getExercise(EXERCISE_ID)!;
  const q = findQuestion(ex.exercise.sections, questionId);
  if (!q) throw new Error(`no question ${questionId}`);
  return gradeAnswer(q, answer, { articleText: ex.articleText, rubric: ex.rubric });
}

/**
 * Answers with known automatic grades (checked in the tests that use them).
 * Each is chosen so its grade is unambiguous and stable BY DESIGN, not by the
 * current wording of the rubric: a rubric or matcher change must not move
 * them. The text engine's own fixtures (lib/grading/fixtures) cover the
 * borderline cases; these only need to be dependable.
 */
export const SAMPLE = {
  mainSourceRight: { choice: ['tekushev'] },
  mainSourceWrong: { choice: ['officials'] },
  otherSourcesMixed: { choice: ['officials', 'un'] },
  /** 2/2, not flagged: names Tekushev and gives three textbook reasons (bias, error, cannot be checked). */
  singleSourceFull: {
    text: 'The source is Islam Tekushev and his study. A careful reader wants a second, independent source because one source could be biased or simply wrong, and nobody can check it.',
  },
  /** 1/2, needsReview ['keyword-list']: bare keywords; the name is a fact (1 point), the keywords earn no reasoning. */
  singleSourceKeywords: { text: 'Tekushev, bias, second source, check' },
  /**
   * 0/2, needsReview ['contradiction']: the student takes the answer back
   * ("Actually no, ..."), so the retracted "Tekushev" earns nothing and a
   * teacher has to decide. No reason is given either.
   */
  singleSourceContradiction: { text: "It's Tekushev's study. Actually no, it's the writer's own research." },
  /** 0/2, not flagged: off-topic prose about terrorism; nothing to doubt. */
  dozensOffTopic: { text: 'Terrorism kills many innocent people every year and we need to stop it.' },
  whoSaysPartial: { assignments: { attacks: 'tekushev', 'radicals-200': 'tekushev' } },
} as const;

let codeCounter = 0;
const code = () => `T${Date.now().toString(36).toUpperCase()}${(codeCounter++).toString(36).toUpperCase()}${randomUUID().slice(0, 6)}`;

export async function makeTeacher(name = 'Teacher') {
  const db = await getDb();
  const [t] = await db.insert(teachers).values({ email: `${randomUUID()}@review.test`, name, passwordHash: 'x' }).returning();
  return t!;
}

export async function makeClass(teacherId: string, name = 'Period 3') {
  const db = await getDb();
  const [c] = await db.insert(classes).values({ teacherId, name }).returning();
  return c!;
}

export async function makeAssignment(classId: string, title = 'Who says so?', mode: 'immediate' | 'after-submit' | 'when-returned' = 'when-returned') {
  const db = await getDb();
  const [a] = await db.insert(assignments).values({ classId, exerciseId: EXERCISE_ID, title, feedbackMode: mode, joinCode: code() }).returning();
  return a!;
}

export async function makeAttempt(assignmentId: string, name: string, opts: { nameIndex?: number; submitted?: boolean } = {}) {
  const db = await getDb();
  const [a] = await db
    .insert(attempts)
    .values({
      assignmentId,
      displayName: name,
      nameKey: name.toLowerCase(),
      nameIndex: opts.nameIndex ?? 1,
      resumeCodeHash: randomUUID(),
      status: opts.submitted ? 'submitted' : 'in-progress',
      submittedAt: opts.submitted ? new Date() : null,
    })
    .returning();
  return a!;
}

export async function answer(attemptId: string, questionId: string, raw: unknown) {
  const db = await getDb();
  const autoGrade = grade(questionId, raw);
  await db.insert(answers).values({ attemptId, questionId, answer: raw, seq: 1, autoGrade });
  return autoGrade;
}

/**
 * A teacher with a class, an assignment and a few graded answers:
 *   Sam      submitted    main-source right 1/1; single-source keywords 1/2 (flagged: keyword-list)
 *   Sam (2)  in progress  main-source wrong 0/1; single-source full 2/2 (not flagged)
 *   Ana      submitted    main-source right 1/1; single-source contradiction 0/2 (flagged: contradiction);
 *                         who-says partial; dozens off-topic 0/2 (not flagged)
 * So 8 responses, 2 flagged (both single-source), 2 unflagged text answers.
 */
export async function makeScenario() {
  const teacher = await makeTeacher();
  const klass = await makeClass(teacher.id);
  const assignment = await makeAssignment(klass.id);
  const sam = await makeAttempt(assignment.id, 'Sam', { submitted: true });
  const sam2 = await makeAttempt(assignment.id, 'Sam', { nameIndex: 2 });
  const ana = await makeAttempt(assignment.id, 'Ana', { submitted: true });
  await answer(sam.id, 'main-source', SAMPLE.mainSourceRight);
  await answer(sam.id, 'single-source', SAMPLE.singleSourceKeywords);
  await answer(sam2.id, 'main-source', SAMPLE.mainSourceWrong);
  await answer(sam2.id, 'single-source', SAMPLE.singleSourceFull);
  await answer(ana.id, 'main-source', SAMPLE.mainSourceRight);
  await answer(ana.id, 'single-source', SAMPLE.singleSourceContradiction);
  await answer(ana.id, 'who-says', SAMPLE.whoSaysPartial);
  await answer(ana.id, 'dozens', SAMPLE.dozensOffTopic);
  return { teacher, klass, assignment, sam, sam2, ana };
}
