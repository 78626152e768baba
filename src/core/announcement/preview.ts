import type { Context, Reply } from '../handler.js';
import type { Message } from '../message.js';
import { ANNOUNCEMENT_ACTION } from './form.js';
import { announcementMessage, whenLabel } from './render.js';
import type { Announcement, Recipient } from './types.js';

/**
 * A short fingerprint of a previewed edit's text (32-bit FNV-1a, base 36), carried by its buttons: a click on an
 * older preview's button is told apart from the edit pending now. Not a security measure: buttons are not trusted
 * for permissions, only to say which text the person saw.
 */
export function textHash(text: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i += 1) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return (hash >>> 0).toString(36);
}

/**
 * The preview of a draft: the exact message recipients will get, how many they are (DMs and channels), when it
 * goes, and the buttons that send or discard it.
 */
export function previewReply(ctx: Context, draft: Announcement, recipients: readonly Recipient[]): Reply {
  const { t, services, locale } = ctx;
  const dms = recipients.filter((r) => r.startsWith('person:')).length;
  const when = draft.at
    ? t('announcement.previewAt', { at: whenLabel(draft, services.roster.data.timezone, locale) })
    : t('announcement.previewNow');
  const shown = announcementMessage(draft, services.roster);
  return withButtons(
    t('announcement.previewTitle'),
    shown,
    [
      {
        kind: 'section',
        text: t('announcement.previewCount', {
          total: recipients.length,
          dms,
          channels: recipients.length - dms,
          audience: draft.audienceText,
          when,
        }),
      },
    ],
    [
      { label: t('announcement.confirm'), value: `send:${draft.id}`, style: 'primary' },
      { label: t('announcement.drop'), value: `drop:${draft.id}` },
    ],
  );
}

/**
 * The preview of an edit: the message as it will read, and how many copies already sent will change. Its buttons
 * carry the previewed text's {@link textHash}, so only the latest preview's Modifier applies the pending edit.
 */
export function editPreviewReply(
  ctx: Context,
  announcement: Announcement,
  text: string,
  copies: number,
): Reply {
  const { t, services } = ctx;
  const shown = announcementMessage(announcement, services.roster, text);
  return withButtons(
    t('announcement.editPreview', { copies }),
    shown,
    [],
    [
      {
        label: t('announcement.confirmEdit'),
        value: `edit:${announcement.id}:${textHash(text)}`,
        style: 'primary',
      },
      { label: t('announcement.drop'), value: `keep:${announcement.id}:${textHash(text)}` },
    ],
  );
}

function withButtons(
  title: Message['fallback'],
  shown: Message,
  after: Message['blocks'],
  buttons: { label: Message['fallback']; value: string; style?: 'primary' }[],
): Reply {
  return {
    visibility: 'ephemeral',
    message: {
      fallback: title,
      blocks: [
        { kind: 'context', text: title },
        { kind: 'divider' },
        ...shown.blocks,
        { kind: 'divider' },
        ...after,
        { kind: 'actions', buttons: buttons.map((b) => ({ actionId: ANNOUNCEMENT_ACTION, ...b })) },
      ],
    },
  };
}
