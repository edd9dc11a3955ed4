// @vitest-environment jsdom
import { afterAll, afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { cleanup, render, screen, within } from '@testing-library/react';
import axe from 'axe-core';

const auth = vi.hoisted(() => ({ teacherId: '' }));
vi.mock('@/lib/auth/guards', () => ({ requireTeacher: async () => auth.teacherId, teacherOrNull: async () => auth.teacherId }));
vi.mock('next/navigation', async (orig) => ({ ...(await orig<typeof import('next/navigation')>()), useRouter: () => ({ push: vi.fn(), refresh: vi.fn(), replace: vi.fn(), prefetch: vi.fn() }) }));
vi.mock('next/cache', () => ({ revalidatePath: vi.fn() }));
// A plain anchor: the real Link's viewport prefetching only adds act() noise in jsdom.
vi.mock('next/link', () => ({
  default: ({ href, children, prefetch, ...rest }: { href: string; children: React.ReactNode; prefetch?: boolean } & Record<string, unknown>) => {
    void prefetch;
    return (
      <a href={href} {...rest}>
        {children}
      </a>
    );
  },
}));

import AssignmentPage from './page';
import ReviewPage from './review/page';
import AnalysisPage from './analysis/page';
import { saveReviewAction, returnGradesAction } from './review/actions';
import { closeDb } from '@/lib/db/client';
import { gridForTeacher } from '@/lib/db/review';
import { makeScenario, makeTeacher } from '@/lib/db/review.fixture';

afterAll(() => closeDb());
afterEach(() => cleanup());
beforeEach(() => {
  auth.teacherId = '';
});

const props = <T extends object>(id: string, search: Record<string, string> = {}) =>
  ({ params: Promise.resolve({ id }), searchParams: Promise.resolve(search) }) as unknown as T;

async function axeViolations(container: HTMLElement) {
  // Colour contrast needs layout and canvas, which jsdom lacks (the e2e suite checks it in Chromium).
  const r = await axe.run(container, { rules: { region: { enabled: false }, 'color-contrast': { enabled: false } } });
  return r.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

describe('teacher review pages (rendered with real data)', () => {
  it('assignment page: facts, grid, tools, return; no axe violations', async () => {
    const s = await makeScenario();
    auth.teacherId = s.teacher.id;
    const { container } = render(await AssignmentPage(props(s.assignment.id)));
    expect(screen.getByRole('heading', { level: 1 })).toHaveTextContent('Who says so?');
    expect(screen.getByText(s.assignment.joinCode)).toBeInTheDocument();
    expect(screen.getByText(/When returned: students see grades/)).toBeInTheDocument();
    expect(screen.getByRole('row', { name: /Sam \(2\)/ })).toHaveTextContent(/In progress/);
    expect(screen.getByRole('link', { name: 'Review answers (2 need review)' })).toHaveAttribute('href', `/teacher/assignments/${s.assignment.id}/review`);
    expect(screen.getByRole('link', { name: 'Export CSV' })).toHaveAttribute('href', `/teacher/assignments/${s.assignment.id}/export.csv`);
    expect(screen.getByRole('link', { name: 'Item analysis' })).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Preview as a student' })).toHaveAttribute('href', `/teacher/assignments/${s.assignment.id}/preview`);
    expect(screen.getByRole('button', { name: 'Return grades to students' })).toBeInTheDocument();
    expect(await axeViolations(container)).toEqual([]);
  });

  it('review page: first flagged answer, reasons in words, criteria controls; no axe violations', async () => {
    const s = await makeScenario();
    auth.teacherId = s.teacher.id;
    // Without a response in the URL, the page redirects to the first one in the queue.
    const first = `/teacher/assignments/${s.assignment.id}/review?r=${encodeURIComponent(`${s.ana.id}:single-source`)}`;
    await expect(ReviewPage(props(s.assignment.id))).rejects.toMatchObject({ digest: expect.stringContaining(`NEXT_REDIRECT;replace;${first};`) });
    const { container } = render(await ReviewPage(props(s.assignment.id, { r: `${s.ana.id}:single-source` })));
    expect(screen.getByText('Response 1 of 8')).toBeInTheDocument();
    expect(screen.getByRole('heading', { level: 2 })).toHaveTextContent('Ana — Question 3');
    expect(screen.getByText('contradicts itself')).toBeInTheDocument();
    expect(screen.getByRole('group', { name: 'Criterion 1: Names the source' })).toBeInTheDocument();
    expect(screen.getByText(/Keyboard shortcuts/)).toHaveTextContent('J or N next, K or P previous, S save');
    expect(await axeViolations(container)).toEqual([]);
    cleanup();

    const second = render(await ReviewPage(props(s.assignment.id, { r: `${s.sam.id}:single-source` })));
    expect(screen.getByText('Response 2 of 8')).toBeInTheDocument();
    expect(screen.getByText('looks like a list of keywords')).toBeInTheDocument();
    expect([...second.container.querySelectorAll('mark')].map((m) => m.textContent)).toEqual(['Tekushev']);
  });

  it('analysis page renders every question; no axe violations', async () => {
    const s = await makeScenario();
    auth.teacherId = s.teacher.id;
    const { container } = render(await AnalysisPage(props(s.assignment.id)));
    const q1 = screen.getByRole('region', { name: /Question 1:/ });
    expect(q1).toHaveTextContent('3 answered · average 0.67 of 1 (67%)');
    expect(within(q1).getByRole('table', { name: /Score distribution/ })).toBeInTheDocument();
    expect(within(q1).getByRole('listitem')).toHaveTextContent('Kazakhstani government officials — 1 (33% of answers)');
    expect(screen.getByRole('region', { name: /Question 3:/ })).toHaveTextContent(/Criteria most often missed/);
    expect(await axeViolations(container)).toEqual([]);
  });

  it('every page is a 404 for another teacher and for unknown responses', async () => {
    const s = await makeScenario();
    auth.teacherId = (await makeTeacher()).id;
    await expect(AssignmentPage(props(s.assignment.id))).rejects.toThrow(/NEXT_HTTP_ERROR_FALLBACK;404|NEXT_NOT_FOUND/);
    await expect(ReviewPage(props(s.assignment.id))).rejects.toThrow(/NEXT_HTTP_ERROR_FALLBACK;404|NEXT_NOT_FOUND/);
    await expect(AnalysisPage(props(s.assignment.id))).rejects.toThrow(/NEXT_HTTP_ERROR_FALLBACK;404|NEXT_NOT_FOUND/);
    auth.teacherId = s.teacher.id;
    await expect(ReviewPage(props(s.assignment.id, { r: 'nope' }))).rejects.toThrow(/NEXT_HTTP_ERROR_FALLBACK;404|NEXT_NOT_FOUND/);
  });

  it('server actions: save validates and checks ownership; return sets returned_at', async () => {
    const s = await makeScenario();
    const fd = (v: Record<string, string>) => {
      const f = new FormData();
      for (const [k, x] of Object.entries(v)) f.set(k, x);
      return f;
    };
    const base = { assignmentId: s.assignment.id, attemptId: s.sam.id, questionId: 'single-source' };
    auth.teacherId = (await makeTeacher()).id;
    expect(await saveReviewAction(fd({ ...base, total: '2' }))).toMatchObject({ ok: false, message: expect.stringMatching(/no longer exists/) });
    expect(await returnGradesAction(s.assignment.id)).toEqual({ ok: false, message: 'No such assignment.' });
    auth.teacherId = s.teacher.id;
    expect(await saveReviewAction(fd({ ...base, total: 'two' }))).toMatchObject({ ok: false, fieldErrors: { total: expect.any(String) } });
    expect(await saveReviewAction(fd({ ...base, 'criterion:reason': '5' }))).toMatchObject({ ok: false, fieldErrors: { 'criteria.reason': expect.stringMatching(/0 to 1/) } });
    expect(await saveReviewAction(fd({ ...base, 'criterion:reason': '1', comment: 'Good.' }))).toMatchObject({ ok: true, effective: 'auto 1/2 → teacher 2/2' });
    const r = await returnGradesAction(s.assignment.id);
    expect(r.ok).toBe(true);
    expect((await gridForTeacher(s.teacher.id, s.assignment.id))!.assignment.returnedAt).toBe(r.ok ? r.returnedAt : null);
    auth.teacherId = '';
    expect(await saveReviewAction(fd(base))).toMatchObject({ ok: false, message: expect.stringMatching(/session has ended/) });
  });
});
