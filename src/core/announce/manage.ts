import { UserError } from '../errors.js';
import type { Context, Reply } from '../handler.js';
import { textMessage } from '../message.js';
import type { Services } from '../ports.js';
import { announcementMessage, targetOf, whenLabel } from './render.js';
import { type Announcement, copyKey, type Recipient, sendJobId } from './types.js';

/** The job that sends an announcement, and the one that reports its progress. */
export const SEND_JOB = 'announce-send';
export const PROGRESS_JOB = 'announce-progress';

/** An announcement by the id people type, or a UserError saying how to find the ids. */
export async function findAnnouncement(services: Services, id: string, verb: string): Promise<Announcement> {
  if (!id.trim()) throw new UserError('announce.missingId', { verb });
  const found = await services.announcements.get(id.trim().toLowerCase());
  if (!found || found.state === 'draft') throw new UserError('announce.notFound', { id: id.trim() });
  return found;
}

const reply = (message: ReturnType<Context['t']>): Reply => ({
  visibility: 'ephemeral',
  replace: true,
  message: textMessage(message),
});

/** Confirms a draft: schedules its sending job (deterministic id: a second click schedules nothing more). */
export async function confirmAnnouncement(ctx: Context, id: string): Promise<Reply> {
  const { services, t, locale } = ctx;
  const draft = await services.announcements.get(id);
  if (!draft) throw new UserError('announce.notFound', { id });
  if (draft.state === 'draft') await services.announcements.save({ ...draft, state: 'scheduled' });
  const at = draft.at ? new Date(draft.at) : undefined;
  await services.schedules.once(SEND_JOB, sendJobId(id), at ?? services.clock.now(), { id });
  if (!at) return reply(t('announce.sending', { id }));
  return reply(t('announce.scheduled', { id, at: whenLabel(draft, services.roster.data.timezone, locale) }));
}

/** Cancels a scheduled announcement, or stops one being sent: what has not left yet is withdrawn. */
export async function cancelAnnouncement(ctx: Context, announcement: Announcement): Promise<Reply> {
  const { services, t } = ctx;
  const { id, state } = announcement;
  if (state !== 'scheduled' && state !== 'sending') {
    throw new UserError('announce.cannotCancel', { id, state: t(`announce.state.${state}`) });
  }
  await services.announcements.save({ ...announcement, state: 'cancelled' });
  await services.schedules.cancelOnce(sendJobId(id));
  const recipients = await services.announcements.recipients(id);
  const withdrawn = await services.outbox.cancel(recipients.map((r) => copyKey(id, r)));
  return { visibility: 'ephemeral', message: textMessage(t('announce.cancelled', { id, withdrawn })) };
}

/** The copies an edit changes: those sent, and those still on their way while the sending goes on. */
export async function copiesToEdit(services: Services, announcement: Announcement): Promise<Recipient[]> {
  const recipients = await services.announcements.recipients(announcement.id);
  const statuses = await services.outbox.statuses(recipients.map((r) => copyKey(announcement.id, r)));
  return recipients.filter((_, i) => {
    const state = statuses[i]?.state;
    return state === 'sent' || (state === 'pending' && announcement.state === 'sending');
  });
}

/** Applies a previewed edit: the new text for what is still to send, and an update of every copy out there. */
export async function confirmEdit(ctx: Context, id: string): Promise<Reply> {
  const { services, t } = ctx;
  const announcement = await findAnnouncement(services, id, 'modifier');
  if (announcement.pendingText === undefined) return reply(t('announce.editDropped'));
  const edited: Announcement = {
    ...announcement,
    text: announcement.pendingText,
    version: announcement.version + 1,
    pendingText: undefined,
  };
  await services.announcements.save(edited);
  const copies = await copiesToEdit(services, edited);
  const message = announcementMessage(edited, services.roster);
  for (const recipient of copies) {
    await services.outbox.update({
      key: copyKey(id, recipient),
      to: targetOf(recipient),
      message,
      version: edited.version,
    });
  }
  return reply(t('announce.edited', { id, copies: copies.length }));
}

/** Drops a draft or a previewed edit. */
export async function dropAnnouncement(ctx: Context, id: string, edit: boolean): Promise<Reply> {
  const { services, t } = ctx;
  const found = await services.announcements.get(id);
  // A dropped draft is simply never confirmed: drafts are not listed and expire with the rest.
  if (found && edit) await services.announcements.save({ ...found, pendingText: undefined });
  return reply(t(edit ? 'announce.editDropped' : 'announce.dropped'));
}
