/**
 * The server actions themselves (not only lib/db): each one checks the session
 * and answers "not found" for another teacher's class or assignment. Next's
 * request APIs are replaced by small fakes.
 */
import { afterAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { randomUUID } from 'node:crypto';

const session = vi.hoisted(() => ({ teacherId: null as string | null }));

vi.mock('@/lib/auth/guards', () => ({
  requireTeacher: async () => {
    if (!session.teacherId) throw new Error('REDIRECT:/signin');
    return session.teacherId;
  },
}));
vi.mock('next/navigation', () => ({
  notFound: () => {
    throw new Error('NOT_FOUND');
  },
  redirect: (to: string) => {
    throw new Error(`REDIRECT:${to}`);
  },
}));
vi.mock('next/cache', () => ({ revalidatePath: () => undefined }));

import { closeDb } from '@/lib/db/client';
import { insertTeacher } from '@/lib/db/teachers';
import { classForTeacher, assignmentForTeacher } from '@/lib/db/access';
import { exerciseChoices } from '@/lib/db/assignments';
import {
  closeAssignmentAction,
  createAssignmentAction,
  createClassAction,
  deleteAssignmentAction,
  deleteClassAction,
  renameClassAction,
  reopenAssignmentAction,
  updateAssignmentAction,
} from './actions';

afterAll(() => closeDb());

const form = (values: Record<string, string>) => {
  const f = new FormData();
  for (const [k, v] of Object.entries(values)) f.set(k, v);
  return f;
};
const teacher = () => insertTeacher({ name: 'T', email: `${randomUUID()}@school.test`, passwordHash: 'x' });

async function redirectTarget(p: Promise<unknown>): Promise<string> {
  const e = await p.then(
    () => new Error('no redirect'),
    (err: Error) => err,
  );
  const m = /^REDIRECT:(.*)$/.exec(e.message);
  if (!m) throw e;
  return m[1]!;
}

beforeEach(() => {
  session.teacherId = null;
});

describe('class and assignment actions', () => {
  it('need a signed-in teacher', async () => {
    await expect(createClassAction({}, form({ name: '7B' }))).rejects.toThrow('REDIRECT:/signin');
    await expect(closeAssignmentAction(randomUUID())).rejects.toThrow('REDIRECT:/signin');
  });

  it('create a class and an assignment, close and reopen it', async () => {
    const a = await teacher();
    session.teacherId = a.id;
    const to = await redirectTarget(createClassAction({}, form({ name: '7B' })));
    const classId = /^\/teacher\/classes\/([0-9a-f-]{36})$/.exec(to)![1]!;
    expect((await classForTeacher(a.id, classId))?.name).toBe('7B');

    const bad = await createClassAction({ n: 4 }, form({ name: '' }));
    expect(bad).toEqual({ ok: false, n: 5, values: { name: '' }, errors: { name: 'Enter a name for the class.' } });

    const to2 = await redirectTarget(createAssignmentAction(classId, {}, form({ exerciseId: exerciseChoices()[0]!.id, feedbackMode: 'immediate', title: '', dueAt: '', tz: 'UTC' })));
    const assignmentId = /created=([0-9a-f-]{36})/.exec(to2)![1]!;
    await closeAssignmentAction(assignmentId);
    expect((await assignmentForTeacher(a.id, assignmentId))?.assignment.closedAt).toBeInstanceOf(Date);
    await reopenAssignmentAction(assignmentId);
    expect((await assignmentForTeacher(a.id, assignmentId))?.assignment.closedAt).toBeNull();

    const invalid = await createAssignmentAction(classId, {}, form({ exerciseId: exerciseChoices()[0]!.id, feedbackMode: 'immediate', dueAt: '2030-02-30T10:00', tz: 'UTC' }));
    expect(invalid).toMatchObject({ ok: false, values: { dueAt: '2030-02-30T10:00' }, errors: { dueAt: expect.any(String) } });
  });

  it('answer 404 to another teacher, and change nothing', async () => {
    const a = await teacher();
    const b = await teacher();
    session.teacherId = a.id;
    const classId = /([0-9a-f-]{36})$/.exec(await redirectTarget(createClassAction({}, form({ name: 'A class' }))))![1]!;
    const assignmentId = /created=([0-9a-f-]{36})/.exec(
      await redirectTarget(createAssignmentAction(classId, {}, form({ exerciseId: exerciseChoices()[0]!.id, feedbackMode: 'immediate' }))),
    )![1]!;

    session.teacherId = b.id;
    await expect(renameClassAction(classId, {}, form({ name: 'Mine now' }))).rejects.toThrow('NOT_FOUND');
    await expect(createAssignmentAction(classId, {}, form({ exerciseId: exerciseChoices()[0]!.id, feedbackMode: 'immediate' }))).rejects.toThrow('NOT_FOUND');
    await expect(updateAssignmentAction(assignmentId, {}, form({ title: 'Mine now', feedbackMode: 'immediate' }))).rejects.toThrow('NOT_FOUND');
    await expect(closeAssignmentAction(assignmentId)).rejects.toThrow('NOT_FOUND');
    await expect(reopenAssignmentAction(assignmentId)).rejects.toThrow('NOT_FOUND');
    await expect(deleteAssignmentAction(assignmentId)).rejects.toThrow('NOT_FOUND');
    await expect(deleteClassAction(classId)).rejects.toThrow('NOT_FOUND');

    expect((await classForTeacher(a.id, classId))?.name).toBe('A class');
    expect((await assignmentForTeacher(a.id, assignmentId))?.assignment.closedAt).toBeNull();

    session.teacherId = a.id;
    expect(await redirectTarget(deleteAssignmentAction(assignmentId))).toBe(`/teacher/classes/${classId}?deletedAssignment=1`);
    expect(await redirectTarget(deleteClassAction(classId))).toBe('/teacher?deleted=1');
    expect(await classForTeacher(a.id, classId)).toBeNull();
  });
});
