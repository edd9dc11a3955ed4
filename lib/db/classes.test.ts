import { afterAll, describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { closeDb, getDb } from './client';
import { answers, assignments, attempts, classes } from './schema';
import { insertTeacher } from './teachers';
import { assignmentForTeacher, classForTeacher } from './access';
import { classDeletionSummary, createClass, deleteClass, describeDeletion, listClasses, renameClass } from './classes';
import { createAssignment, deleteAssignment, exerciseChoices, JOIN_CODE_LENGTH, joinUrl, listAssignments, setAssignmentClosed, updateAssignment } from './assignments';
import { CODE_ALPHABET, newCode } from '../auth/tokens';

afterAll(() => closeDb());

const teacher = () => insertTeacher({ name: 'T', email: `${randomUUID()}@school.test`, passwordHash: 'x' });
const exerciseId = () => exerciseChoices()[0]!.id;

async function classFor(teacherId: string, name = '8C English') {
  const r = await createClass(teacherId, { name });
  if (!r.ok) throw new Error(JSON.stringify(r));
  return r.id;
}

async function assignmentFor(teacherId: string, classId: string, over: Record<string, string> = {}) {
  const r = await createAssignment(teacherId, classId, { exerciseId: exerciseId(), feedbackMode: 'immediate', ...over });
  if (!r.ok) throw new Error(JSON.stringify(r));
  return r;
}

async function addAttempt(assignmentId: string, name: string, index = 1, submitted = false) {
  const db = await getDb();
  const [a] = await db
    .insert(attempts)
    .values({ assignmentId, displayName: name, nameKey: name.toLowerCase(), nameIndex: index, resumeCodeHash: randomUUID(), status: submitted ? 'submitted' : 'in-progress' })
    .returning();
  await db.insert(answers).values({ attemptId: a!.id, questionId: 'q1', answer: { text: 'x' }, seq: 1 });
  return a!;
}

describe('classes', () => {
  it('creates, lists with counts, and renames a class', async () => {
    const t = await teacher();
    const id = await classFor(t.id, '  7B  ');
    const a1 = await assignmentFor(t.id, id);
    const a2 = await assignmentFor(t.id, id);
    await addAttempt(a1.id, 'Ana');
    await addAttempt(a2.id, 'Ana'); // the same student in two assignments counts once
    await addAttempt(a1.id, 'Ana', 2); // a second Ana is another student
    await addAttempt(a1.id, 'Ben', 1, true);
    const [row] = (await listClasses(t.id)).filter((c) => c.id === id);
    expect(row).toMatchObject({ name: '7B', assignmentCount: 2, studentCount: 3 });

    expect(await renameClass(t.id, id, { name: '7B Literature' })).toEqual({ ok: true });
    expect((await classForTeacher(t.id, id))?.name).toBe('7B Literature');
    expect(await renameClass(t.id, id, { name: '' })).toEqual({ ok: false, reason: 'invalid-input', errors: { name: 'Enter a name for the class.' } });
  });

  it('refuses an empty name with the field named', async () => {
    const t = await teacher();
    expect(await createClass(t.id, { name: '  ' })).toEqual({ ok: false, reason: 'invalid-input', errors: { name: 'Enter a name for the class.' } });
    expect(await createClass(t.id, {})).toMatchObject({ ok: false, reason: 'invalid-input' });
  });

  it('delete summary states what goes, and deleting removes every student’s work', async () => {
    const t = await teacher();
    const id = await classFor(t.id);
    const a1 = await assignmentFor(t.id, id, { title: 'First' });
    await assignmentFor(t.id, id, { title: 'Second' });
    const att = await addAttempt(a1.id, 'Cleo');
    await addAttempt(a1.id, 'Dan');
    const s = await classDeletionSummary(t.id, id);
    expect(s?.assignments.map((a) => a.title)).toEqual(['First', 'Second']);
    expect(s?.studentCount).toBe(2);
    expect(describeDeletion(s!)).toBe('2 assignments and the work of 2 students');
    expect(describeDeletion({ assignments: [], studentCount: 0 })).toBe('0 assignments and no student work (nobody has joined yet)');
    expect(describeDeletion({ assignments: [{ id: 'x', title: 'x' }], studentCount: 1 })).toBe('1 assignment and the work of 1 student');

    expect(await deleteClass(t.id, id)).toBe(true);
    const db = await getDb();
    expect(await db.select().from(classes).where(eq(classes.id, id))).toEqual([]);
    expect(await db.select().from(assignments).where(eq(assignments.classId, id))).toEqual([]);
    expect(await db.select().from(attempts).where(eq(attempts.id, att.id))).toEqual([]);
    expect(await db.select().from(answers).where(eq(answers.attemptId, att.id))).toEqual([]);
    expect(await deleteClass(t.id, id)).toBe(false);
  });
});

describe('assignments', () => {
  it('creates with the exercise title by default, a 6-character join code, and lists progress', async () => {
    const t = await teacher();
    const cls = await classFor(t.id);
    const a = await assignmentFor(t.id, cls, { feedbackMode: 'when-returned', dueAt: '2099-06-01T09:00', tz: 'Europe/London' });
    expect(a.joinCode).toMatch(new RegExp(`^[${CODE_ALPHABET}]{${JOIN_CODE_LENGTH}}$`));
    await addAttempt(a.id, 'Eve', 1, true);
    await addAttempt(a.id, 'Fay');
    const [row] = await listAssignments(t.id, cls);
    expect(row).toMatchObject({
      id: a.id,
      title: exerciseChoices()[0]!.title,
      exerciseTitle: exerciseChoices()[0]!.title,
      feedbackMode: 'when-returned',
      joinCode: a.joinCode,
      closedAt: null,
      joined: 2,
      submitted: 1,
    });
    expect(row!.dueAt?.toISOString()).toBe('2099-06-01T08:00:00.000Z');
    expect(joinUrl(a.joinCode)).toMatch(new RegExp(`/join/${a.joinCode}$`));
  });

  it('validates the exercise, the mode and the due date', async () => {
    const t = await teacher();
    const cls = await classFor(t.id);
    expect(await createAssignment(t.id, cls, { exerciseId: 'no-such-exercise', feedbackMode: 'immediate' })).toEqual({
      ok: false,
      reason: 'invalid-input',
      errors: { exerciseId: 'Choose an exercise from the list.' },
    });
    expect(await createAssignment(t.id, cls, { exerciseId: exerciseId(), feedbackMode: 'never' })).toMatchObject({ ok: false, errors: { feedbackMode: expect.any(String) } });
    expect(await createAssignment(t.id, cls, { exerciseId: exerciseId(), feedbackMode: 'immediate', dueAt: '2030-02-31T10:00' })).toMatchObject({
      ok: false,
      errors: { dueAt: expect.stringMatching(/real date/) },
    });
    const past = await createAssignment(t.id, cls, { exerciseId: exerciseId(), feedbackMode: 'immediate', dueAt: '2020-01-01T10:00' });
    expect(past).toMatchObject({ ok: false, errors: { dueAt: expect.stringMatching(/already passed/) } });
    expect(await listAssignments(t.id, cls)).toEqual([]);
  });

  it('retries on a join code collision and keeps codes unique', async () => {
    const t = await teacher();
    const cls = await classFor(t.id);
    const first = await assignmentFor(t.id, cls);
    let calls = 0;
    const gen = () => (calls++ < 2 ? first.joinCode : newCode(JOIN_CODE_LENGTH));
    const r = await createAssignment(t.id, cls, { exerciseId: exerciseId(), feedbackMode: 'immediate' }, { newJoinCode: gen });
    if (!r.ok) throw new Error(JSON.stringify(r));
    expect(calls).toBe(3);
    expect(r.joinCode).not.toBe(first.joinCode);
    const db = await getDb();
    expect(await db.select().from(assignments).where(eq(assignments.joinCode, first.joinCode))).toHaveLength(1);
  });

  it('gives up with an error rather than looping forever when every code is taken', async () => {
    const t = await teacher();
    const cls = await classFor(t.id);
    const first = await assignmentFor(t.id, cls);
    await expect(createAssignment(t.id, cls, { exerciseId: exerciseId(), feedbackMode: 'immediate' }, { newJoinCode: () => first.joinCode })).rejects.toThrow(/join code/);
  });

  it('many assignments get distinct codes from the unambiguous alphabet', async () => {
    const t = await teacher();
    const cls = await classFor(t.id);
    const made = await Promise.all(Array.from({ length: 25 }, () => assignmentFor(t.id, cls)));
    const codes = made.map((m) => m.joinCode);
    expect(new Set(codes).size).toBe(25);
    for (const c of codes) expect(c).toMatch(/^[23456789ABCDEFGHJKMNPQRSTUVWXYZ]{6}$/);
  });

  it('closes, reopens, updates and deletes', async () => {
    const t = await teacher();
    const cls = await classFor(t.id);
    const a = await assignmentFor(t.id, cls);
    expect(await setAssignmentClosed(t.id, a.id, true)).toBe(true);
    const closedAt = (await assignmentForTeacher(t.id, a.id))!.assignment.closedAt;
    expect(closedAt).toBeInstanceOf(Date);
    expect(await setAssignmentClosed(t.id, a.id, true)).toBe(true); // closing twice keeps the first time
    expect((await assignmentForTeacher(t.id, a.id))!.assignment.closedAt).toEqual(closedAt);
    expect(await setAssignmentClosed(t.id, a.id, false)).toBe(true);
    expect((await assignmentForTeacher(t.id, a.id))!.assignment.closedAt).toBeNull();

    expect(await updateAssignment(t.id, a.id, { title: 'Renamed', feedbackMode: 'after-submit', dueAt: '2020-01-01T10:00' })).toEqual({ ok: true });
    const updated = (await assignmentForTeacher(t.id, a.id))!.assignment;
    expect(updated).toMatchObject({ title: 'Renamed', feedbackMode: 'after-submit', joinCode: a.joinCode });
    expect(updated.dueAt?.toISOString()).toBe('2020-01-01T10:00:00.000Z');
    expect(await updateAssignment(t.id, a.id, { title: ' ', feedbackMode: 'after-submit' })).toMatchObject({ ok: false, errors: { title: 'Enter a title.' } });
    expect(await updateAssignment(t.id, a.id, { title: 'No due', feedbackMode: 'immediate', dueAt: '' })).toEqual({ ok: true });
    expect((await assignmentForTeacher(t.id, a.id))!.assignment.dueAt).toBeNull();

    const att = await addAttempt(a.id, 'Gus');
    expect(await deleteAssignment(t.id, a.id)).toBe(true);
    expect(await assignmentForTeacher(t.id, a.id)).toBeNull();
    const db = await getDb();
    expect(await db.select().from(attempts).where(eq(attempts.id, att.id))).toEqual([]);
  });
});

describe('authorization: another teacher’s ids behave like ids that do not exist', () => {
  it('teacher B cannot see, change or delete teacher A’s class or assignment', async () => {
    const a = await teacher();
    const b = await teacher();
    const cls = await classFor(a.id, 'A’s class');
    const asg = await assignmentFor(a.id, cls, { title: 'A’s assignment' });

    // The lookups every page uses (→ notFound()).
    expect(await classForTeacher(b.id, cls)).toBeNull();
    expect(await assignmentForTeacher(b.id, asg.id)).toBeNull();
    expect(await classDeletionSummary(b.id, cls)).toBeNull();
    expect(await listAssignments(b.id, cls)).toEqual([]);
    expect((await listClasses(b.id)).map((c) => c.id)).not.toContain(cls);

    // Every action.
    expect(await renameClass(b.id, cls, { name: 'Taken over' })).toEqual({ ok: false, reason: 'not-found' });
    expect(await createAssignment(b.id, cls, { exerciseId: exerciseId(), feedbackMode: 'immediate' })).toEqual({ ok: false, reason: 'not-found' });
    expect(await updateAssignment(b.id, asg.id, { title: 'Taken over', feedbackMode: 'immediate' })).toEqual({ ok: false, reason: 'not-found' });
    expect(await setAssignmentClosed(b.id, asg.id, true)).toBe(false);
    expect(await deleteAssignment(b.id, asg.id)).toBe(false);
    expect(await deleteClass(b.id, cls)).toBe(false);

    // Nothing changed for A.
    expect((await classForTeacher(a.id, cls))?.name).toBe('A’s class');
    const mine = (await assignmentForTeacher(a.id, asg.id))!.assignment;
    expect(mine).toMatchObject({ title: 'A’s assignment', closedAt: null });
    expect((await listAssignments(a.id, cls)).map((x) => x.id)).toEqual([asg.id]);
  });

  it('malformed and unknown ids are misses, not errors', async () => {
    const t = await teacher();
    for (const id of ['not-a-uuid', "1' or '1'='1", randomUUID()]) {
      expect(await classForTeacher(t.id, id)).toBeNull();
      expect(await assignmentForTeacher(t.id, id)).toBeNull();
      expect(await classDeletionSummary(t.id, id)).toBeNull();
      expect(await renameClass(t.id, id, { name: 'x' })).toEqual({ ok: false, reason: 'not-found' });
      expect(await setAssignmentClosed(t.id, id, true)).toBe(false);
      expect(await deleteClass(t.id, id)).toBe(false);
    }
  });
});
