import 'server-only';
/** Teacher accounts. Emails are stored trimmed and lower-case (the validation schema does that). */
import { count, eq } from 'drizzle-orm';
import { getDb, type Db } from './client';
import { teachers } from './schema';

export interface Teacher {
  id: string;
  name: string;
  email: string;
}

type Executor = Pick<Db, 'select' | 'insert'>;

export async function teacherCount(): Promise<number> {
  const db = await getDb();
  const [row] = await db.select({ n: count() }).from(teachers);
  return Number(row?.n ?? 0);
}

export async function getTeacher(id: string): Promise<Teacher | null> {
  const db = await getDb();
  const [row] = await db.select({ id: teachers.id, name: teachers.name, email: teachers.email }).from(teachers).where(eq(teachers.id, id)).limit(1);
  return row ?? null;
}

/** The account for sign-in, with its password hash. */
export async function findTeacherByEmail(email: string): Promise<(Teacher & { passwordHash: string }) | null> {
  const db = await getDb();
  const [row] = await db
    .select({ id: teachers.id, name: teachers.name, email: teachers.email, passwordHash: teachers.passwordHash })
    .from(teachers)
    .where(eq(teachers.email, email.trim().toLowerCase()))
    .limit(1);
  return row ?? null;
}

/** Insert a teacher (inside the caller's transaction when given). Throws a unique violation when the email is taken. */
export async function insertTeacher(values: { name: string; email: string; passwordHash: string }, tx?: Executor): Promise<Teacher> {
  const db = tx ?? (await getDb());
  const [row] = await db
    .insert(teachers)
    .values({ name: values.name, email: values.email.trim().toLowerCase(), passwordHash: values.passwordHash })
    .returning({ id: teachers.id, name: teachers.name, email: teachers.email });
  if (!row) throw new Error('insert returned no row');
  return row;
}
