/** The chat platforms Cohorte speaks to. Every platform id stored anywhere carries its platform. */
export const PLATFORMS = ['slack', 'mattermost', 'matrix', 'shell'] as const;
export type Platform = (typeof PLATFORMS)[number];

/** A person as a chat platform knows them: the platform and that platform's user id. */
export interface ChatUser {
  platform: Platform;
  id: string;
}
