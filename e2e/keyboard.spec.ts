/**
 * Keyboard-only gate: the whole self-study exercise (all 17 questions, the
 * highlight question through its keyboard picker, a glossary term on the way)
 * done with page.keyboard alone — Tab, Shift+Tab, Space, Enter, arrow keys and
 * typing; no mouse, no locator.click/check/fill. After every key press the
 * focused element must be (1) a real element, not the page body, (2) inside
 * the viewport, (3) not covered by anything else (WCAG 2.4.11), and (4) drawn
 * with a visible focus indicator: :focus-visible matches, and an outline of at
 * least 2 px (or a box-shadow ring) that differs from its unfocused style.
 * Prints the number of key presses and focus checks as a gate line.
 */
import { test, expect, type Page } from '@playwright/test';
import { READER_URL, teacherSignIn } from './fixtures';

interface Focus {
  tag: string;
  type: string;
  text: string;
  question: string | null;
  problems: string[];
}

let keys = 0;
let checks = 0;
const failures: string[] = [];

/** Where focus is, and what is wrong with how it is shown. */
function inspectFocus(page: Page): Promise<Focus> {
  return page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    const problems: string[] = [];
    if (!el || el === document.body || el === document.documentElement) {
      return { tag: 'body', type: '', text: '', question: null, problems: ['focus is on the page body (lost)'] };
    }
    const text = (el.getAttribute('aria-label') ?? ((el as HTMLInputElement).labels?.[0]?.textContent || el.textContent) ?? '').replace(/\s+/g, ' ').trim().slice(0, 60);
    const r = el.getBoundingClientRect();
    const vw = window.innerWidth;
    const vh = window.innerHeight;
    if (r.width === 0 || r.height === 0) problems.push('has no size');
    // Fully in view when it fits; a tall scroll region must at least be in view.
    const fits = r.height <= vh && r.width <= vw;
    const inView = fits ? r.top >= -1 && r.left >= -1 && r.bottom <= vh + 1 && r.right <= vw + 1 : r.bottom > 0 && r.top < vh && r.right > 0 && r.left < vw;
    if (!inView) problems.push(`outside the viewport (${Math.round(r.left)},${Math.round(r.top)} ${Math.round(r.width)}×${Math.round(r.height)} in ${vw}×${vh})`);
    else {
      // Not obscured: the element (or its label) is what is drawn at its centre.
      const cx = Math.min(Math.max(r.left + r.width / 2, 0), vw - 1);
      const cy = Math.min(Math.max(r.top + Math.min(r.height, vh) / 2, 0), vh - 1);
      const hit = document.elementFromPoint(cx, cy);
      const labels = (el as HTMLInputElement).labels ? [...((el as HTMLInputElement).labels ?? [])] : [];
      if (!hit || !(hit === el || el.contains(hit) || labels.some((l) => l.contains(hit)))) problems.push(`covered by ${hit ? hit.tagName.toLowerCase() + (hit.className ? '.' + String(hit.className).split(' ')[0] : '') : 'nothing'}`);
    }
    if (!el.matches(':focus-visible')) problems.push('does not match :focus-visible');
    const cs = getComputedStyle(el);
    const width = parseFloat(cs.outlineWidth) || 0;
    const outline = cs.outlineStyle !== 'none' && width >= 2 && !/rgba\(.*, 0\)$|transparent/.test(cs.outlineColor);
    const ring = cs.boxShadow !== 'none' && cs.boxShadow !== '';
    if (!outline && !ring) problems.push(`no focus indicator (outline ${cs.outlineStyle} ${cs.outlineWidth} ${cs.outlineColor}, box-shadow ${cs.boxShadow})`);
    else {
      // The indicator must come from focus: compare with the element's unfocused style.
      const probe = el.cloneNode(false) as HTMLElement;
      // Not in the same radio group (a checked clone would uncheck the original), no id, no autofocus.
      for (const a of ['id', 'name', 'autofocus', 'form', 'popovertarget']) probe.removeAttribute(a);
      if (probe instanceof HTMLInputElement) probe.checked = false;
      probe.setAttribute('aria-hidden', 'true');
      probe.style.position = 'absolute';
      probe.style.left = '-9999px';
      el.parentElement?.appendChild(probe);
      const ps = getComputedStyle(probe);
      const same = ps.outlineStyle === cs.outlineStyle && ps.outlineWidth === cs.outlineWidth && ps.outlineColor === cs.outlineColor && ps.boxShadow === cs.boxShadow;
      probe.remove();
      if (same) problems.push('focused style is the same as unfocused');
    }
    return { tag: el.tagName.toLowerCase(), type: el.getAttribute('type') ?? '', text, question: el.closest<HTMLElement>('[data-question]')?.dataset.question ?? null, problems };
  });
}

async function press(page: Page, key: string): Promise<Focus> {
  await page.keyboard.press(key);
  keys++;
  const f = await inspectFocus(page);
  checks++;
  if (f.problems.length) failures.push(`after ${key} on <${f.tag}${f.type ? ' ' + f.type : ''}> “${f.text}”: ${f.problems.join('; ')}`);
  expect.soft(f.problems, `focus after ${key} on <${f.tag}> “${f.text}”`).toEqual([]);
  return f;
}

/** Tab (or Shift+Tab) until `want` matches the focused element; fails after `max` presses (a trap or a missing control). */
async function tabTo(page: Page, what: string, want: (f: Focus) => boolean, { max = 60, back = false } = {}): Promise<Focus> {
  for (let i = 0; i < max; i++) {
    const f = await press(page, back ? 'Shift+Tab' : 'Tab');
    if (want(f)) return f;
  }
  throw new Error(`keyboard: did not reach ${what} within ${max} presses of ${back ? 'Shift+Tab' : 'Tab'}`);
}

async function type(page: Page, text: string) {
  await page.keyboard.type(text);
  keys += text.length;
  const f = await inspectFocus(page);
  checks++;
  if (f.problems.length) failures.push(`while typing in “${f.text}”: ${f.problems.join('; ')}`);
  expect.soft(f.problems).toEqual([]);
}

const inQ = (q: string, tag: string, type?: string) => (f: Focus) => f.question === q && f.tag === tag && (type === undefined || f.type === type);

/** Tab to the question's Check button, press Enter, wait for its feedback. */
async function checkAnswer(page: Page, q: string) {
  await tabTo(page, `the Check button of ${q}`, (f) => f.question === q && f.tag === 'button' && /^Check/.test(f.text));
  const res = page.waitForResponse((r) => r.url().includes('/check') && r.request().method() === 'POST');
  await press(page, 'Enter');
  expect((await res).status()).toBe(200);
  await expect(page.locator(`[data-question="${q}"] .feedback__score`)).toBeVisible();
  const f = await inspectFocus(page);
  checks++;
  if (f.problems.length) failures.push(`after checking ${q}: ${f.problems.join('; ')}`);
  expect.soft(f.problems, `focus after checking ${q}`).toEqual([]);
}

/** A radio group: Tab into it, then Space (first option) or arrow keys (which move and select). */
async function chooseRadio(page: Page, q: string, index: number) {
  await tabTo(page, `a radio button in ${q}`, inQ(q, 'input', 'radio'));
  if (index === 0) await press(page, 'Space');
  for (let i = 0; i < index; i++) await press(page, 'ArrowDown');
}

/** Set a <select> by arrow keys until the chosen option's text starts with `label`. */
async function selectByArrows(page: Page, label: string) {
  for (let i = 0; i < 80; i++) {
    const current = await page.evaluate(() => {
      const s = document.activeElement as HTMLSelectElement;
      return { text: s.selectedOptions[0]?.textContent ?? '', index: s.selectedIndex, n: s.options.length };
    });
    if (current.text.startsWith(label)) return;
    await press(page, 'ArrowDown');
  }
  throw new Error(`keyboard: could not reach option “${label}”`);
}

const TEXT: Record<string, string> = {
  'single-source': 'Islam Tekushev. One source cannot be checked and he could be biased.',
  'radical-website': 'The website wants to scare people, and it is two years old.',
  'direct-quote': 'Quotation marks show his exact words; the other sentence is a paraphrase by the writer.',
  'unclear-conclusion': 'It is unclear: there is no Tekushev says, so it reads as the writer.',
  understates: 'No evidence is given, and more than 200 is only a lower limit.',
  'youth-unemployment': 'Tekushev; approaching 90 percent is an estimate; check World Bank data.',
  dozens: 'The writer may not know the number; police statements would have it.',
  'funding-evidence': 'There are no exact figures on the money, only an impression.',
  'headline-vs-body': 'The cells are small and only weakly connected, so the headline overstates.',
  'questions-before-trusting': 'Who paid for the study? Who else confirms the foreign funding?',
};

for (const vp of [{ width: 1280, height: 720 }, { width: 390, height: 844 }]) test(`the whole exercise with the keyboard alone, focus visible at every step (${vp.width}×${vp.height})`, async ({ page }) => {
  test.setTimeout(240_000);
  keys = 0;
  checks = 0;
  failures.length = 0;
  await page.setViewportSize(vp);
  // KEYBOARD_SELFTEST=1 removes the focus ring from some controls: the gate must then fail.
  if (process.env.KEYBOARD_SELFTEST)
    await page.addInitScript(() =>
      document.addEventListener('DOMContentLoaded', () => {
        const s = document.createElement('style');
        s.textContent = '.gloss-term:focus-visible, input:focus-visible { outline: none !important; }';
        document.head.append(s);
      }),
    );
  await page.goto(READER_URL);
  await page.evaluate(() => localStorage.clear());
  await page.reload();
  await expect(page.locator('[data-question="main-source"]')).toBeVisible();
  await page.waitForLoadState('networkidle');

  // Into the page: the skip link comes first.
  const first = await press(page, 'Tab');
  expect(first.tag).toBe('a');

  // A glossary term in the article: Enter opens its definition, Escape closes it, focus stays put.
  await tabTo(page, 'a glossary term', (f) => f.tag === 'button' && /\(glossary\)$/.test(f.text));
  await press(page, 'Enter');
  await expect(page.locator('.gloss-pop:popover-open')).toBeVisible();
  await press(page, 'Escape');
  await expect(page.locator('.gloss-pop:popover-open')).toHaveCount(0);

  // Sourcing
  await chooseRadio(page, 'main-source', 0);
  await checkAnswer(page, 'main-source');
  for (let i = 0; i < 3; i++) {
    await tabTo(page, 'a checkbox in other-sources', inQ('other-sources', 'input', 'checkbox'));
    await press(page, 'Space'); // the first three: officials, radical website, Kavkaz Center
  }
  await checkAnswer(page, 'other-sources');
  for (const q of ['single-source', 'radical-website']) {
    await tabTo(page, `the answer box of ${q}`, inQ(q, 'textarea'));
    await type(page, TEXT[q]!);
    await checkAnswer(page, q);
  }

  // Attribution: the highlight question through its keyboard picker.
  const hl = 'attribution-phrase';
  await tabTo(page, 'the keyboard picker', (f) => f.question === hl && f.tag === 'summary');
  await press(page, 'Enter');
  await expect(page.locator(`[data-question="${hl}"] details[open]`)).toHaveCount(1);
  const para = await tabTo(page, 'the paragraph list', inQ(hl, 'select'));
  expect(para.text).toContain('Paragraph');
  await tabTo(page, 'the first-word list', (f) => f.question === hl && f.tag === 'select' && f.text.startsWith('First word'));
  await selectByArrows(page, '20. Tekushev');
  await tabTo(page, 'the last-word list', (f) => f.question === hl && f.tag === 'select' && f.text.startsWith('Last word'));
  await selectByArrows(page, '21. reports.');
  // Back and forth: Shift+Tab returns to the first-word list, Tab comes back.
  await tabTo(page, 'the first-word list again', (f) => f.question === hl && f.text.startsWith('First word'), { back: true, max: 3 });
  await tabTo(page, 'the last-word list again', (f) => f.question === hl && f.text.startsWith('Last word'), { max: 3 });
  await tabTo(page, '“Use these words”', (f) => f.question === hl && f.tag === 'button' && f.text === 'Use these words');
  await press(page, 'Enter');
  await expect(page.locator(`[data-question="${hl}"]`).getByText(/Your answer:/)).toContainText('Tekushev reports');
  await checkAnswer(page, hl);
  await expect(page.locator(`[data-question="${hl}"] .feedback__score`)).toContainText('1 of 1 point');

  // Sorting: one radio group per statement; Tab moves between statements.
  const sortAnswers: Record<string, number[]> = { 'who-says': [0, 1, 3, 2, 0, 0], 'figure-types': [0, 1, 1, 2, 2, 3] };
  const sort = async (q: string) => {
    for (const index of sortAnswers[q]!) await chooseRadio(page, q, index);
    await expect(page.locator(`[data-question="${q}"]`).getByText(/6 of 6 sorted/)).toBeVisible();
    await checkAnswer(page, q);
  };
  await sort('who-says');
  await chooseRadio(page, 'argues-vs-reports', 0);
  await checkAnswer(page, 'argues-vs-reports');
  for (const q of ['direct-quote', 'unclear-conclusion']) {
    await tabTo(page, `the answer box of ${q}`, inQ(q, 'textarea'));
    await type(page, TEXT[q]!);
    await checkAnswer(page, q);
  }

  // Figures
  await tabTo(page, 'the short answer box', inQ('attack-count', 'input', 'text'));
  await type(page, 'seven');
  await checkAnswer(page, 'attack-count');
  await sort('figure-types');
  for (const q of ['understates', 'youth-unemployment', 'dozens', 'funding-evidence', 'headline-vs-body', 'questions-before-trusting']) {
    await tabTo(page, `the answer box of ${q}`, inQ(q, 'textarea'));
    await type(page, TEXT[q]!);
    await checkAnswer(page, q);
  }

  const summary = page.locator('.summary');
  await expect(summary).toContainText('17 of 17 questions checked');
  await expect(page.getByRole('heading', { name: 'Your results' })).toBeVisible();

  console.log(`gate: keyboard-only exercise ${vp.width}px  questions=17/17  keys=${keys}  focus-checks=${checks}  focus-problems=${failures.length}  limit=0  ${failures.length ? 'FAIL' : 'PASS'}`);
  expect(failures, 'focus problems').toEqual([]);
});

test('a class attempt: Tab through every control, focus never hidden under the sticky save bar (390×844)', async ({ page, browser }) => {
  test.setTimeout(180_000);
  keys = 0;
  checks = 0;
  failures.length = 0;
  await teacherSignIn(page);
  await page.goto('/teacher');
  await page.getByLabel('Class name').fill('Keyboard class');
  await page.getByRole('button', { name: 'Create class' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Keyboard class');
  await page.getByRole('radio', { name: /Straight away/ }).check();
  await page.getByRole('button', { name: 'Create assignment' }).click();
  const code = (await page.locator('li.assignment-card .join-code span[aria-hidden="true"]').first().innerText()).replace(/[\s-]/g, '');
  const ctx = await browser.newContext({ viewport: { width: 390, height: 844 } });
  const join = await ctx.request.post('/api/join', { data: { code, name: 'Keyboard student' } });
  expect(join.status()).toBe(201);
  const { attemptId } = (await join.json()) as { attemptId: string };
  const student = await ctx.newPage();
  await student.goto(`/attempts/${attemptId}`);
  await expect(student.locator('[data-question="main-source"]')).toBeVisible();
  await student.waitForLoadState('networkidle');
  // Answer one question so the save bar shows its state, then walk every tab stop to the submit button.
  const f = await tabTo(student, 'the first answer', inQ('main-source', 'input', 'radio'), { max: 80 });
  expect(f.question).toBe('main-source');
  await press(student, 'Space');
  await expect(student.getByTestId('save-status')).toContainText(/Sav/);
  await tabTo(student, '“Submit my work”', (x) => x.tag === 'button' && x.text === 'Submit my work', { max: 400 });
  // And back up to the first question with Shift+Tab.
  await tabTo(student, 'the first question again', inQ('main-source', 'input', 'radio'), { max: 400, back: true });
  console.log(`gate: keyboard attempt page 390px  keys=${keys}  focus-checks=${checks}  focus-problems=${failures.length}  limit=0  ${failures.length ? 'FAIL' : 'PASS'}`);
  await ctx.close();
  expect(failures, 'focus problems').toEqual([]);
});
