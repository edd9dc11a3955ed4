/**
 * Accessibility gate: axe-core (WCAG 2.0/2.1/2.2 A and AA tags, plus best
 * practices) on every route in every state that matters — public pages and
 * their error states, the reader in each state (fresh, answered, feedback for
 * every question kind, dialogs and popovers open, all 17 checked), the
 * teacher's pages (forms with field errors, grid, review queue with a flagged
 * answer, analysis, invites, delete confirmation, preview) and the student's
 * (join, resume code, attempt saving/offline/feedback, submit dialog,
 * submitted, returned). Zero violations allowed; every state is listed with
 * its result, and the figure is printed as a gate line.
 */
import { test, expect, type Browser, type Page } from '@playwright/test';
import { axeViolations, READER_URL, setupToken, teacherSignIn } from './fixtures';

test.describe.configure({ mode: 'serial' });

const MIN_STATES = 50;
const scanned: string[] = [];
const violations: string[] = [];

/**
 * Scan the page in its current state. Violations are collected and asserted in
 * the last test, so one run walks every state and lists every violation.
 */
async function scan(page: Page, label: string) {
  const v = await axeViolations(page, label);
  scanned.push(label);
  violations.push(...v);
}

test.afterAll(() => {
  const pass = violations.length === 0 && scanned.length >= MIN_STATES;
  console.log(`\n${violations.length ? violations.join('\n') + '\n' : ''}states scanned (${scanned.length}): ${scanned.join(' · ')}`);
  console.log(`gate: axe (WCAG 2.2 AA)  states=${scanned.length}  violations=${violations.length}  limit=0 (min states ${MIN_STATES})  ${pass ? 'PASS' : 'FAIL'}`);
});

const card = (page: Page, id: string) => page.locator(`[data-question="${id}"]`);

/** Navigate and wait until the page is hydrated, so forms run through script rather than a full post. */
async function open(page: Page, url: string) {
  await page.goto(url);
  await page.waitForLoadState('networkidle');
}

/** Text answers for every written question of the Kazakhstan exercise. */
const TEXT: Record<string, string> = {
  'single-source': 'It is Islam Tekushev’s study. One source cannot be checked against anyone else, and he could be biased.',
  'radical-website': 'A radical website wants to scare people, and it was two years ago so it may be out of date.',
  'direct-quote': 'The quotation marks show the exact words of the source; the other sentence is the writer’s own paraphrase.',
  'unclear-conclusion': 'It is unclear: there is no “Tekushev says” in the last paragraph, so it reads like the writer’s own conclusion.',
  understates: 'The article gives no evidence for it, and more than 200 is only a lower limit, not an exact count.',
  'youth-unemployment': 'Tekushev is the source; approaching 90 percent is an estimate; check World Bank youth unemployment statistics.',
  dozens: 'The writer may not know the exact number; police statements or a terrorism database would have exact figures.',
  'funding-evidence': 'There are no exact figures on the money; it only does not appear to be declining, an impression.',
  'headline-vs-body': 'Paragraphs 6 and 9 say the cells are small, independent and only weakly connected, so the headline overstates it.',
  'questions-before-trusting': 'Who paid for Tekushev’s study? Does anyone else, like officials or other researchers, confirm the foreign funding?',
};

/** Answer every question of the reader (or an attempt) with the mouse; `only` limits it to some ids. */
async function answerAll(page: Page, only?: string[]) {
  const want = (id: string) => !only || only.includes(id);
  if (want('main-source')) await card(page, 'main-source').getByRole('radio', { name: /Islam Tekushev/ }).check();
  if (want('other-sources')) {
    await card(page, 'other-sources').getByRole('checkbox', { name: 'Kazakhstani officials' }).check();
    await card(page, 'other-sources').getByRole('checkbox', { name: 'Kazakhstani newspapers' }).check();
  }
  if (want('argues-vs-reports')) await card(page, 'argues-vs-reports').getByRole('radio', { name: /interpretation/ }).check();
  if (want('attribution-phrase')) {
    const hl = card(page, 'attribution-phrase');
    await hl.getByText('Choose words with the keyboard').click();
    await hl.getByLabel('First word').selectOption({ label: '20. Tekushev' });
    await hl.getByLabel('Last word').selectOption({ label: '21. reports.' });
    await hl.getByRole('button', { name: 'Use these words' }).click();
    await expect(hl.getByText(/Your answer:/)).toContainText('Tekushev reports');
  }
  if (want('who-says')) {
    const who = card(page, 'who-says');
    for (const [n, cat] of [[0, 'Tekushev'], [1, 'Kazakhstani officials'], [2, 'No source is named'], [3, 'A radical website'], [4, 'Tekushev'], [5, 'Tekushev']] as const)
      await who.locator('fieldset.classify-item').nth(n).getByRole('radio', { name: cat }).check();
  }
  if (want('figure-types')) {
    const fig = card(page, 'figure-types');
    for (const [n, cat] of [[0, 'An exact number'], [1, 'An estimate'], [2, 'An estimate'], [3, 'A limit'], [4, 'A limit'], [5, 'No exact figure']] as const)
      await fig.locator('fieldset.classify-item').nth(n).getByRole('radio', { name: new RegExp(`^${cat}`) }).check();
  }
  if (want('attack-count')) await card(page, 'attack-count').getByRole('textbox').fill('seven');
  for (const [id, text] of Object.entries(TEXT)) if (want(id)) await card(page, id).getByRole('textbox').fill(text);
}

async function check(page: Page, id: string) {
  const c = card(page, id);
  const res = page.waitForResponse((r) => r.url().includes('/check') && r.request().method() === 'POST');
  await c.getByRole('button', { name: /^Check/ }).click();
  expect((await res).status()).toBe(200);
  await expect(c.locator('.feedback__score')).toBeVisible();
}

const ONE_OF_EACH_KIND = ['main-source', 'other-sources', 'attribution-phrase', 'who-says', 'attack-count', 'single-source'];

test('public pages and their error states', async ({ page }) => {
  await open(page, '/');
  await scan(page, 'home');
  await open(page, '/no-such-page');
  await expect(page.getByRole('heading', { name: 'Page not found' })).toBeVisible();
  await scan(page, '404');
  await open(page, '/articles/no-such-article');
  await expect(page.getByRole('heading', { name: 'Page not found' })).toBeVisible();
  await scan(page, '404 (unknown article)');

  await open(page, '/join');
  await scan(page, 'join (empty)');
  await page.getByLabel('Class code').fill('ZZZZZZ');
  await page.getByLabel('Your name').fill('Alex');
  await page.getByRole('button', { name: 'Join' }).click();
  await expect(page.getByRole('alert').first()).toBeVisible();
  await scan(page, 'join: wrong code error');
  await page.getByLabel('Class code').fill('');
  await page.getByLabel('Your name').fill('');
  await page.getByRole('button', { name: 'Join' }).click();
  await expect(page.locator('[aria-invalid="true"]').first()).toBeVisible();
  await scan(page, 'join: empty fields errors');

  await open(page, '/resume');
  await scan(page, 'resume (empty)');
  await page.getByLabel('Class code').fill('ZZZZZZ');
  await page.getByLabel('Resume code').fill('ABCD-EFGH');
  await page.getByRole('button', { name: 'Open my work' }).click();
  await expect(page.getByRole('alert').first()).toBeVisible();
  await scan(page, 'resume: wrong codes error');

  await open(page, '/signin');
  await scan(page, 'sign in');
  await page.getByLabel('Email').fill('nobody@school.test');
  await page.getByLabel('Password').fill('wrong password here');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('alert')).toBeVisible();
  await scan(page, 'sign in: wrong password error');
  await page.getByLabel('Email').fill('');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.locator('[aria-invalid="true"]').first()).toBeVisible();
  await scan(page, 'sign in: empty fields errors');

  await open(page, '/setup/not-a-real-token');
  await expect(page.getByRole('heading', { name: /cannot be used/ })).toBeVisible();
  await scan(page, 'setup link invalid');
  await open(page, '/invite/not-a-real-token');
  await expect(page.getByRole('heading', { name: /cannot be used/ })).toBeVisible();
  await scan(page, 'invite link invalid');
  await open(page, '/attempts/00000000-0000-4000-8000-000000000000');
  await expect(page.getByRole('heading', { name: 'Page not found' })).toBeVisible();
  await scan(page, 'attempt not found');
  await open(page, '/teacher');
  await expect(page).toHaveURL(/\/signin/);
  await scan(page, 'teacher area signed out → sign in');
});

test('reader: every state', async ({ page }) => {
  test.setTimeout(180_000);
  await open(page, READER_URL);
  await page.evaluate(() => localStorage.clear());
  await page.reload();
  await expect(card(page, 'main-source')).toBeVisible();
  await scan(page, 'reader: fresh');

  await page.getByRole('button', { name: 'jamaats (glossary)' }).click();
  await expect(page.getByRole('dialog', { name: 'Glossary: jamaat' })).toBeVisible();
  await scan(page, 'reader: glossary popover open');
  await page.keyboard.press('Escape');

  await page.locator('.reader').getByText('Note for teachers').click();
  await page.getByText(/Glossary: all \d+ terms/).click();
  await scan(page, 'reader: notes and full glossary expanded');

  await card(page, 'attribution-phrase').getByText('Choose words with the keyboard').click();
  await expect(card(page, 'attribution-phrase').getByLabel('First word')).toBeVisible();
  await scan(page, 'reader: keyboard picker open');
  await card(page, 'attribution-phrase').getByText('Choose words with the keyboard').click();

  await answerAll(page, ONE_OF_EACH_KIND);
  await scan(page, 'reader: one question of each kind answered');
  for (const id of ONE_OF_EACH_KIND) await check(page, id);
  await expect(card(page, 'single-source').locator('.feedback li')).toHaveCount(2); // a text answer with its criteria
  await scan(page, 'reader: feedback shown for each kind (choice, multiple, highlight, sort, short, text with criteria)');

  // A stale result (answer changed after checking) and a too-long written answer.
  await card(page, 'attack-count').getByRole('textbox').fill('about seven');
  await card(page, 'radical-website').getByRole('textbox').fill('x'.repeat(2_050));
  await expect(card(page, 'radical-website').locator('.counter--over')).toBeVisible();
  await scan(page, 'reader: stale feedback, over-long answer');
  await card(page, 'attack-count').getByRole('textbox').fill('seven');

  // A mouse selection waiting to be used.
  await page.locator('#para-2 p').evaluate((p) => {
    const r = document.createRange();
    r.selectNodeContents(p);
    getSelection()!.removeAllRanges();
    getSelection()!.addRange(r);
  });
  await expect(card(page, 'attribution-phrase').getByText(/Selected in the article/)).toBeVisible();
  await scan(page, 'reader: pending mouse selection');
  await page.evaluate(() => getSelection()!.removeAllRanges());

  await page.getByRole('button', { name: 'Start over' }).click();
  await expect(page.getByRole('dialog', { name: 'Start over?' })).toBeVisible();
  await scan(page, 'reader: start-over dialog open');
  await page.keyboard.press('Escape');
  await expect(page.getByRole('dialog', { name: 'Start over?' })).toBeHidden();

  await answerAll(page, Object.keys(TEXT).concat(['argues-vs-reports', 'figure-types']));
  for (const id of ['radical-website', 'attack-count', ...Object.keys(TEXT).filter((id) => id !== 'single-source' && id !== 'radical-website'), 'argues-vs-reports', 'figure-types'])
    await check(page, id);
  await expect(page.locator('.summary')).toContainText('17 of 17 questions checked');
  await expect(page.getByRole('heading', { name: 'Your results' })).toBeVisible();
  await scan(page, 'reader: all 17 checked, summary with scores');

  await page.emulateMedia({ media: 'print' });
  await scan(page, 'reader: print worksheet');
  await page.emulateMedia({ media: 'screen' });
});

// The classroom, as one teacher and one student (plus a second student for the grid).
let classUrl = '';
let assignmentUrl = '';
let joinCode = '';
let resumeCode = '';
let attemptUrl = '';
let student: { page: Page; close: () => Promise<void> } | undefined;

async function newStudent(browser: Browser) {
  const ctx = await browser.newContext();
  const page = await ctx.newPage();
  return { page, close: () => ctx.close() };
}

test('teacher pages', async ({ page, browser }) => {
  test.setTimeout(120_000);
  await teacherSignIn(page, (label) => scan(page, `${label} (first visit)`));
  await open(page, '/teacher');
  await scan(page, 'teacher home (classes)');

  await page.getByRole('button', { name: 'Create class' }).click();
  await expect(page.locator('[aria-invalid="true"]')).toBeVisible();
  await scan(page, 'teacher home: new class with field error');

  await page.getByLabel('Class name').fill('9A Accessibility check');
  await page.getByRole('button', { name: 'Create class' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('9A Accessibility check');
  classUrl = new URL(page.url()).pathname;
  await scan(page, 'class (no assignments)');

  // New-assignment form with field errors: title too long, impossible due date, no feedback mode.
  const form = page.locator('section[aria-labelledby="new-assignment"] form');
  await form.getByLabel(/Title students see/).evaluate((el) => el.removeAttribute('maxlength'));
  await form.getByLabel(/Title students see/).fill('T'.repeat(300));
  await form.getByLabel(/Due date/).fill('1999-01-01T10:00');
  await form.locator('input[name="feedbackMode"]').evaluateAll((els) => els.forEach((el) => ((el as HTMLInputElement).checked = false)));
  await form.getByRole('button', { name: 'Create assignment' }).click();
  await expect(form.getByRole('alert')).toContainText(/Please correct the \d fields/);
  expect(await form.locator('.field-error').count()).toBeGreaterThanOrEqual(2);
  await scan(page, 'class: new-assignment form with field errors');
  // The due date is checked once the other fields are valid.
  await form.getByRole('radio', { name: /Straight away/ }).check();
  await form.getByLabel(/Title students see/).fill('Fine title');
  await form.getByLabel(/Due date/).fill('1999-01-01T10:00');
  await form.getByRole('button', { name: 'Create assignment' }).click();
  await expect(form.getByText(/Enter a real date and time/)).toBeVisible();
  await scan(page, 'class: new-assignment form, due date error');

  await open(page, classUrl);
  await page.getByLabel(/Title students see/).fill('Accessibility week');
  await page.getByRole('radio', { name: /Straight away/ }).check();
  await page.getByRole('button', { name: 'Create assignment' }).click();
  const assignmentCard = page.locator('li.assignment-card').filter({ has: page.getByRole('heading', { name: 'Accessibility week' }) });
  await expect(assignmentCard).toBeVisible();
  joinCode = (await assignmentCard.locator('.join-code span[aria-hidden="true"]').innerText()).replace(/[\s-]/g, '');
  assignmentUrl = (await assignmentCard.getByRole('link', { name: 'Results and review' }).getAttribute('href'))!;
  await scan(page, 'class with a new assignment');
  await assignmentCard.getByRole('button', { name: 'Copy join link' }).click();
  await scan(page, 'class: join link copied');

  await assignmentCard.getByRole('link', { name: /^Edit/ }).click();
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await scan(page, 'edit assignment');
  await page.getByLabel(/Title students see/).fill('');
  await page.getByRole('button', { name: /Save/ }).click();
  await expect(page.locator('[aria-invalid="true"]').first()).toBeVisible();
  await scan(page, 'edit assignment: empty title error');

  await open(page, `${assignmentUrl}/preview`);
  await expect(page.getByText('Preview — answers are not saved.')).toBeVisible();
  await scan(page, 'preview as a student');
  await answerAll(page, ['main-source']);
  await check(page, 'main-source');
  await scan(page, 'preview: feedback shown');

  await open(page, assignmentUrl);
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await scan(page, 'assignment (no students yet)');
  await open(page, `${assignmentUrl}/review`);
  await scan(page, 'review queue (empty)');
  await open(page, `${assignmentUrl}/analysis`);
  await scan(page, 'item analysis (empty)');

  await open(page, '/teacher/invites');
  await scan(page, 'invites (none)');
  await page.getByRole('button', { name: 'Create invite link' }).click();
  const inviteLink = await page.getByLabel('Invite link').inputValue();
  await scan(page, 'invites: new link shown, one unused invite');
  const other = await newStudent(browser);
  await open(other.page, new URL(inviteLink).pathname);
  await expect(other.page.getByRole('heading', { name: 'Create your teacher account' })).toBeVisible();
  await scan(other.page, 'invite link (create account form)');
  await other.page.getByRole('button', { name: 'Create account' }).click();
  await expect(other.page.locator('[aria-invalid="true"]').first()).toBeVisible();
  await scan(other.page, 'invite: account form with field errors');
  await other.close();

  // A throwaway class to delete.
  await open(page, '/teacher');
  await page.getByLabel('Class name').fill('Class to delete');
  await page.getByRole('button', { name: 'Create class' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Class to delete');
  await page.getByRole('link', { name: 'Delete this class…' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Delete');
  await scan(page, 'delete-class confirmation');
  await page.getByRole('button', { name: /permanently/ }).click();
  await expect(page.getByText('The class and all its students’ work were deleted.')).toBeVisible();
  await scan(page, 'teacher home: class deleted');

  await open(page, '/teacher/classes/00000000-0000-4000-8000-000000000000');
  await scan(page, 'teacher: class not found');
  await open(page, `/setup/${setupToken()}`);
  await expect(page.getByRole('heading', { name: /cannot be used/ })).toBeVisible();
  await scan(page, 'setup link already used');
});

test('student pages', async ({ browser }) => {
  test.setTimeout(120_000);
  student = await newStudent(browser);
  const page = student.page;
  await open(page, `/join/${joinCode}`);
  await expect(page.getByLabel('Class code')).toHaveValue(joinCode);
  await scan(page, 'join link (code filled in)');
  await page.getByLabel('Your name').fill('Robin');
  await page.getByRole('button', { name: 'Join' }).click();
  await expect(page.getByText('Write this down')).toBeVisible();
  resumeCode = await page.getByTestId('resume-code').innerText();
  await scan(page, 'joined: resume code shown');
  await page.getByRole('link', { name: 'Continue' }).click();
  await expect(card(page, 'main-source')).toBeVisible();
  await page.waitForLoadState('networkidle');
  attemptUrl = new URL(page.url()).pathname;
  await scan(page, 'attempt: fresh');

  await answerAll(page, ['main-source', 'attribution-phrase', 'who-says', 'attack-count', 'single-source']);
  // A keyword list: the engine flags it for the teacher's review.
  await card(page, 'single-source').getByRole('textbox').fill('Tekushev, Medium-Orient, second source, confirm, bias');
  await card(page, 'single-source').getByRole('textbox').blur();
  await expect(page.getByTestId('save-status')).toContainText(/Saved/, { timeout: 15_000 });
  await scan(page, 'attempt: answers saved (save status)');

  await check(page, 'main-source');
  await check(page, 'single-source');
  await scan(page, 'attempt: feedback shown (immediate mode)');

  await page.context().setOffline(true);
  await card(page, 'attack-count').getByRole('textbox').fill('7');
  await card(page, 'attack-count').getByRole('textbox').blur();
  await expect(page.getByTestId('save-status')).toContainText(/Offline/, { timeout: 15_000 });
  await scan(page, 'attempt: offline save status');
  await page.context().setOffline(false);
  await expect(page.getByTestId('save-status')).toContainText(/Saved/, { timeout: 30_000 });

  // A second student, so the grid has more than one row.
  const second = await newStudent(browser);
  await open(second.page, `/join/${joinCode}`);
  await second.page.getByLabel('Your name').fill('Kim');
  await second.page.getByRole('button', { name: 'Join' }).click();
  await second.page.getByRole('link', { name: 'Continue' }).click();
  await expect(card(second.page, 'main-source')).toBeVisible();
  await second.page.waitForLoadState('networkidle');
  await answerAll(second.page, ['main-source', 'other-sources']);
  await card(second.page, 'other-sources').getByRole('checkbox', { name: 'Kazakhstani newspapers' }).blur();
  await expect(second.page.getByTestId('save-status')).toContainText(/Saved/, { timeout: 15_000 });
  await second.close();

  await page.getByRole('button', { name: 'Submit my work' }).click();
  await expect(page.getByRole('dialog', { name: 'Submit your work?' })).toBeVisible();
  await scan(page, 'attempt: submit dialog open');
  await page.getByRole('button', { name: 'Submit', exact: true }).click();
  await expect(page.getByRole('heading', { name: /Submitted/ })).toBeVisible();
  await scan(page, 'attempt: submitted');

  const other = await newStudent(browser);
  await open(other.page, '/resume');
  await other.page.getByLabel('Class code').fill(joinCode);
  await other.page.getByLabel('Resume code').fill(resumeCode);
  await other.page.getByRole('button', { name: 'Open my work' }).click();
  await expect(other.page).toHaveURL(new RegExp(`${attemptUrl}$`));
  await expect(card(other.page, 'main-source')).toBeVisible();
  await scan(other.page, 'resume on another device → attempt (submitted)');
  await other.close();
});

test('teacher: grid, review queue with a flagged answer, analysis, return', async ({ page }) => {
  test.setTimeout(120_000);
  await teacherSignIn(page);
  await open(page, assignmentUrl);
  await expect(page.getByRole('table')).toContainText('Robin');
  await expect(page.getByRole('table')).toContainText('Kim');
  await scan(page, 'assignment grid (2 students, 1 flagged)');
  await page.getByRole('button', { name: 'Return grades to students' }).click();
  await expect(page.getByRole('dialog', { name: 'Return grades to students?' })).toBeVisible();
  await scan(page, 'assignment: return-grades dialog open');
  await page.keyboard.press('Escape');

  await open(page, `${assignmentUrl}/review`);
  await expect(page.getByText(/flagged answers? still needs? review/)).toBeVisible();
  await expect(page.locator('.review-flag')).toBeVisible();
  await scan(page, 'review queue open on a flagged answer');
  await page.getByLabel('Comment for the student (optional)').fill('Write full sentences: why is one source not enough?');
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(page.getByText(/Saved\. Counts as/)).toBeVisible();
  await scan(page, 'review: saved with a comment');

  await open(page, `${assignmentUrl}/analysis`);
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await scan(page, 'item analysis (with answers)');

  await open(page, classUrl);
  await scan(page, 'class (1 joined… counts)');

  await open(page, assignmentUrl);
  await page.getByRole('button', { name: 'Return grades to students' }).click();
  await page.getByRole('button', { name: 'Return grades', exact: true }).click();
  await expect(page.getByRole('status').filter({ hasText: /Returned on/ })).toBeVisible();
  await scan(page, 'assignment: grades returned');

  await page.getByRole('button', { name: 'Sign out' }).click();
  await expect(page).toHaveURL(/signedout=1/);
  await scan(page, 'signed out');
});

test('student: returned grades and comment', async () => {
  const page = student!.page;
  await page.reload();
  await expect(card(page, 'single-source').getByText('Write full sentences: why is one source not enough?')).toBeVisible({ timeout: 40_000 });
  await scan(page, 'attempt: returned with teacher comment');
  await student!.close();
});

test('zero axe violations in every state, and every state was reached', () => {
  expect(violations, 'axe violations (state: rule [impact] (nodes) targets — help)').toEqual([]);
  expect(scanned.length).toBeGreaterThanOrEqual(MIN_STATES);
});
