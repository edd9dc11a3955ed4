'use server';
import { redirect } from 'next/navigation';
import { clearSessionCookie, readSessionToken, TEACHER_COOKIE } from '@/lib/auth/cookies';
import { deleteSession } from '@/lib/db/sessions';

/** Sign out: the session is deleted in the database (not just the cookie), so a copied cookie stops working too. */
export async function signOutAction(): Promise<void> {
  const token = await readSessionToken(TEACHER_COOKIE);
  if (token) await deleteSession(token);
  await clearSessionCookie(TEACHER_COOKIE);
  redirect('/signin?signedout=1');
}
