import { choicesOf, filesOf, relationOf, shownMx } from './chat-e2e-matrix.js';
import {
  type ChatPerson,
  type ClockedChat,
  type ClockedChatOptions,
  clockedChat,
  type Place,
  type SeenPost,
  startOnDouble,
} from './clocked-chat.js';
import type { MatrixDoubleEvent } from './matrix-double.js';
import { MX_SERVER, startMatrixE2e } from './matrix-e2e.js';

/**
 * The rooms of `test/fixtures/community.yml` by the channel names tests use; the double makes each under its full
 * alias on the server (`#eig-communaute:agent.tchap.gouv.fr`), the one the bot reads in its community file.
 */
export const COMMUNITY_ROOMS = [
  '#eig-communaute',
  '#eig-coordination',
  '#eig-alumni',
  '#defi-lexiq',
  '#defi-datapass-sante',
  '#defi-carto-eau',
  '#defi-signal-conso-pro',
];

/** A chat member as a Tchap account: the id Tchap derives from the e-mail (`@prenom.nom-domaine:serveur`). */
const mxOf = (person: ChatPerson) => ({
  id: `@${person.email.replace('@', '-')}:${MX_SERVER}`,
  email: person.email,
  name: person.name,
});

type BotEvent = { room: string; event: MatrixDoubleEvent; txnId: string };
const isEdit = (event: MatrixDoubleEvent) => relationOf(event)?.rel_type === 'm.replace';

/**
 * {@link ClockedChat} on the Matrix double, driven as people do on Tchap: commands typed as `!commande …` in their DM
 * with the bot, a button clicked by typing its number in the room of the message that lists it. Posts are the
 * outbox's (`cohorte-out-` transactions); answers to what a person typed are not posts, as on Slack.
 */
export async function startClockedChatMatrix(options: ClockedChatOptions): Promise<ClockedChat> {
  const { people, clock, e2e, runner } = await startOnDouble(
    { ...options, name: `${options.name}-mx` },
    startMatrixE2e,
    mxOf,
  );
  const { double } = e2e;
  const rooms = new Map(
    COMMUNITY_ROOMS.map((alias) => [
      alias,
      double.room(
        `${alias}:${MX_SERVER}`,
        people.map((p) => mxOf(p).id),
      ),
    ]),
  );
  const emailOfRoom = (room: string) => people.find((p) => double.dmWith(mxOf(p).id) === room)?.email;
  const roomOf = (place: Place) =>
    typeof place === 'string' ? (rooms.get(place) ?? '') : (double.dmWith(mxOf(place).id) ?? '');

  /** An event as shown now: its latest edit applied. */
  const seen = (e: BotEvent): SeenPost => {
    const latest =
      double
        .botEvents(e.room)
        .filter((x) => isEdit(x.event) && relationOf(x.event)?.event_id === e.event.event_id)
        .at(-1)?.event ?? e.event;
    const thread = relationOf(e.event);
    return {
      id: e.event.event_id,
      thread: thread?.rel_type === 'm.thread' ? thread.event_id : undefined,
      text: shownMx(latest),
      buttons: choicesOf({
        ...latest,
        content: (latest.content['m.new_content'] ?? latest.content) as never,
      }),
    };
  };
  const posts = (room?: string) =>
    double
      .botEvents(room)
      .filter((e) => e.txnId.startsWith('cohorte-out-') && e.event.content.msgtype === 'm.text');
  const created = (direct: boolean) =>
    double
      .callsTo('POST', '/_matrix/client/v3/createRoom')
      .filter((c) => c.status === 200 && ((c.body as { is_direct?: boolean }).is_direct === true) === direct)
      .map((c) =>
        ((c.body as { invite: string[] }).invite ?? []).map(
          (id) => people.find((p) => mxOf(p).id === id)?.email ?? id,
        ),
      );
  const groupRooms = () => {
    const dms = new Set(people.map((p) => double.dmWith(mxOf(p).id)));
    const channels = new Set(rooms.values());
    return (room: string) => !dms.has(room) && !channels.has(room);
  };

  /** `person` types `text` in `room`; resolves with the bot's answers (their text) and the first one's event. */
  async function type(person: ChatPerson, text: string, room?: string) {
    const answer = await e2e.say(mxOf(person), text, room ? { room } : {});
    const events = e2e.answersTo(answer.asked.event_id);
    return { events, text: events.map((e) => shownMx(e.event)).join('\n') };
  }

  const chat: ClockedChat = clockedChat('matrix', e2e, runner, clock, {
    async command(person, name, text) {
      const dm = await e2e.dm(mxOf(person));
      const answer = await type(person, `!${name} ${text}`.trim(), dm);
      // Typed in the DM, answered there: nobody else reads it.
      return { ephemeral: answer.events.every((e) => e.room === dm), text: answer.text };
    },
    async click(person, place, label) {
      const room = roomOf(place);
      // The latest message listing the choice: the one a number typed in its room answers.
      const listed = double
        .botEvents(room)
        .filter((e) => e.event.content.msgtype === 'm.text' && !isEdit(e.event))
        .map((e) => ({ e, buttons: seen(e).buttons }))
        .filter((x) => x.buttons.includes(label))
        .at(-1);
      if (!listed) throw new Error(`no « ${label} » choice in ${JSON.stringify(place)}`);
      const answer = await type(person, String(listed.buttons.indexOf(label) + 1), room);
      const [first] = answer.events;
      const edited = first ? relationOf(first.event) : undefined;
      return {
        text: first ? shownMx(first.event) : '',
        replaced: edited?.rel_type === 'm.replace' && edited.event_id === listed.e.event.event_id,
      };
    },
    channelPosts: (name) => posts(rooms.get(name) ?? '').map(seen),
    dmPosts: () =>
      posts().flatMap((e) => {
        const to = emailOfRoom(e.room);
        return to ? [{ ...seen(e), to }] : [];
      }),
    dmOpened: () => created(true).map((invite) => invite[0] ?? ''),
    groupsOpened: () => created(false).map((invite) => invite.sort()),
    groupPosts: () => {
      const isGroup = groupRooms();
      return posts()
        .filter((e) => isGroup(e.room))
        .map(seen);
    },
    edits: () =>
      double.botEvents().filter((e) => e.txnId.startsWith('cohorte-upd-') && isEdit(e.event)).length,
    files: () =>
      filesOf(double).map(({ room, txnId, name, content }) => {
        // The text the file came with is the first part of the same delivery.
        const text = double.botEvents(room).find((x) => x.txnId === txnId.replace(/-file$/, '-0'));
        return { to: emailOfRoom(room) ?? room, text: text ? shownMx(text.event) : '', name, content };
      }),
    allPosts: () => posts().map(seen),
  });
  return chat;
}
