/**
 * The one database schema (Drizzle, Postgres dialect) for both the embedded
 * PGlite database and a PostgreSQL server. Migrations in ./drizzle are
 * generated from this file (`npm run db:generate`) and applied at start.
 * All ids are random UUIDs, so nothing guessable is ever in a URL.
 */
import { sql } from 'drizzle-orm';
import { index, integer, jsonb, pgEnum, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

export const feedbackModeEnum = pgEnum('feedback_mode', ['immediate', 'after-submit', 'when-returned']);
export const attemptStatusEnum = pgEnum('attempt_status', ['in-progress', 'submitted']);
export const inviteKindEnum = pgEnum('invite_kind', ['setup', 'invite']);

export const teachers = pgTable('teachers', {
  id: uuid('id').primaryKey().defaultRandom(),
  /** Stored lower-case and trimmed. */
  email: text('email').notNull().unique(),
  name: text('name').notNull(),
  passwordHash: text('password_hash').notNull(),
  createdAt: ts('created_at').notNull().defaultNow(),
});

/** Single-use links: the first-start setup link and teacher invites. Only a hash of the token is stored. */
export const invites = pgTable('invites', {
  id: uuid('id').primaryKey().defaultRandom(),
  kind: inviteKindEnum('kind').notNull(),
  tokenHash: text('token_hash').notNull().unique(),
  createdBy: uuid('created_by').references(() => teachers.id, { onDelete: 'set null' }),
  expiresAt: ts('expires_at').notNull(),
  usedAt: ts('used_at'),
  usedBy: uuid('used_by').references(() => teachers.id, { onDelete: 'set null' }),
  createdAt: ts('created_at').notNull().defaultNow(),
});

export const classes = pgTable(
  'classes',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    teacherId: uuid('teacher_id').notNull().references(() => teachers.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [index('classes_teacher_idx').on(t.teacherId)],
);

export const assignments = pgTable(
  'assignments',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    classId: uuid('class_id').notNull().references(() => classes.id, { onDelete: 'cascade' }),
    exerciseId: text('exercise_id').notNull(),
    title: text('title').notNull(),
    dueAt: ts('due_at'),
    feedbackMode: feedbackModeEnum('feedback_mode').notNull().default('immediate'),
    /** Short code students type to join (unambiguous characters). */
    joinCode: text('join_code').notNull().unique(),
    closedAt: ts('closed_at'),
    returnedAt: ts('returned_at'),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [index('assignments_class_idx').on(t.classId)],
);

/** One student's work on one assignment. Students have a display name only: no email, no password. */
export const attempts = pgTable(
  'attempts',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    assignmentId: uuid('assignment_id').notNull().references(() => assignments.id, { onDelete: 'cascade' }),
    displayName: text('display_name').notNull(),
    /** Lower-cased name: students with the same name are numbered 1, 2, ... */
    nameKey: text('name_key').notNull(),
    nameIndex: integer('name_index').notNull().default(1),
    resumeCodeHash: text('resume_code_hash').notNull(),
    status: attemptStatusEnum('status').notNull().default('in-progress'),
    submitKey: text('submit_key'),
    submittedAt: ts('submitted_at'),
    createdAt: ts('created_at').notNull().defaultNow(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('attempts_name_uq').on(t.assignmentId, t.nameKey, t.nameIndex),
    uniqueIndex('attempts_resume_uq').on(t.assignmentId, t.resumeCodeHash),
  ],
);

/**
 * The latest answer per attempt and question. `seq` orders saves from one
 * client: a save with a lower seq than the stored one is not applied. The
 * automatic grade is stored beside the teacher's changes; both are kept.
 */
export const answers = pgTable(
  'answers',
  {
    attemptId: uuid('attempt_id').notNull().references(() => attempts.id, { onDelete: 'cascade' }),
    questionId: text('question_id').notNull(),
    answer: jsonb('answer').notNull(),
    seq: integer('seq').notNull(),
    savedAt: ts('saved_at').notNull().defaultNow(),
    /** GradeResult from lib/grading at save time. */
    autoGrade: jsonb('auto_grade'),
    /** Teacher's changes: { criteria?: {id: score}, total?: number, comment?: string }. */
    teacherGrade: jsonb('teacher_grade'),
    teacherUpdatedAt: ts('teacher_updated_at'),
  },
  (t) => [primaryKey({ columns: [t.attemptId, t.questionId] })],
);

/** Database sessions behind an HTTP-only cookie, for teachers and for students. Only a hash of the token is stored. */
export const sessions = pgTable(
  'sessions',
  {
    idHash: text('id_hash').primaryKey(),
    teacherId: uuid('teacher_id').references(() => teachers.id, { onDelete: 'cascade' }),
    attemptId: uuid('attempt_id').references(() => attempts.id, { onDelete: 'cascade' }),
    expiresAt: ts('expires_at').notNull(),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [index('sessions_expires_idx').on(t.expiresAt)],
);

/** Fixed-window rate-limit counters, shared by every app server. */
export const rateLimits = pgTable('rate_limits', {
  key: text('key').primaryKey(),
  windowStart: ts('window_start').notNull().default(sql`now()`),
  count: integer('count').notNull().default(0),
});
