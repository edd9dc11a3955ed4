import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { currentTeacherId } from '@/lib/auth/cookies';
import { safeNextPath } from '@/lib/validations/teacher';
import { TeacherSignInForm } from '@/components/teacher-signin-form';
import { signInAction } from './actions';
import '../teacher/teacher.css';

export const metadata: Metadata = { title: 'Teacher sign in', robots: { index: false } };

export default async function SignInPage({ searchParams }: PageProps<'/signin'>) {
  const sp = await searchParams;
  const next = safeNextPath(sp.next);
  if (await currentTeacherId()) redirect(next);
  return (
    <div className="auth-page">
      <h1>Teacher sign in</h1>
      {sp.signedout === '1' && (
        <p role="status" className="note">
          You are signed out.
        </p>
      )}
      <TeacherSignInForm action={signInAction} next={next} />
      <p className="meta">
        No account? Ask a colleague who uses Close Reader for an invite link. Students do not sign in: they join with the code their teacher gives them.
      </p>
    </div>
  );
}
