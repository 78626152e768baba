import type { Session } from '../../src/core/sessions/session.js';
import { bareCommunity } from './bare-community.js';

/**
 * A monthly session as the tests use it: Thursday 3 December 2026, 09:30–17:30 at Ségur, for EIG 7, default
 * reminder times; `extra` changes what a test is about.
 */
export const aSession = (extra: Partial<Session> = {}): Session => ({
  id: '2026-12-03',
  date: '2026-12-03',
  timezone: 'Europe/Paris',
  title: 'Journée de promotion',
  start: '09:30',
  end: '17:30',
  place: 'Ségur',
  address: '14 avenue Duquesne',
  agenda: '',
  audience: { promotions: ['eig7'], mentors: false, alumni: false },
  times: { d7: '10:00', d1: '10:00', morning: '08:30', feedback: '10:00' },
  sequence: 0,
  cancelled: false,
  createdAt: '2026-11-01T00:00:00Z',
  ...extra,
});

/** The little of a community the session form reads: one promotion, EIG 7. */
export const SESSION_FORM_DATA = bareCommunity({
  promotions: [{ id: 'eig7', name: 'EIG 7', start: '2026-09-07', end: '2027-06-26', defis: [] }],
});

/**
 * What a coordinator types into the new-session form: an afternoon workshop at the DINUM on Thursday 17 December
 * 2026, 14:00–17:00, for EIG 7 only; `extra` changes what a test is about.
 */
export const sessionFormValues = (extra: Record<string, string> = {}): Record<string, string> => ({
  title: 'Atelier',
  date: '17/12/2026',
  start: '14:00',
  end: '17:00',
  place: 'DINUM',
  address: '',
  agenda: '',
  capacity: '',
  promotions: 'eig7',
  mentors: 'no',
  alumni: 'no',
  ...extra,
});
