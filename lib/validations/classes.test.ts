import { describe, expect, it } from 'vitest';
import { assignmentSchema, classNameSchema, classroomShareUrl, dateToWallTime, wallTimeToDate } from './classes';

describe('due dates from datetime-local', () => {
  it('reads a wall-clock time in the given time zone', () => {
    expect(wallTimeToDate('2025-03-10T14:30', 'UTC')?.toISOString()).toBe('2025-03-10T14:30:00.000Z');
    expect(wallTimeToDate('2025-03-10T14:30', 'Europe/Berlin')?.toISOString()).toBe('2025-03-10T13:30:00.000Z');
    expect(wallTimeToDate('2025-07-10T14:30', 'Europe/Berlin')?.toISOString()).toBe('2025-07-10T12:30:00.000Z');
    expect(wallTimeToDate('2025-07-10T09:05', 'America/New_York')?.toISOString()).toBe('2025-07-10T13:05:00.000Z');
    expect(wallTimeToDate('2025-07-10T09:05:30', 'Asia/Kolkata')?.toISOString()).toBe('2025-07-10T03:35:30.000Z');
  });
  it('falls back to UTC for an unknown zone', () => {
    expect(wallTimeToDate('2025-03-10T14:30', 'Mars/Olympus')?.toISOString()).toBe('2025-03-10T14:30:00.000Z');
  });
  it('refuses impossible or out-of-range times', () => {
    for (const bad of ['2025-04-31T10:00', '2025-02-29T10:00', '2025-13-01T10:00', '2025-01-01T24:00', '1999-12-31T23:59', '2101-01-01T00:00', 'tomorrow', '2025-01-01', '']) {
      expect(wallTimeToDate(bad, 'UTC')).toBeNull();
    }
    expect(wallTimeToDate('2024-02-29T10:00', 'UTC')).not.toBeNull();
  });
  it('turns an instant back into the wall-clock value for the form', () => {
    const d = new Date('2025-07-10T12:30:00Z');
    expect(dateToWallTime(d)).toBe('2025-07-10T12:30');
    expect(dateToWallTime(d, 'Europe/Berlin')).toBe('2025-07-10T14:30');
    expect(wallTimeToDate(dateToWallTime(d, 'Australia/Sydney'), 'Australia/Sydney')?.getTime()).toBe(d.getTime());
  });
});

describe('assignment schema', () => {
  it('accepts an exercise with an optional title and due date', () => {
    const r = assignmentSchema.parse({ exerciseId: 'x', feedbackMode: 'after-submit', dueAt: '', title: '  ' });
    expect(r).toEqual({ exerciseId: 'x', title: '', dueAt: null, feedbackMode: 'after-submit' });
    const r2 = assignmentSchema.parse({ exerciseId: 'x', feedbackMode: 'immediate', dueAt: '2030-01-02T08:00', tz: 'Europe/Berlin' });
    expect(r2.dueAt?.toISOString()).toBe('2030-01-02T07:00:00.000Z');
  });
  it('names the bad field', () => {
    const r = assignmentSchema.safeParse({ exerciseId: 'x', feedbackMode: 'sometimes', dueAt: '' });
    expect(r.success).toBe(false);
    expect(r.error!.issues[0]!.path).toEqual(['feedbackMode']);
    const d = assignmentSchema.safeParse({ exerciseId: 'x', feedbackMode: 'immediate', dueAt: '2030-02-30T08:00' });
    expect(d.error!.issues[0]!.path).toEqual(['dueAt']);
    const t = assignmentSchema.safeParse({ exerciseId: 'x', feedbackMode: 'immediate', title: 'x'.repeat(201) });
    expect(t.error!.issues[0]!.path).toEqual(['title']);
  });
  it('class names are trimmed, 1 to 100 characters', () => {
    expect(classNameSchema.parse({ name: ' 7B English ' }).name).toBe('7B English');
    expect(classNameSchema.safeParse({ name: '   ' }).success).toBe(false);
    expect(classNameSchema.safeParse({ name: 'x'.repeat(101) }).success).toBe(false);
  });
});

describe('Google Classroom share link', () => {
  it('encodes the join link and title', () => {
    expect(classroomShareUrl('https://r.example/join/ABC234', 'Who says? & why')).toBe(
      'https://classroom.google.com/share?url=https%3A%2F%2Fr.example%2Fjoin%2FABC234&title=Who%20says%3F%20%26%20why',
    );
  });
});
