import type { Metadata } from 'next';
import Link from 'next/link';
import { inviteUsable } from '@/lib/db/invites';
import { TeacherAccountForm } from '@/components/teacher-account-form';
import { inviteAccountAction } from '../../setup/actions';
import '../../teacher/teacher.css';

export const metadata: Metadata = { title: 'Create your teacher account', robots: { index: false } };

export default async function InvitePage({ params }: PageProps<'/invite/[token]'>) {
  const { token } = await params;
  if (!(await inviteUsable(token, 'invite'))) {
    return (
      <div className="auth-page">
        <h1>This invite link cannot be used</h1>
        <p>It has already been used, it was revoked, it has expired (invites work for 7 days), or it was copied incompletely.</p>
        <p>Ask the colleague who invited you for a new link. If you already have an account, <Link href="/signin">sign in</Link>.</p>
      </div>
    );
  }
  return (
    <div className="auth-page">
      <h1>Create your teacher account</h1>
      <p>A colleague invited you to Close Reader. This link works once. Your classes are yours alone: other teachers do not see them.</p>
      <TeacherAccountForm action={inviteAccountAction.bind(null, token)} submitLabel="Create account" />
    </div>
  );
}
