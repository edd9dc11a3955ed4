/**
 * The classroom, end to end in Debian's Chromium against the production build:
 * a teacher creates the first account from the one-time setup link, a class
 * and an assignment; two students join in separate browser contexts and answer
 * (one goes offline mid-way and recovers), and submit; the teacher reviews,
 * overrides one criterion, comments and returns; the student sees the returned
 * grade and comment. axe-core (WCAG 2.2 AA) finds no violations on any page.
 */
import { test, expect, type Page, type Browser } from '@playwright/test';
import { axeViolations, TEACHER, teacherSignIn } from './fixtures';

const visited = new Set<string>();

async function axe(page: Page, label: string) {
  expect(await axeViolations(page, label), `axe violations on ${label}`).toEqual([]);
  visited.add(label);
}

test.describe.configure({ mode: 'serial' });

let joinCode = '';
let assignmentUrl = '';
let studentA: { page: Page; close: () => Promise<void> } | undefined;

async function joinAs(browser: Browser, name: string): Promise<{ page: Page; close: () => Promise<void> }> {
  const ctx = await browser.newContext();
  const page = await ctx.newPage();
  await page.goto(`/join/${joinCode}`);
  await axe(page, 'join');
  await page.getByLabel('Your name').fill(name);
  await page.getByRole('button', { name: 'Join' }).click();
  await expect(page.getByText('Write this down')).toBeVisible();
  await expect(page.getByText(/^[2-9A-Z]{4}-[2-9A-Z]{4}$/)).toBeVisible();
  await axe(page, 'joined (resume code)');
  await page.getByRole('link', { name: 'Continue' }).click();
  await expect(page.locator('[data-question="main-source"]')).toBeVisible();
  await page.waitForLoadState('networkidle'); // hydrated: typing is now handled by the autosave
  return { page, close: () => ctx.close() };
}

test('teacher: setup link (or sign in, if another spec used it) → class → assignment', async ({ page }) => {
  await teacherSignIn(page, (label) => axe(page, label));
  await page.goto('/teacher');
  await axe(page, 'teacher home');

  await page.getByLabel('Class name').fill('8B Media literacy');
  await page.getByRole('button', { name: 'Create class' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('8B Media literacy');
  await axe(page, 'class');

  await page.getByLabel(/Title students see/).fill('Who says so? (week 3)');
  await page.getByRole('radio', { name: /When you return/i }).check();
  await page.getByRole('button', { name: 'Create assignment' }).click();
  const card = page.locator('article, section').filter({ has: page.getByRole('heading', { name: 'Who says so? (week 3)' }) }).first();
  joinCode = (await card.locator('.join-code span[aria-hidden="true"]').innerText()).replace(/[\s-]/g, '');
  expect(joinCode).toMatch(/^[2-9A-Z]{6}$/);
  await axe(page, 'class with assignment');
  const results = card.getByRole('link', { name: 'Results and review' });
  assignmentUrl = (await results.getAttribute('href'))!;
  expect(assignmentUrl).toMatch(/^\/teacher\/assignments\/[0-9a-f-]{36}$/);
});

test('students: two join, answer (one offline mid-way), submit', async ({ browser }) => {
  const a = await joinAs(browser, 'Sam');
  studentA = a;
  await axe(a.page, 'attempt');
  const mainA = a.page.locator('[data-question="main-source"]');
  await mainA.getByRole('radio', { name: /Islam Tekushev/ }).check();
  const textA = a.page.locator('[data-question="single-source"]').getByRole('textbox');
  await textA.fill('The author of the article.');
  await textA.blur();
  await expect(a.page.getByText(/Saved/).first()).toBeVisible();

  const b = await joinAs(browser, 'Sam');
  const textB = b.page.locator('[data-question="single-source"]').getByRole('textbox');
  await b.page.context().setOffline(true);
  await textB.fill("Islam Tekushev's study. One source can't be checked by anyone else, and he could be biased.");
  await textB.blur();
  await expect(b.page.getByText(/Offline/).first()).toBeVisible({ timeout: 15_000 });
  await b.page.context().setOffline(false);
  await expect(b.page.getByText(/Saved/).first()).toBeVisible({ timeout: 30_000 });
  // Reload: the answer is on the server, not just in this tab.
  await b.page.reload();
  await expect(b.page.locator('[data-question="single-source"]').getByRole('textbox')).toHaveValue(/Tekushev's study/);

  for (const s of [a, b]) {
    await s.page.getByRole('button', { name: 'Submit my work' }).click();
    await s.page.getByRole('button', { name: 'Submit', exact: true }).click();
    await expect(s.page.getByRole('heading', { name: /Submitted/ })).toBeVisible();
    await expect(s.page.locator('[data-question="single-source"]').getByRole('textbox')).toBeDisabled();
  }
  await axe(a.page, 'attempt submitted');
  await b.close();
});

test('student text is shown as text, never as HTML', async ({ playwright, baseURL }) => {
  const api = await playwright.request.newContext({ baseURL });
  const join = await api.post('/api/join', { data: { code: joinCode, name: '<img src=x onerror="window.__xss=1">' } });
  expect(join.status()).toBe(201);
  const { attemptId } = (await join.json()) as { attemptId: string };
  const save = await api.put(`/api/attempts/${attemptId}/answers/single-source`, {
    data: { answer: { text: '<script>window.__xss=2</script><b>Tekushev</b>' }, seq: 1 },
  });
  expect(save.status()).toBe(200);
  await api.dispose();
});

test('teacher: grid, review with an override and a comment, return', async ({ page }) => {
  await page.goto('/signin');
  await axe(page, 'sign in');
  await page.getByLabel('Email').fill(TEACHER.email);
  await page.getByLabel('Password').fill(TEACHER.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page).toHaveURL(/\/teacher/);

  await page.goto(assignmentUrl);
  const grid = page.getByRole('table');
  await expect(grid).toContainText('Sam');
  await expect(grid).toContainText('Sam (2)');
  await expect(grid).toContainText(/submitted/i);
  // The HTML-looking name is shown literally and nothing from it runs.
  await expect(grid).toContainText('<img src=x onerror="window.__xss=1">');
  expect(await page.locator('img[src="x"]').count()).toBe(0);
  expect(await page.evaluate(() => (window as unknown as { __xss?: number }).__xss)).toBeUndefined();
  await axe(page, 'assignment grid');

  await page.goto(`${assignmentUrl}/analysis`);
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await axe(page, 'item analysis');

  // The review queue opens flagged answers first; then open Sam's written answer from its grid cell.
  await page.goto(`${assignmentUrl}/review`);
  await expect(page.getByText(/of \d+/).first()).toBeVisible();
  await axe(page, 'review queue');
  await page.goto(assignmentUrl);
  const samRow = page.getByRole('row').filter({ has: page.getByRole('rowheader', { name: 'Sam', exact: true }) });
  await samRow.locator('a[href*="single-source"]').click();
  await expect(page.getByText('The author of the article.')).toBeVisible();
  const criterion = page.getByRole('group', { name: /Criterion 1: Names the source/ });
  await criterion.getByRole('radio', { name: '1 of 1', exact: true }).check();
  await page.getByLabel('Comment for the student (optional)').fill('Say which author: the source here is Tekushev.');
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(page.getByText(/Saved\. Counts as/)).toBeVisible();
  await axe(page, 'review after save');

  await page.goto(assignmentUrl);
  await page.getByRole('button', { name: 'Return grades to students' }).click();
  await page.getByRole('button', { name: 'Return grades', exact: true }).click();
  await expect(page.getByRole('status').filter({ hasText: /Returned on/ })).toBeVisible();
  await axe(page, 'assignment returned');

  // CSV export is a download with a BOM.
  const csv = await page.request.get(`${assignmentUrl}/export.csv`);
  expect(csv.status()).toBe(200);
  const body = await csv.body();
  expect(body.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
  expect(body.toString('utf8')).toContain('Sam (2)');
});

test('student: sees the returned grade and comment', async () => {
  const page = studentA!.page;
  await page.reload();
  const card = page.locator('[data-question="single-source"]');
  await expect(card.getByText('Say which author: the source here is Tekushev.')).toBeVisible({ timeout: 40_000 });
  await expect(card.locator('.feedback__score')).toContainText('1 of 2 points');
  await axe(page, 'attempt returned');
  await studentA!.close();
});

test('every page visited was scanned', () => {
  expect([...visited].length).toBeGreaterThanOrEqual(12);
});
