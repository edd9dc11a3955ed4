import { describe, expect, it } from 'vitest';
import { studentAttemptView, studentGrade, type AnswerRow, type AssignmentRow, type AttemptRow } from './student-view';
import type { GradeResult } from '../grading/types';
import { nameKey, nameLabel } from './names';
import { formatResumeCode, looksLikeResumeCode } from './codes';
import { validateAnswer } from './answers';
import { parseCookies, sessionCookie, isHttpsRequest } from './cookies';

const grade: GradeResult = {
  questionId: 'q1', score: 1, maxScore: 2, needsReview: true, reviewReasons: ['keyword-list'],
  criteria: [
    { id: 'a', label: 'A', score: 1, maxScore: 1, feedback: 'A met', evidence: [] },
    { id: 'b', label: 'B', score: 0, maxScore: 1, feedback: 'B missing', evidence: [] },
  ],
  feedback: ['Engine says'],
};
const attempt: AttemptRow = { id: 'att', displayName: 'Sam', nameIndex: 1, status: 'in-progress', submittedAt: null };
const assignment = (mode: AssignmentRow['feedbackMode'], extra: Partial<AssignmentRow> = {}): AssignmentRow => ({ title: 'T', feedbackMode: mode, dueAt: null, closedAt: null, returnedAt: null, ...extra });
const answers: AnswerRow[] = [{ questionId: 'q1', answer: { text: 'x' }, seq: 3, savedAt: new Date('2025-01-01T00:00:00Z'), autoGrade: grade, teacherGrade: null }];

describe('studentGrade (teacher wins)', () => {
  it('returns the automatic grade untouched when the teacher changed nothing', () => {
    expect(studentGrade(grade, null)).toBe(grade);
    expect(studentGrade(grade, { comment: '  ' })).toBe(grade);
  });
  it('applies criterion scores, recomputes the total, adds the comment, clears needsReview', () => {
    const g = studentGrade(grade, { criteria: { b: 1 }, comment: 'Good point about bias.' });
    expect(g.criteria?.map((c) => c.score)).toEqual([1, 1]);
    expect(g.score).toBe(2);
    expect(g.needsReview).toBe(false);
    expect(g.feedback[0]).toBe("Your teacher's comment: Good point about bias.");
    expect(g.teacherAdjusted).toBe(true);
    expect(g.teacherComment).toBe('Good point about bias.');
  });
  it('an overridden total wins over criteria, clamped to the range', () => {
    expect(studentGrade(grade, { criteria: { b: 1 }, total: 0 }).score).toBe(0);
    expect(studentGrade(grade, { total: 9 }).score).toBe(2);
  });
  it('ignores a malformed teacher grade', () => {
    expect(studentGrade(grade, { total: 'lots' })).toBe(grade);
  });
});

describe('studentAttemptView: feedback only when released', () => {
  const json = (v: unknown) => JSON.stringify(v);
  it('immediate: feedback while working', () => {
    const v = studentAttemptView(attempt, assignment('immediate'), answers);
    expect(v.feedback?.q1?.score).toBe(1);
    expect(v.canCheck).toBe(true);
    expect(v.answers.q1).toEqual({ answer: { text: 'x' }, seq: 3, savedAt: '2025-01-01T00:00:00.000Z' });
  });
  it('after-submit: none before submitting, all after', () => {
    const before = studentAttemptView(attempt, assignment('after-submit'), answers);
    expect(before.feedback).toBeUndefined();
    expect(json(before)).not.toMatch(/Engine says|A met|score/);
    expect(before.canCheck).toBe(false);
    const after = studentAttemptView({ ...attempt, status: 'submitted', submittedAt: new Date() }, assignment('after-submit'), answers);
    expect(after.feedback?.q1?.feedback).toEqual(['Engine says']);
  });
  it('when-returned: none after submitting, all once returned, with the teacher comment', () => {
    const sub = { ...attempt, status: 'submitted' as const, submittedAt: new Date() };
    const before = studentAttemptView(sub, assignment('when-returned'), [{ ...answers[0]!, teacherGrade: { comment: 'Nice' } }]);
    expect(before.feedback).toBeUndefined();
    expect(json(before)).not.toMatch(/Engine says|Nice|score/);
    expect(before.pendingFeedback).toMatch(/Your teacher will return feedback/);
    const after = studentAttemptView(sub, assignment('when-returned', { returnedAt: new Date() }), [{ ...answers[0]!, teacherGrade: { comment: 'Nice' } }]);
    expect(after.feedback?.q1?.teacherComment).toBe('Nice');
    expect(after.assignment.returned).toBe(true);
  });
  it('a closed assignment is reported and cannot be checked', () => {
    const v = studentAttemptView(attempt, assignment('immediate', { closedAt: new Date(Date.now() - 1000) }), answers);
    expect(v.assignment.closed).toBe(true);
    expect(v.canCheck).toBe(false);
  });
});

describe('names, codes, answers, cookies', () => {
  it('numbers repeated names', () => {
    expect(nameKey('Sam')).toBe(nameKey('SAM'));
    expect(nameLabel('Sam', 1)).toBe('Sam');
    expect(nameLabel('Sam', 2)).toBe('Sam (2)');
  });
  it('formats and recognises resume codes', () => {
    expect(formatResumeCode('ABCDEFGH')).toBe('ABCD-EFGH');
    expect(looksLikeResumeCode('ABCDEFGH')).toBe(true);
    expect(looksLikeResumeCode('ABCDEFG0')).toBe(false);
    expect(looksLikeResumeCode('ABC')).toBe(false);
  });
  it('validates answers per kind, naming the field', () => {
    expect(validateAnswer('text', { text: 'ok' }).ok).toBe(true);
    expect(validateAnswer('text', { text: 'x'.repeat(2001) })).toMatchObject({ ok: false, field: 'answer.text' });
    expect(validateAnswer('choice', { text: 'x' })).toMatchObject({ ok: false });
    expect(validateAnswer('classify', { assignments: { a: 'b' } }).ok).toBe(true);
    expect(validateAnswer('highlight', { quote: 'Tekushev', prefix: 'x' }).ok).toBe(true);
  });
  it('parses and writes cookies', () => {
    expect(parseCookies('a=1; cr_student=abc%3D; b="q"')).toEqual({ a: '1', cr_student: 'abc=', b: 'q' });
    expect(parseCookies(null)).toEqual({});
    const c = sessionCookie('cr_student', 'tok', new Date('2030-01-01T00:00:00Z'), true);
    expect(c).toMatch(/^cr_student=tok; Path=\/; Expires=Tue, 01 Jan 2030 00:00:00 GMT; HttpOnly; SameSite=Lax; Secure$/);
    expect(isHttpsRequest(new Headers({ 'x-forwarded-proto': 'https' }), 'http://x/', '')).toBe(true);
    expect(isHttpsRequest(new Headers(), 'http://x/', '')).toBe(false);
  });
});
