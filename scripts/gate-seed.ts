/**
 * Test data for the page-speed gate (scripts/gate-lighthouse.mjs): in DATA_DIR
 * (the embedded database; run before the server opens the folder) creates a
 * teacher with a session, a class and an assignment of the Kazakhstan
 * exercise. Prints one JSON line: the assignment id, its join code, the
 * teacher's session cookie ("cr_teacher=…") and every question (id, kind,
 * options, items, categories, paragraphs) plus the article's paragraphs, so
 * the gate can have students join and answer through the app's own API.
 *
 *   tsx --conditions=react-server scripts/gate-seed.ts DATA_DIR
 */
import { randomUUID } from 'node:crypto';

const EXERCISE_ID = 'kazakhstan-jihadist-movement';

async function main() {
  const dataDir = process.argv[2];
  if (!dataDir) throw new Error('usage: gate-seed.ts DATA_DIR');
  process.env.DATA_DIR = dataDir;
  delete process.env.DATABASE_URL;
  const [{ getDb, closeDb }, schema, { newCode }, { createSession }, { TEACHER_COOKIE }, { getExercise }] = await Promise.all([
    import('../lib/db/client'),
    import('../lib/db/schema'),
    import('../lib/auth/tokens'),
    import('../lib/db/sessions'),
    import('../lib/auth/cookies'),
    import('../lib/content/load'),
  ]);
  const loaded = getExercise(EXERCISE_ID);
  if (!loaded) throw new Error(`no exercise ${EXERCISE_ID}`);
  const db = await getDb();
  const [teacher] = await db
    .insert(schema.teachers)
    .values({ email: `gate-${randomUUID()}@example.test`, name: 'Ms Lighthouse', passwordHash: 'not-a-login' })
    .returning();
  const [klass] = await db.insert(schema.classes).values({ teacherId: teacher!.id, name: 'Year 10 English (10B)' }).returning();
  const [assignment] = await db
    .insert(schema.assignments)
    .values({ classId: klass!.id, exerciseId: EXERCISE_ID, title: 'Who says so? Terrorism in Kazakhstan', joinCode: newCode(8), feedbackMode: 'after-submit' })
    .returning();
  const session = await createSession({ kind: 'teacher', teacherId: teacher!.id });
  await closeDb();

  const questions = loaded.exercise.sections.flatMap((s) =>
    s.questions.map((q) => ({
      id: q.id,
      kind: q.kind,
      paragraphs: [...q.paragraphs],
      ...(q.kind === 'choice' ? { options: q.options.map((o) => o.id), multiple: !!q.multiple } : {}),
      ...(q.kind === 'classify' ? { items: q.items.map((i) => i.id), categories: q.categories.map((c) => c.id) } : {}),
    })),
  );
  console.log(
    JSON.stringify({
      assignmentId: assignment!.id,
      classId: klass!.id,
      joinCode: assignment!.joinCode,
      cookie: `${TEACHER_COOKIE}=${session.token}`,
      questions,
      paragraphs: loaded.article.paragraphs,
    }),
  );
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
