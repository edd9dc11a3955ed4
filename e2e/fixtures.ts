/**
 * Shared helpers for the browser specs: the axe-core scan (WCAG 2.2 AA tags)
 * and a teacher session that works whichever spec runs first. The first spec
 * that needs a teacher creates the account through the one-time setup link
 * prepared by scripts/e2e.mjs (E2E_STATE) and records that in the state file;
 * later specs sign in with the same credentials.
 */
import { expect, type Page } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import fs from 'node:fs';

export const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'];
export const TEACHER = { name: 'Ms Rivera', email: 'rivera@school.test', password: 'correct horse battery' };
export const READER_URL = '/articles/eurasia-daily-monitor-kazakhstan';

interface E2EState {
  setupToken: string;
  teacherCreated?: boolean;
}

function stateFile(): string {
  const file = process.env.E2E_STATE;
  if (!file || !fs.existsSync(file)) throw new Error('run through `npm run test:e2e` (scripts/e2e.mjs), which prepares the setup link');
  return file;
}

export function readState(): E2EState {
  return JSON.parse(fs.readFileSync(stateFile(), 'utf8')) as E2EState;
}

export function setupToken(): string {
  return readState().setupToken;
}

/** One line per violation: rule id, node count, first target — readable in a failure message. */
export async function axeViolations(page: Page, label: string): Promise<string[]> {
  // After a server action redirects, the client router swaps in the new page's <head>
  // a moment after its body: scan the page once it has settled, not mid-navigation.
  await page.waitForLoadState('load');
  await page.waitForFunction(() => document.title.trim().length > 0, undefined, { timeout: 10_000 }).catch(() => undefined);
  const results = await new AxeBuilder({ page }).withTags(AXE_TAGS).analyze();
  return results.violations.map((x) => `${label}: ${x.id} [${x.impact}] (${x.nodes.length}) ${x.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(' | ')} — ${x.help}`);
}

/**
 * Signs `page` in as the shared e2e teacher. Creates the account through the
 * setup link if no spec has done so yet (returns 'setup'), else signs in
 * (returns 'signin'). `onPage` runs on the setup or sign-in page before the
 * form is filled (e.g. an axe scan).
 */
export async function teacherSignIn(page: Page, onPage?: (label: 'setup' | 'sign in') => Promise<void>): Promise<'setup' | 'signin'> {
  const state = readState();
  if (!state.teacherCreated) {
    await page.goto(`/setup/${state.setupToken}`);
    if ((await page.getByLabel('Your name').count()) > 0) {
      await onPage?.('setup');
      await page.getByLabel('Your name').fill(TEACHER.name);
      await page.getByLabel('Email').fill(TEACHER.email);
      await page.getByLabel('Password', { exact: true }).fill(TEACHER.password);
      await page.getByLabel('Password again').fill(TEACHER.password);
      await page.getByRole('button', { name: 'Create account' }).click();
      await expect(page).toHaveURL(/\/teacher$/);
      fs.writeFileSync(stateFile(), JSON.stringify({ ...readState(), teacherCreated: true }));
      return 'setup';
    }
    // The link was used already (e.g. a retried spec): the account exists.
    fs.writeFileSync(stateFile(), JSON.stringify({ ...readState(), teacherCreated: true }));
  }
  await page.goto('/signin');
  await onPage?.('sign in');
  await page.getByLabel('Email').fill(TEACHER.email);
  await page.getByLabel('Password').fill(TEACHER.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page).toHaveURL(/\/teacher/);
  return 'signin';
}
