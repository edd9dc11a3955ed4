/**
 * Test data for the hostile-input and database-fault gates: a teacher (with a
 * signed-in session), a class and an assignment of the shipped exercise with
 * feedback while working ("immediate", so the Check route answers), written
 * straight into the database — the embedded one in DATA_DIR (run it BEFORE
 * the server opens the folder) or the PostgreSQL server in DATABASE_URL.
 * Prints one JSON line: {teacherCookie, classId, assignmentId, joinCode}.
 *
 *   DATA_DIR=/tmp/x npx tsx --conditions=react-server scripts/seed-gate.ts
 */
import { randomUUID } from 'node:crypto';
import { getDb, closeDb } from '../lib/db/client';
import * as schema from '../lib/db/schema';
import { newCode } from '../lib/auth/tokens';
import { createSession } from '../lib/db/sessions';
import { TEACHER_COOKIE } from '../lib/auth/cookies';

const EXERCISE_ID = 'kazakhstan-jihadist-movement';

async function main(): Promise<void> {
  const db = await getDb();
  const [teacher] = await db.insert(schema.teachers).values({ email: `gate-${randomUUID()}@example.test`, name: 'Gate Teacher', passwordHash: 'not-a-login' }).returning();
  const [klass] = await db.insert(schema.classes).values({ teacherId: teacher!.id, name: 'Gate class' }).returning();
  const joinCode = newCode(8);
  const [assignment] = await db
    .insert(schema.assignments)
    .values({ classId: klass!.id, exerciseId: EXERCISE_ID, title: 'Gate assignment', joinCode, feedbackMode: 'immediate' })
    .returning();
  const { token } = await createSession({ kind: 'teacher', teacherId: teacher!.id });
  await closeDb();
  console.log(JSON.stringify({ teacherCookie: `${TEACHER_COOKIE}=${token}`, classId: klass!.id, assignmentId: assignment!.id, joinCode }));
}

main().catch(async (e: unknown) => {
  console.error(e);
  await closeDb().catch(() => undefined);
  process.exit(1);
});
