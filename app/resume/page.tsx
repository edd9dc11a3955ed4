import type { Metadata } from 'next';
import Link from 'next/link';
import { ClassroomResumeForm } from '@/components/classroom-resume-form';
import '../attempts/classroom.css';

export const metadata: Metadata = { title: 'Resume my work', robots: { index: false } };

export default function ResumePage() {
  return (
    <div className="classroom-page">
      <h1>Resume my work</h1>
      <p>On a new device or browser, type your class code and the resume code you wrote down when you joined.</p>
      <ClassroomResumeForm />
      <p>
        New to this assignment? <Link href="/join">Join your class</Link>
      </p>
    </div>
  );
}
