'use server';
import { revalidatePath } from 'next/cache';
import { requireTeacher } from '@/lib/auth/guards';
import { createInviteLink } from '@/lib/auth/setup';
import { revokeInvite } from '@/lib/db/invites';
import { inviteIdSchema, type FormState } from '@/lib/validations/teacher';

export interface InviteState extends FormState {
  link?: string;
  expiresAt?: string;
}

/** A new single-use invite; the link is shown once (only its hash is stored). */
export async function createInviteAction(prev: InviteState): Promise<InviteState> {
  const teacherId = await requireTeacher('/teacher/invites');
  const { url, expiresAt } = await createInviteLink(teacherId);
  revalidatePath('/teacher/invites');
  return { ok: true, n: (prev.n ?? 0) + 1, link: url, expiresAt: expiresAt.toISOString(), message: 'Invite link created. Copy it now: it is shown only once.' };
}

export async function revokeInviteAction(form: FormData): Promise<void> {
  const teacherId = await requireTeacher('/teacher/invites');
  const parsed = inviteIdSchema.safeParse({ inviteId: form.get('inviteId') });
  if (parsed.success) await revokeInvite(teacherId, parsed.data.inviteId);
  revalidatePath('/teacher/invites');
}
