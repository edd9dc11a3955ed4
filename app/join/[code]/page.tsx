import type { Metadata } from 'next';
import { ClassroomJoinView } from '@/components/classroom-join-view';
import '../../attempts/classroom.css';

export const metadata: Metadata = { title: 'Join your class', robots: { index: false } };

/** The join link a teacher shares: the class code is filled in. */
export default async function JoinWithCodePage({ params }: PageProps<'/join/[code]'>) {
  const { code } = await params;
  let decoded = code;
  try {
    decoded = decodeURIComponent(code);
  } catch {
    /* a malformed link: show it as typed */
  }
  return <ClassroomJoinView code={decoded.slice(0, 20)} />;
}
