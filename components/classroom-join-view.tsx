import Link from 'next/link';
import { ClassroomJoinForm } from './classroom-join-form';

/** The join page's content, with or without the class code filled in (the join link). */
export function ClassroomJoinView({ code }: { code?: string }) {
  return (
    <div className="classroom-page">
      <h1>Join your class</h1>
      <p>Type the class code from your teacher and your name. You do not need an email address or a password.</p>
      <ClassroomJoinForm code={code} />
      <p>
        Already started on another device? <Link href="/resume">Resume my work</Link>
      </p>
    </div>
  );
}
