import type { Metadata } from 'next';
import { requireTeacher } from '@/lib/auth/guards';
import { INVITE_LINK_DAYS, listOpenInvites } from '@/lib/db/invites';
import { LocalTime } from '@/components/class-local-time';
import { TeacherInviteForm } from '@/components/teacher-invite-form';
import { createInviteAction, revokeInviteAction } from './actions';

export const metadata: Metadata = { title: 'Invite a teacher' };

export default async function InvitesPage() {
  const teacherId = await requireTeacher('/teacher/invites');
  const open = await listOpenInvites(teacherId);
  return (
    <>
      <h1>Invite a teacher</h1>
      <p>
        An invite link lets one colleague create their own teacher account. It works once and expires after {INVITE_LINK_DAYS} days. Send it privately: anyone with the
        link can use it. Colleagues see only their own classes, never yours.
      </p>
      <TeacherInviteForm action={createInviteAction} />
      <section aria-labelledby="open-invites">
        <h2 id="open-invites">Unused invites</h2>
        {open.length === 0 ? (
          <p>None. Invites you create appear here until they are used, revoked or expire.</p>
        ) : (
          <table className="teacher-table">
            <caption className="visually-hidden">Unused invites</caption>
            <thead>
              <tr>
                <th scope="col">Created</th>
                <th scope="col">Expires</th>
                <th scope="col">
                  <span className="visually-hidden">Action</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {open.map((inv) => (
                <tr key={inv.id}>
                  <td>
                    <LocalTime iso={inv.createdAt.toISOString()} />
                  </td>
                  <td>
                    <LocalTime iso={inv.expiresAt.toISOString()} />
                  </td>
                  <td>
                    <form action={revokeInviteAction}>
                      <input type="hidden" name="inviteId" value={inv.id} />
                      <button type="submit" className="btn btn--ghost btn--small">
                        Revoke<span className="visually-hidden"> the invite created {inv.createdAt.toISOString().slice(0, 16).replace('T', ' ')} UTC</span>
                      </button>
                    </form>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
    </>
  );
}
