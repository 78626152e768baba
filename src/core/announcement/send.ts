import { UserError } from '../errors.js';
import { type Translate, translate } from '../i18n/index.js';
import { joinLines, textMessage } from '../message.js';
import { can } from '../permissions.js';
import type { Services } from '../ports.js';
import { resolveAudience } from './audience.js';
import { PROGRESS_JOB } from './manage.js';
import { announcementMessage, reasonLabel, recipientLabel, targetOf } from './render.js';
import { type Announcement, copyKey, progressKey, type Recipient } from './types.js';

/** The author's status message is brought up to date at most this often while copies go out… */
const PROGRESS_EVERY_MS = 3000;
/**
 * …and no more often than the time the outbox takes to make this many posts. Each edit of the status message
 * spends one of the account's calls, taken from the copies: at 8 posts per second, 3 s is 24 posts and the edits
 * cost little; at one call per second, an edit every 3 s took one call in three (a 300-DM announcement lasted
 * 1.45 × the time of its copies alone). Spaced by ten posts' time, the edits take at most one call in ten.
 */
const PROGRESS_EVERY_POSTS = 10;

/** How long between two progress reports, for an outbox making `postsPerSecond` (3 s at 8/s, 10 s at 1/s). */
const progressEveryMs = (postsPerSecond: number) =>
  Math.max(PROGRESS_EVERY_MS, Math.ceil((PROGRESS_EVERY_POSTS * 1000) / postsPerSecond));
/** Failures named in the final report; beyond, a count. */
const REPORTED_FAILURES = 40;
/**
 * Copies queued together, in one round trip to the queue; between two batches, the fan-out looks whether the
 * announcement was cancelled meanwhile. A fan-out resumed after a crash queues all its copies again (those already
 * queued or sent are recognised by their key and left as they are): 1,000 copies are two batches, not 1,000 calls.
 */
const FANOUT_BATCH = 500;

/**
 * The next progress report, {@link progressEveryMs} from now at the outbox's pace (one job id per round: a re-run
 * schedules it once).
 */
const scheduleProgress = (services: Services, id: string, round: number, closing: boolean) =>
  services.schedules.once(
    PROGRESS_JOB,
    `announce-progress:${id}:${round}`,
    new Date(services.clock.now().getTime() + progressEveryMs(services.outbox.postsPerSecond)),
    { id, round, closing },
  );

const author = (a: Announcement) => ({ kind: 'person' as const, email: a.author });

/**
 * Sends an announcement: re-checks that its author may (a job can run long after the click), resolves its audience
 * once (a re-run sends to the same list), then queues one copy per recipient with a deterministic key, in batches, and
 * starts the progress reports. Idempotent: running it twice sends nothing twice.
 */
export async function sendAnnouncement(services: Services, id: string): Promise<string> {
  const { announcements, outbox, roster, clock } = services;
  const found = await announcements.get(id);
  if (!found || found.state === 'draft' || found.state === 'cancelled' || found.state === 'sent')
    return `announcement ${id}: nothing to send`;
  const t: Translate = (key, params) => translate(roster.data.locale, key, params);
  const now = clock.now();
  const person = roster.person(found.author, await services.people.grants(found.author), now);
  if (!can(person, 'announcement.send')) {
    await announcements.save({ ...found, state: 'cancelled' });
    await outbox.send({
      key: progressKey(id),
      to: author(found),
      message: textMessage(t('announcement.refused', { id, email: found.author })),
    });
    return `announcement ${id} refused: its author is no longer a coordinator`;
  }
  let recipients = await announcements.recipients(id);
  if (recipients.length === 0) {
    try {
      recipients = resolveAudience(found.audience, found.mode, roster, now, await services.people.granted());
    } catch (error) {
      if (!(error instanceof UserError)) throw error;
    }
    await announcements.setRecipients(id, recipients);
  }
  const sending: Announcement = { ...found, state: 'sending' };
  await announcements.save(sending);
  await outbox.send({
    key: progressKey(id),
    to: author(found),
    message: progressMessage(sending, 0, recipients.length, 0, t),
  });
  const message = announcementMessage(sending, roster);
  for (let start = 0; start < recipients.length; start += FANOUT_BATCH) {
    if ((await announcements.get(id))?.state === 'cancelled') break;
    const batch = recipients.slice(start, start + FANOUT_BATCH);
    await outbox.sendMany(
      batch.map((recipient) => ({
        key: copyKey(id, recipient),
        to: targetOf(recipient),
        message,
        bulk: true,
      })),
    );
  }
  await scheduleProgress(services, id, 1, false);
  return `announcement ${id}: ${recipients.length} copies queued`;
}

function progressMessage(a: Announcement, sent: number, total: number, failed: number, t: Translate) {
  return textMessage(t('announcement.progress', { id: a.id, sent, total, failed }));
}

/**
 * Brings the author's status message up to date ("Envoyée à 120 / 312 — 2 échecs"); once every copy is sent or
 * failed (or the sending was cancelled), replaces it with the final report naming each failure and its reason.
 * Otherwise runs again in a few seconds ({@link progressEveryMs}).
 */
export async function reportProgress(
  services: Services,
  id: string,
  round: number,
  closing = false,
): Promise<string> {
  const { announcements, outbox, roster } = services;
  const found = await announcements.get(id);
  if (!found) return `announcement ${id}: gone`;
  const t: Translate = (key, params) => translate(roster.data.locale, key, params);
  const recipients = await announcements.recipients(id);
  const statuses = await outbox.statuses(recipients.map((r) => copyKey(id, r)));
  const failures: { recipient: Recipient; reason: string }[] = [];
  let sent = 0;
  statuses.forEach((status, i) => {
    const recipient = recipients[i];
    if (status.state === 'sent') sent += 1;
    if (status.state === 'failed' && recipient) failures.push({ recipient, reason: status.reason });
  });
  const total = recipients.length;
  const cancelled = found.state === 'cancelled';
  // Once cancelled, one more round: copies that were already on their way are counted in the report.
  const finished = (cancelled && closing) || (!cancelled && sent + failures.length >= total);
  const update = (message: ReturnType<typeof textMessage>) =>
    outbox.update({ key: progressKey(id), to: author(found), message, version: round });
  if (!finished) {
    await update(progressMessage(found, sent, total, failures.length, t));
    await scheduleProgress(services, id, round + 1, cancelled);
    return `announcement ${id}: ${sent} / ${total}`;
  }
  const summary = t(cancelled ? 'announcement.doneCancelled' : 'announcement.done', {
    id,
    sent,
    total,
    failed: failures.length,
  });
  const lines = failures
    .slice(0, REPORTED_FAILURES)
    .map((f) =>
      t('announcement.failure', { recipient: recipientLabel(f.recipient), reason: reasonLabel(f.reason, t) }),
    );
  await update({
    fallback: summary,
    blocks: [
      { kind: 'section', text: summary },
      ...(lines.length ? [{ kind: 'section' as const, text: joinLines(lines) }] : []),
    ],
  });
  if (!cancelled) await announcements.save({ ...found, state: 'sent' });
  return `announcement ${id} done: ${sent} / ${total}, ${failures.length} failed`;
}
