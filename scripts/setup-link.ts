/**
 * `npm run teacher:setup-link` — print a new one-time setup link when the one
 * from the server console was missed. Refuses while a teacher account exists
 * (teachers invite each other from the app) unless given --force, e.g. to
 * recover when the only teacher lost their password.
 */
import { createSetupLink } from '../lib/auth/setup';
import { teacherCount } from '../lib/db/teachers';
import { closeDb } from '../lib/db/client';
import { SETUP_LINK_HOURS } from '../lib/db/invites';

async function main(): Promise<number> {
  const args = process.argv.slice(2);
  const force = args.includes('--force');
  if (args.some((a) => a !== '--force')) {
    console.error('usage: npm run teacher:setup-link [-- --force]');
    return 64;
  }
  const n = await teacherCount();
  if (n > 0 && !force) {
    console.error(
      `There ${n === 1 ? 'is already 1 teacher account' : `are already ${n} teacher accounts`}. A teacher can invite colleagues from "Invite a teacher".\n` +
        'To create another account from here anyway, run: npm run teacher:setup-link -- --force',
    );
    return 1;
  }
  const { url } = await createSetupLink();
  console.log(`One-time link to create a teacher account (valid ${SETUP_LINK_HOURS} hours):\n\n    ${url}\n`);
  return 0;
}

main()
  .then(async (code) => {
    await closeDb();
    process.exit(code);
  })
  .catch(async (e: unknown) => {
    console.error(`Could not create a setup link: ${e instanceof Error ? e.message : String(e)}`);
    await closeDb().catch(() => undefined);
    process.exit(1);
  });
