import type { RequestStatus } from '../../core/bulle/store.js';
import type { MessageKey } from '../../core/i18n/index.js';
import type { Words } from '../words.js';

/** Where a bulloterie request stands, as the pages say it. */
export const STATUS_LABELS: Record<RequestStatus, MessageKey> = {
  open: 'pages.status.open',
  proposed: 'pages.status.proposed',
  accepted: 'pages.status.accepted',
  met: 'pages.status.met',
  notmet: 'pages.status.notmet',
  cancelled: 'pages.status.cancelled',
};

/** Every status in the visitor's words, translated once for a long table. */
export const statusWords = (w: Words): Record<RequestStatus, string> =>
  Object.fromEntries(Object.entries(STATUS_LABELS).map(([status, key]) => [status, w.text(key)])) as Record<
    RequestStatus,
    string
  >;
