import type { Announcement, Recipient } from './types.js';

/** Announcements in Redis, as the announcement handlers and jobs see them. */
export interface AnnouncementStore {
  /** Stores a new draft under a fresh short id; returns it. */
  create(draft: Omit<Announcement, 'id'>): Promise<Announcement>;
  get(id: string): Promise<Announcement | undefined>;
  save(announcement: Announcement): Promise<void>;
  /** The most recent announcements first (drafts left out), at most `limit`. */
  recent(limit: number): Promise<Announcement[]>;
  /** Records who an announcement went to, once resolved (the same list every time it is asked for). */
  setRecipients(id: string, recipients: readonly Recipient[]): Promise<void>;
  recipients(id: string): Promise<Recipient[]>;
}
