/** The chat platforms Cohorte speaks to. Every platform id stored anywhere carries its platform. */
export type Platform = 'slack' | 'mattermost' | 'matrix' | 'shell';

/** A person as a chat platform knows them: the platform and that platform's user id. */
export interface ChatUser {
  platform: Platform;
  id: string;
}
