import type { Services } from '../ports.js';

/**
 * The channels a person is in, as the community file places them: the community channel for everyone in it, the
 * coordination channel for coordinators, the alumni channel for alumni, and the channel of each défi they belong
 * to. The local shell lets people click only the buttons of their channels, as a chat platform would.
 */
export const channelsOf =
  (services: Pick<Services, 'roster' | 'people' | 'clock'>) =>
  async (email: string): Promise<string[]> => {
    const person = services.roster.person(email, await services.people.grants(email), services.clock.now());
    const { channels } = services.roster.data;
    return [
      ...(person.inCommunity ? [channels.community] : []),
      ...(person.roles.includes('coordinator') ? [channels.coordination] : []),
      ...(person.roles.includes('alumni') ? [channels.alumni] : []),
      ...person.memberships.map((m) => m.defi.channel),
    ];
  };
