import { UserError } from '../errors.js';
import { type Context, ephemeral, type Reply } from '../handler.js';
import type { Services } from '../ports.js';
import { textHash } from './preview.js';
import { announcementMessage, targetOf, whenLabel } from './render.js';
import { type Announcement, copyKey, type Recipient, sendJobId } from './types.js';

/** The job that sends an announcement, and the one that reports its progress (names stored by BullMQ: kept as is). */
export const SEND_JOB = 'announce-send';
export const PROGRESS_JOB = 'announce-progress';

/** An announcement by the id people type, or a UserError saying how to find the ids. */
export async function findAnnouncement(services: Services, id: string, verb: string): Promise<Announcement> {
  if (!id.trim()) throw new UserError('announcement.missingId', { verb });
  const found = await services.announcements.get(id.trim().toLowerCase());
  if (!found || found.state === 'draft') throw new UserError('announcement.notFound', { id: id.trim() });
  return found;
}

const reply = (message: ReturnType<Context['t']>): Reply => ({ ...ephemeral(message), replace: true });

/**
 * Confirms a draft: schedules its sending job (deterministic id: a second click schedules nothing more). A draft whose
 * date passed while its preview waited goes now, and the answer says so. An announcement already confirmed is left
 * as it is and the answer says where it stands.
 */
export async function confirmAnnouncement(ctx: Context, id: string): Promise<Reply> {
  const { services, t, locale } = ctx;
  const found = await services.announcements.get(id);
  if (!found) throw new UserError('announcement.notFound', { id });
  const timezone = services.roster.data.timezone;
  const now = services.clock.now();
  const planned = found.at ? new Date(found.at) : undefined;
  const late = planned !== undefined && planned.getTime() <= now.getTime();
  const at = late ? now : (planned ?? now);
  if (found.state !== 'draft') {
    // Scheduled but its job lost (a failure between the save and the scheduling): scheduling again is harmless.
    if (found.state === 'scheduled') await services.schedules.once(SEND_JOB, sendJobId(id), at, { id });
    return reply(t('announcement.notDraft', { id, state: t(`announcement.state.${found.state}`) }));
  }
  // A date gone by becomes now, so the list shows when it really went.
  await services.announcements.save({
    ...found,
    state: 'scheduled',
    ...(late ? { at: now.toISOString() } : {}),
  });
  await services.schedules.once(SEND_JOB, sendJobId(id), at, { id });
  if (late) return reply(t('announcement.sendingLate', { id, at: whenLabel(found, timezone, locale) }));
  if (!planned) return reply(t('announcement.sending', { id }));
  return reply(t('announcement.scheduled', { id, at: whenLabel(found, timezone, locale) }));
}

/** Cancels a scheduled announcement, or stops one being sent: what has not left yet is withdrawn. */
export async function cancelAnnouncement(ctx: Context, announcement: Announcement): Promise<Reply> {
  const { services, t } = ctx;
  const { id, state } = announcement;
  if (state !== 'scheduled' && state !== 'sending') {
    throw new UserError('announcement.cannotCancel', { id, state: t(`announcement.state.${state}`) });
  }
  await services.announcements.save({ ...announcement, state: 'cancelled' });
  await services.schedules.cancelOnce(sendJobId(id));
  const recipients = await services.announcements.recipients(id);
  const withdrawn = await services.outbox.cancel(recipients.map((r) => copyKey(id, r)));
  return ephemeral(t('announcement.cancelled', { id, withdrawn }));
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

/**
 * Applies a previewed edit: the new text for what is still to send, and an update of every copy out there. `hash`
 * (the {@link textHash} of the text the clicked preview showed) must match the pending edit: the button of an older
 * preview applies nothing. Buttons without one (older releases) apply whatever is pending.
 */
export async function confirmEdit(ctx: Context, id: string, hash = ''): Promise<Reply> {
  const { services, t } = ctx;
  const announcement = await findAnnouncement(services, id, 'modifier');
  const { pendingText } = announcement;
  if (pendingText === undefined || (hash !== '' && hash !== textHash(pendingText))) {
    // A second click on the same button, once its edit was applied.
    if (hash !== '' && hash === textHash(announcement.text))
      return reply(t('announcement.editApplied', { id }));
    return reply(
      t(pendingText === undefined ? 'announcement.editDropped' : 'announcement.editSuperseded', { id }),
    );
  }
  const edited: Announcement = {
    ...announcement,
    text: pendingText,
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
  return reply(t('announcement.edited', { id, copies: copies.length }));
}

/**
 * Discards a draft (`drop`) or a previewed edit (`keep`). Only a draft can be discarded: once confirmed, the answer
 * says where it stands and how to cancel it. An older edit preview's button (its `hash` is not the pending edit's)
 * leaves the newer pending edit alone.
 */
export async function dropAnnouncement(ctx: Context, id: string, edit: boolean, hash = ''): Promise<Reply> {
  const { services, t } = ctx;
  const found = await services.announcements.get(id);
  if (edit) {
    const pending = found?.pendingText;
    if (found && pending !== undefined && (hash === '' || hash === textHash(pending)))
      await services.announcements.save({ ...found, pendingText: undefined });
    return reply(t('announcement.editDropped'));
  }
  // A dropped draft is simply never confirmed: drafts are not listed and expire with the rest.
  if (!found || found.state === 'draft') return reply(t('announcement.dropped'));
  const state = t(`announcement.state.${found.state}`);
  if (found.state === 'scheduled' || found.state === 'sending')
    return reply(t('announcement.dropTooLate', { id, state }));
  return reply(t('announcement.notDraft', { id, state }));
}
