import type { RequestStatus } from '../../core/bulle/store.js';
import type { MessageKey } from '../../core/i18n/index.js';
import type { Words } from '../words.js';

/** Where a bulloterie request stands: the chat's words (`/bulle mes`), so the pages and the chat agree. */
export const STATUS_LABELS: Record<RequestStatus, MessageKey> = {
  open: 'bulle.status.open',
  proposed: 'bulle.status.proposed',
  accepted: 'bulle.status.accepted',
  met: 'bulle.status.met',
  notmet: 'bulle.status.notmet',
  cancelled: 'bulle.status.cancelled',
};

/** Every status in the visitor's words, translated once for a long table. */
export const statusWords = (w: Words): Record<RequestStatus, string> =>
  Object.fromEntries(Object.entries(STATUS_LABELS).map(([status, key]) => [status, w.text(key)])) as Record<
    RequestStatus,
    string
  >;
