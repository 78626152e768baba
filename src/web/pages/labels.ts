import type { RequestStatus } from '../../core/bulle/store.js';

/** Where a bulloterie request stands, as the pages say it. */
export const STATUS_LABELS: Record<RequestStatus, string> = {
  open: 'on cherche quelqu’un',
  proposed: 'proposée à quelqu’un',
  accepted: 'acceptée',
  met: 'échange fait',
  notmet: 'pas d’échange',
  cancelled: 'annulée',
};
