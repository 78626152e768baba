import { startBotOnDouble } from './chat-e2e-boot.js';
import type { RunningCohorte } from './cohorte.js';
import { COMMUNITY_FILE, startCohorte } from './cohorte.js';
import { communityOnServer } from './community-with.js';
import {
  type MatrixDouble,
  type MatrixDoubleEvent,
  type MatrixDoubleUser,
  startMatrixDouble,
} from './matrix-double.js';
import { waitFor } from './wait.js';

/** The server of the test accounts and rooms. */
export const MX_SERVER = 'agent.tchap.gouv.fr';
/** The bot's account on the double. */
export const MX_BOT = `@cohorte-beta.gouv.fr:${MX_SERVER}`;

/** The test people on Tchap: ids derived from the e-mail as Tchap does, Thomas's with a re-created account's suffix. */
export const MX_PEOPLE = {
  claire: {
    id: `@claire.dubois-beta.gouv.fr:${MX_SERVER}`,
    email: 'claire.dubois@beta.gouv.fr',
    name: 'Claire Dubois',
  },
  ines: {
    id: `@ines.moreau-beta.gouv.fr:${MX_SERVER}`,
    email: 'ines.moreau@beta.gouv.fr',
    name: 'Inès Moreau',
  },
  thomas: {
    id: `@thomas.nguyen-beta.gouv.fr1:${MX_SERVER}`,
    email: 'thomas.nguyen@beta.gouv.fr',
    name: 'Thomas Nguyen',
  },
  julien: {
    id: `@julien.garnier-justice.gouv.fr:${MX_SERVER}`,
    email: 'julien.garnier@justice.gouv.fr',
    name: 'Julien Garnier',
  },
  stranger: { id: `@visiteur-exemple.fr:${MX_SERVER}`, email: 'visiteur@exemple.fr', name: 'Visiteur' },
} as const;
export type MxPerson = (typeof MX_PEOPLE)[keyof typeof MX_PEOPLE];

/** What the bot answered to one event: its events, oldest first, and how long the first took. */
export interface MatrixAnswer {
  events: { room: string; event: MatrixDoubleEvent }[];
  ms: number;
  /** The event the person sent. */
  asked: MatrixDoubleEvent;
}

/** The bot on a Matrix double, and what a person does there. */
export interface MatrixE2e {
  double: MatrixDouble;
  bot: RunningCohorte;
  /** The person's DM with the bot, opened by the person (and joined by the bot) on first use. */
  dm(person: MatrixDoubleUser): Promise<string>;
  /** `person` sends `body` in `room` (their DM by default); resolves with the bot's first `count` answers. */
  say(
    person: MatrixDoubleUser,
    body: string,
    options?: { room?: string; html?: string; count?: number },
  ): Promise<MatrixAnswer>;
  /** Every event the bot sent in answer to `eventId`, oldest first. */
  answersTo(eventId: string): { room: string; event: MatrixDoubleEvent }[];
  stop(): Promise<void>;
}

/**
 * Starts the double with {@link MX_PEOPLE} (known to its identity server, the stranger included), then Cohorte on
 * the community file (`test/fixtures/community.yml` unless told) with its channels as full aliases on
 * {@link MX_SERVER} (`#eig-communaute:agent.tchap.gouv.fr`).
 */
export async function startMatrixE2e(
  name: string,
  env: Record<string, string> = {},
  options: {
    perSecond?: number;
    burst?: number;
    clock?: { now(): Date };
    communityFile?: string;
    /** The homeserver's accounts, {@link MX_PEOPLE} by default. */
    users?: MatrixDoubleUser[];
  } = {},
): Promise<MatrixE2e> {
  const double = await startMatrixDouble({
    botId: MX_BOT,
    users: options.users ?? Object.values(MX_PEOPLE),
    ...(options.perSecond ? { perSecond: options.perSecond } : {}),
    ...(options.burst ? { burst: options.burst } : {}),
  });
  const running = await startBotOnDouble(double, () =>
    startCohorte({
      name,
      ...(options.clock ? { clock: options.clock } : {}),
      // Rooms are named by full alias on Tchap: the channels of the community file get the server's name.
      communityFile: communityOnServer(options.communityFile ?? COMMUNITY_FILE, MX_SERVER),
      env: {
        MATRIX_HOMESERVER_URL: double.url,
        MATRIX_ACCESS_TOKEN: double.token,
        MATRIX_USER_ID: MX_BOT,
        MATRIX_IDENTITY_SERVER_URL: double.url,
        MATRIX_REQUESTS_PER_SECOND: '50',
        ...env,
      },
    }),
  );
  const answersTo = (eventId: string) =>
    double
      .botEvents()
      .filter((e) => e.txnId.startsWith(`cohorte-re-${eventId}-`))
      .map(({ room, event }) => ({ room, event }));
  const dm = async (person: MatrixDoubleUser) => {
    const room = double.dmFrom(person.id);
    await waitFor(
      () => double.state.rooms.get(room)?.members.has(MX_BOT) === true,
      5000,
      'the bot joins the DM',
    );
    return room;
  };
  return {
    ...running,
    dm,
    answersTo,
    async say(person, body, { room, html, count = 1 } = {}) {
      const where = room ?? (await dm(person));
      const started = Date.now();
      const content = html
        ? { msgtype: 'm.text', body, format: 'org.matrix.custom.html', formatted_body: html }
        : { msgtype: 'm.text', body };
      const asked = double.send(person.id, where, 'm.room.message', content);
      let ms = 0;
      await waitFor(
        () => {
          const n = answersTo(asked.event_id).length;
          if (n > 0 && ms === 0) ms = Date.now() - started;
          return n >= count;
        },
        10_000,
        `${count} answer(s) to « ${body} »`,
      );
      return { events: answersTo(asked.event_id), ms, asked };
    },
  };
}
