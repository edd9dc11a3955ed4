import type { Metadata } from 'next';
import Link from 'next/link';
import { redirect } from 'next/navigation';
import { requireTeacher } from '@/lib/auth/guards';
import { getTeacher } from '@/lib/db/teachers';
import { signOutAction } from '../signout/actions';
import './teacher.css';

export const metadata: Metadata = { title: { default: 'Classes', template: '%s · Close Reader' }, robots: { index: false } };

/** The teacher area: who is signed in, the teacher navigation, sign out. Pages and actions check the session again themselves. */
export default async function TeacherLayout({ children }: { children: React.ReactNode }) {
  const teacherId = await requireTeacher('/teacher');
  const teacher = await getTeacher(teacherId);
  if (!teacher) redirect('/signin');
  return (
    <div className="teacher-area">
      <div className="teacher-bar">
        <nav aria-label="Teacher" className="teacher-bar__nav">
          <ul>
            <li>
              <Link href="/teacher">Classes</Link>
            </li>
            <li>
              <Link href="/teacher/invites">Invite a teacher</Link>
            </li>
          </ul>
        </nav>
        <div className="teacher-bar__who">
          <span>
            Signed in as <strong>{teacher.name}</strong>
          </span>
          <form action={signOutAction}>
            <button type="submit" className="btn btn--ghost btn--small">
              Sign out
            </button>
          </form>
        </div>
      </div>
      {children}
    </div>
  );
}
