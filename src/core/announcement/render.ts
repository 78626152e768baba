import type { Locale, Translate } from '../i18n/index.js';
import { translate } from '../i18n/index.js';
import type { Message, Rich } from '../message.js';
import { type Target, UNCONFIRMED } from '../ports.js';
import type { Roster } from '../roster/roster.js';
import { formatDateTime } from '../time/format.js';
import { markdownMessage } from './markdown.js';
import type { Announcement, Recipient } from './types.js';

/**
 * The announcement as every recipient gets it, in the community's language: the author's Markdown, then who sent it.
 * `text` replaces the stored text (a previewed edit).
 */
export function announcementMessage(
  announcement: Announcement,
  roster: Roster,
  text = announcement.text,
): Message {
  const name = roster.person(announcement.author, [], new Date(announcement.createdAt)).name;
  return markdownMessage(text, translate(roster.data.locale, 'announcement.footer', { name }));
}

/** Where one recipient's copy goes. */
export function targetOf(recipient: Recipient): Target {
  return recipient.startsWith('person:')
    ? { kind: 'person', email: recipient.slice('person:'.length) }
    : { kind: 'channel', channel: recipient.slice('channel:'.length) };
}

/** A recipient as people read it: an e-mail, or a channel. */
export const recipientLabel = (recipient: Recipient): string => recipient.replace(/^(person|channel):/, '');

/** The start of an announcement's text on one line, `length` characters at most (then « … »). */
export function excerptOf(announcement: Announcement, length: number): string {
  const flat = announcement.text.replace(/\s+/g, ' ');
  return flat.length > length ? `${flat.slice(0, length)}…` : flat;
}

/** When an announcement goes or went, as people read it; `now` when it has no date. */
export function whenLabel(announcement: Announcement, timezone: string, locale: Locale): string {
  return formatDateTime(new Date(announcement.at ?? announcement.createdAt), timezone, locale);
}

const REASONS = new Set([
  'user_not_found',
  'user_disabled',
  'account_inactive',
  'channel_not_found',
  'not_in_channel',
  'is_archived',
]);

/**
 * Why a copy failed, in words: the platform's refusals people can act on, the raw reason otherwise. A copy the
 * platform never confirmed says it may have arrived, so that nobody sends it again blindly.
 */
export function reasonLabel(reason: string, t: Translate): Rich {
  if (reason.startsWith(UNCONFIRMED))
    return t('announcement.reason.unconfirmed', { reason: reasonLabel(reason.slice(UNCONFIRMED.length), t) });
  const key = REASONS.has(reason) ? reason : 'other';
  return t(`announcement.reason.${key}` as Parameters<Translate>[0], { reason });
}
