import type { Metadata } from 'next';
import { ClassroomJoinView } from '@/components/classroom-join-view';
import '../attempts/classroom.css';

export const metadata: Metadata = { title: 'Join your class', robots: { index: false } };

export default function JoinPage() {
  return <ClassroomJoinView />;
}
