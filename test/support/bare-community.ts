import type { CommunityData } from '../../src/core/roster/types.js';

/** A community with nobody in it, in Paris, for code that reads only its settings; `extra` adds what a test needs. */
export const bareCommunity = (extra: Partial<CommunityData> = {}): CommunityData => ({
  timezone: 'Europe/Paris',
  locale: 'fr',
  channels: { community: '#c', coordination: '#k', alumni: '#a' },
  coordinators: [],
  promotions: [],
  alumni: [],
  standups: [],
  ...extra,
});
