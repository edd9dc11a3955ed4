import type { Metadata } from 'next';
import Link from 'next/link';
import { inviteUsable } from '@/lib/db/invites';
import { TeacherAccountForm } from '@/components/teacher-account-form';
import { setupAccountAction } from '../actions';
import '../../teacher/teacher.css';

export const metadata: Metadata = { title: 'Create a teacher account', robots: { index: false } };

export default async function SetupPage({ params }: PageProps<'/setup/[token]'>) {
  const { token } = await params;
  if (!(await inviteUsable(token, 'setup'))) {
    return (
      <div className="auth-page">
        <h1>This setup link cannot be used</h1>
        <p>It has already been used, it has expired (setup links work for 24 hours), or it was copied incompletely.</p>
        <ul>
          <li>
            If a teacher account already exists, <Link href="/signin">sign in</Link>. Other teachers join with an invite link from a colleague.
          </li>
          <li>
            If there is no teacher account yet, a new setup link appears in the server console the next time the server starts. Someone with access to the server can
            also print one now with <code>npm run teacher:setup-link</code>.
          </li>
        </ul>
      </div>
    );
  }
  return (
    <div className="auth-page">
      <h1>Create your teacher account</h1>
      <p>This one-time link creates a teacher account for this Close Reader. Once you are in, you can invite colleagues from “Invite a teacher”.</p>
      <TeacherAccountForm action={setupAccountAction.bind(null, token)} submitLabel="Create account" />
    </div>
  );
}
