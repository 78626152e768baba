import { describe, expect, it } from 'vitest';
import { actionHandlers, commandHandlers } from '../../handlers/index.js';
import type { AnnouncementStore } from '../../src/core/announcement/store.js';
import type { BulleStore } from '../../src/core/bulle/store.js';
import { UnavailableError } from '../../src/core/errors.js';
import type { CommandHandler, Reply } from '../../src/core/handler.js';
import { type Locale, type MessageKey, translate } from '../../src/core/i18n/index.js';
import type { ChatUser } from '../../src/core/ids.js';
import { type Block, type Button, plain, textMessage, toPlainText } from '../../src/core/message.js';
import { FORGET_ACTION } from '../../src/core/personal-data.js';
import type {
  Delivery,
  Directory,
  Logger,
  Outbox,
  PeopleStore,
  PersonalData,
  Services,
} from '../../src/core/ports.js';
import { createRoster } from '../../src/core/roster/roster.js';
import type { CommunityData, RoleGrant } from '../../src/core/roster/types.js';
import { createRouter } from '../../src/core/router.js';
import type { StandupStore } from '../../src/core/standup/store.js';

const COORD = 'claire.coord@beta.gouv.fr';
const EIG = 'bea.dupont@beta.gouv.fr';
/** An alumna of the file, to whom the coordination gives roles in chat. */
const NEWCOMER = 'nouveau.mentor@x.fr';
const STRANGER = 'nobody@nowhere.fr';

const data: CommunityData = {
  timezone: 'Europe/Paris',
  locale: 'fr',
  channels: { community: '#communaute', coordination: '#coordination', alumni: '#alumni' },
  coordinators: [{ email: COORD, name: 'Claire' }],
  promotions: [
    {
      id: 'p2025',
      name: 'Promo 2025',
      start: '2025-09-01',
      end: '2026-06-30',
      defis: [
        {
          id: 'lexiq',
          name: 'LexIQ',
          administration: 'DILA',
          channel: '#lexiq',
          eig: [{ email: EIG, name: 'Béa' }],
          mentors: [],
        },
        {
          id: 'datalab',
          name: 'DataLab',
          administration: 'Insee',
          channel: '#datalab',
          eig: [],
          mentors: [],
        },
      ],
    },
  ],
  alumni: [{ email: NEWCOMER }],
  standups: [],
};

interface LogLine {
  level: 'info' | 'warn' | 'error';
  obj: Record<string, unknown>;
  msg: string;
}

/** In-memory fakes of every port, recording what the router and handlers did. */
function createWorld(
  options: { failGrants?: unknown; failExport?: unknown; broken?: boolean; extra?: CommandHandler[] } = {},
) {
  const grants = new Map<string, RoleGrant[]>();
  const locales = new Map<string, Locale>();
  const granted: { email: string; grant: RoleGrant }[] = [];
  const erased: string[] = [];
  const deliveries: Delivery[] = [];
  const lines: LogLine[] = [];
  const stored = { standup: { lastAnswer: 'fini la recette' } };
  // Mention ids of the shell platform; any other id is an e-mail, as in the local shell.
  const mentions = new Map<string, string>([
    ['U42', 'Nouveau.Mentor@X.FR'],
    ['UCOORD', COORD],
  ]);

  const people: PeopleStore = {
    // No identity cache here: every command goes through the directory (the platform's answer).
    async profileOfUser() {
      return undefined;
    },
    async profile(email) {
      return { grants: await people.grants(email), locale: locales.get(email) };
    },
    async grants(email) {
      if (options.failGrants) throw options.failGrants;
      return grants.get(email) ?? [];
    },
    async grant(email, grant) {
      granted.push({ email, grant });
      grants.set(email, [...(grants.get(email) ?? []), grant]);
    },
    async revoke(email, role) {
      const before = grants.get(email) ?? [];
      const after = before.filter((g) => g.role !== role);
      grants.set(email, after);
      return after.length < before.length;
    },
    granted: async () => new Map([...grants].filter(([, list]) => list.length > 0)),
    locale: async (email) => locales.get(email),
    async setLocale(email, locale) {
      locales.set(email, locale);
    },
  };
  const personalData: PersonalData = {
    async exportAll(email) {
      if (options.failExport) throw options.failExport;
      return { people: { grants: grants.get(email) ?? [], locale: locales.get(email) ?? null }, ...stored };
    },
    async eraseAll(email) {
      erased.push(email);
      grants.delete(email);
      locales.delete(email);
    },
  };
  const outbox: Outbox = {
    async send(delivery) {
      deliveries.push(delivery);
    },
    async sendMany(list) {
      deliveries.push(...list);
    },
    update: async () => undefined,
    statuses: async (keys) => keys.map(() => ({ state: 'pending' as const })),
    cancel: async () => 0,
    postsPerSecond: 8,
  };
  const directory: Directory = {
    async emailOf(user) {
      if (user.platform !== 'shell') return undefined;
      return mentions.get(user.id) ?? (user.id.includes('@') ? user.id : undefined);
    },
    userIdOf: async (email) => email,
  };
  const log: Logger = {
    info: (obj, msg) => lines.push({ level: 'info', obj, msg }),
    warn: (obj, msg) => lines.push({ level: 'warn', obj, msg }),
    error: (obj, msg) => lines.push({ level: 'error', obj, msg }),
  };
  const services: Services = {
    roster: createRoster(data),
    people,
    personalData,
    // The /cohorte commands never read stand-ups: any use fails the test.
    standups: new Proxy({} as StandupStore, {
      get: (_, name) => () => Promise.reject(new Error(`standups.${String(name)} used`)),
    }),
    // Nor announcements.
    announcements: new Proxy({} as AnnouncementStore, {
      get: (_, name) => () => Promise.reject(new Error(`announcements.${String(name)} used`)),
    }),
    rituals: new Proxy({} as Services['rituals'], {
      get: (_, name) => () => Promise.reject(new Error(`rituals.${String(name)} used`)),
    }),
    schedules: new Proxy({} as Services['schedules'], {
      get: (_, name) => () => Promise.reject(new Error(`schedules.${String(name)} used`)),
    }),
    // No session at all: an erasure lists them (to withdraw answers), nothing else may touch them.
    sessions: new Proxy({} as Services['sessions'], {
      get: (_, name) =>
        name === 'all' ? async () => [] : () => Promise.reject(new Error(`sessions.${String(name)} used`)),
    }),
    calendarFeed: undefined,
    pages: undefined,
    bulle: new Proxy({} as BulleStore, {
      get: (_, name) => () => Promise.reject(new Error(`bulle.${String(name)} used`)),
    }),
    outbox,
    directory,
    clock: { now: () => new Date('2026-03-10T10:00:00Z') },
    log,
    isUnavailable: (error) => error instanceof UnavailableError,
  };
  // A handler with a bug, for the error boundary.
  const broken: CommandHandler = {
    command: 'cohorte',
    name: 'panne',
    help: 'help.cohorte.aide',
    run: async () => {
      throw new Error('disk on fire');
    },
  };
  const commands = [...commandHandlers, ...(options.broken ? [broken] : []), ...(options.extra ?? [])];
  const router = createRouter({ commands, actions: actionHandlers, forms: [], services });
  const as = (email: string): ChatUser => ({ platform: 'shell', id: email });
  const command = (email: string, text: string) =>
    router.command({ user: as(email), command: 'cohorte', text, channel: 'C1' });
  return { router, command, as, grants, locales, granted, erased, deliveries, lines, stored };
}

const textOf = (block: Block | undefined): string =>
  block && 'text' in block ? (typeof block.text === 'string' ? block.text : toPlainText(block.text)) : '';
/** Every line a person reads in a reply, section by section, split at line breaks. */
const linesOf = (reply: Reply): string[] => reply.message.blocks.flatMap((b) => textOf(b).split('\n'));
const fr = (key: MessageKey, params?: Record<string, string>) => toPlainText(translate('fr', key, params));
const enText = (key: MessageKey, params?: Record<string, string>) =>
  toPlainText(translate('en', key, params));
const buttonsOf = (reply: Reply): Button[] =>
  reply.message.blocks.flatMap((b) => (b.kind === 'actions' ? b.buttons : []));

const HELP_FOR_EVERYONE = [
  fr('help.title'),
  fr('help.cohorte.aide'),
  fr('help.cohorte.moi'),
  fr('help.cohorte.page'),
  fr('help.cohorte.langue'),
  fr('help.cohorte.mes-donnees'),
  fr('help.cohorte.oublier'),
  fr('help.standup'),
  fr('help.standup.absent'),
  fr('help.standup.present'),
  fr('help.standup.historique'),
  fr('help.session'),
  fr('help.bulle.aide'),
  fr('help.bulle.partage'),
  fr('help.bulle.cherche'),
  fr('help.bulle.mes'),
  fr('help.bulle.retire'),
  fr('help.bulle.carte'),
  fr('help.bulle.pause'),
];

describe('router: help', () => {
  it.each(['', 'aide', '  AIDE  ', 'help'])(
    'lists only what an EIG may use for "/cohorte %s"',
    async (text) => {
      const world = createWorld();
      const reply = await world.command(EIG, text);
      expect(reply.visibility).toBe('ephemeral');
      expect(linesOf(reply)).toEqual([...HELP_FOR_EVERYONE, fr('help.footer')]);
      expect(linesOf(reply).join('\n')).not.toContain('/cohorte role');
      expect(linesOf(reply).join('\n')).not.toContain('/bulle import');
    },
  );

  it('shows /cohorte role to a coordinator', async () => {
    const world = createWorld();
    const reply = await world.command(COORD, '');
    const lines = linesOf(reply);
    expect(lines).toContain(fr('help.cohorte.role'));
    expect(lines[0]).toBe(fr('help.title'));
    expect(lines.at(-1)).toBe(fr('help.footer'));
  });

  it('suggests the sub-command word (name or alias) a misspelt one is close to', async () => {
    const world = createWorld();
    const lines = linesOf(await world.command(EIG, 'moa'));
    expect(lines[0]).toBe(
      'Je ne connais pas /cohorte moa. Vouliez-vous dire /cohorte moi ? Voici ce que vous pouvez faire :',
    );
    expect(lines.slice(1)).toEqual([...HELP_FOR_EVERYONE.slice(1), fr('help.footer')]);
    expect(linesOf(await world.command(EIG, 'forgt'))[0]).toBe(
      'Je ne connais pas /cohorte forgt. Vouliez-vous dire /cohorte forget ? Voici ce que vous pouvez faire :',
    );
  });

  it('answers an unknown subcommand with "Je ne connais pas" and the help', async () => {
    const world = createWorld();
    const reply = await world.command(EIG, 'danse la java');
    const lines = linesOf(reply);
    expect(lines[0]).toBe('Je ne connais pas /cohorte danse la java. Voici ce que vous pouvez faire :');
    expect(lines.slice(1)).toEqual([...HELP_FOR_EVERYONE.slice(1), fr('help.footer')]);
  });
});

describe('router: /cohorte role', () => {
  it('refuses an EIG with the catalog text, and grants nothing', async () => {
    const world = createWorld();
    const reply = await world.command(EIG, `role ${NEWCOMER} coordination`);
    expect(linesOf(reply)).toEqual([fr('error.forbidden')]);
    expect(world.granted).toEqual([]);
    const again = await world.command(EIG, `role ${EIG} retirer eig`);
    expect(linesOf(again)).toEqual([fr('error.forbidden')]);
  });

  it('lets a coordinator make someone mentor of a défi, which /cohorte moi then shows', async () => {
    const world = createWorld();
    const reply = await world.command(COORD, 'role <@U42> mentor LEXIQ');
    expect(linesOf(reply)).toEqual([
      `C’est fait : ${NEWCOMER} a maintenant le rôle mentor pour le défi LexIQ.`,
    ]);
    expect(world.granted).toEqual([{ email: NEWCOMER, grant: { role: 'mentor', defiId: 'lexiq' } }]);

    const me = linesOf(await world.command(NEWCOMER, 'moi'));
    expect(me).toContain('Rôles : alumni, mentor');
    expect(me).toContain('Mentor du défi LexIQ (promotion Promo 2025)');
  });

  it('refuses a role to an e-mail the file does not list, saying why, and grants nothing', async () => {
    const world = createWorld();
    for (const args of [`role ${STRANGER} mentor lexiq`, `role ${STRANGER} coordination`]) {
      expect(linesOf(await world.command(COORD, args))).toEqual([
        `Je ne trouve pas ${STRANGER} dans community.yml : rien n’est changé. Un rôle donné dans le chat s’ajoute à une personne du fichier. Vérifiez l’adresse, ou ajoutez la personne au fichier (coordinators, alumni, ou un défi), puis redonnez le rôle.`,
      ]);
    }
    expect(world.granted).toEqual([]);
  });

  it('lower-cases a typed e-mail', async () => {
    const world = createWorld();
    const reply = await world.command(COORD, 'role Nouveau.Mentor@X.FR coordination');
    expect(linesOf(reply)).toEqual([`C’est fait : ${NEWCOMER} a maintenant le rôle coordination.`]);
    expect(world.granted).toEqual([{ email: NEWCOMER, grant: { role: 'coordinator', defiId: undefined } }]);
  });

  it('lists the défis when the role needs one and none is given', async () => {
    const world = createWorld();
    const reply = await world.command(COORD, `role ${NEWCOMER} mentor`);
    expect(linesOf(reply)).toEqual([
      `Le rôle mentor demande un défi : /cohorte role ${NEWCOMER} mentor <défi>. Défis : lexiq, datalab.`,
    ]);
    expect(world.granted).toEqual([]);
  });

  it('lists the défis when the défi is unknown', async () => {
    const world = createWorld();
    const reply = await world.command(COORD, `role ${NEWCOMER} eig nulpart`);
    expect(linesOf(reply)).toEqual(['Je ne connais pas le défi « nulpart ». Défis : lexiq, datalab.']);
    expect(world.granted).toEqual([]);
  });

  it('names the word that is not a role', async () => {
    const world = createWorld();
    const reply = await world.command(COORD, `role ${NEWCOMER} pilote`);
    expect(linesOf(reply)).toEqual([fr('role.unknownRole', { role: 'pilote' })]);
    expect(world.granted).toEqual([]);
  });

  it.each(['bob', '<@UNKNOWN>'])('names the person it cannot find: %s', async (who) => {
    const world = createWorld();
    const reply = await world.command(COORD, `role ${who} coordination`);
    expect(linesOf(reply)).toEqual([fr('role.unknownPerson', { who })]);
    expect(world.granted).toEqual([]);
  });

  it('explains the usage when arguments are missing', async () => {
    const world = createWorld();
    expect(linesOf(await world.command(COORD, 'role'))).toEqual([fr('role.usage')]);
    expect(linesOf(await world.command(COORD, `role ${NEWCOMER}`))).toEqual([fr('role.usage')]);
  });

  it('removes a role given in chat, and says when there was none', async () => {
    const world = createWorld();
    await world.command(COORD, `role ${NEWCOMER} mentor lexiq`);
    const removed = await world.command(COORD, `role <@U42> retirer mentor`);
    expect(linesOf(removed)).toEqual([
      `C’est fait : ${NEWCOMER} n’a plus le rôle mentor donné dans le chat.`,
    ]);
    expect(world.grants.get(NEWCOMER)).toEqual([]);
    const me = linesOf(await world.command(NEWCOMER, 'moi'));
    expect(me).not.toContain('Mentor du défi LexIQ (promotion Promo 2025)');

    const none = await world.command(COORD, `role ${NEWCOMER} retirer mentor`);
    expect(linesOf(none)).toEqual([
      `${NEWCOMER} n’a pas de rôle mentor donné dans le chat ; les rôles du fichier se changent dans community.yml.`,
    ]);
  });
});

describe('router: /cohorte moi and langue', () => {
  it('shows an EIG their défi in French by default', async () => {
    const world = createWorld();
    const me = linesOf(await world.command(EIG, 'moi'));
    expect(me).toEqual([
      `Béa (${EIG})`,
      'Rôles : EIG',
      'Défi : LexIQ, DILA (promotion Promo 2025)',
      'Langue : français',
    ]);
  });

  it('tells someone unknown they are not in the community', async () => {
    const world = createWorld();
    const me = linesOf(await world.command('jean@example.org', 'moi'));
    expect(me).toEqual([fr('error.notInCommunity', { email: 'jean@example.org' })]);
  });

  it('switches to English for that person only', async () => {
    const world = createWorld();
    const done = await world.command(EIG, 'langue en');
    expect(linesOf(done)).toEqual([enText('lang.done')]);
    expect(world.locales.get(EIG)).toBe('en');

    const me = linesOf(await world.command(EIG, 'moi'));
    expect(me).toEqual([
      `Béa (${EIG})`,
      'Roles: EIG',
      'Défi: LexIQ, DILA (promotion Promo 2025)',
      'Language: English',
    ]);
    expect(linesOf(await world.command(COORD, 'moi'))).toContain('Langue : français');
  });

  it.each(['xx', '', 'français'])('explains the usage for "/cohorte langue %s"', async (arg) => {
    const world = createWorld();
    const reply = await world.command(EIG, `langue ${arg}`);
    expect(linesOf(reply)).toEqual([fr('lang.usage')]);
    expect(world.locales.size).toBe(0);
  });
});

describe('router: arguments', () => {
  it('hands a sub-command what follows it as typed, line breaks and spacing kept', async () => {
    const seen: string[] = [];
    const echo: CommandHandler = {
      command: 'cohorte',
      name: 'echo',
      help: 'help.cohorte.aide',
      run: async (_ctx, args) => {
        seen.push(args);
        return { visibility: 'ephemeral', message: textMessage(plain(args)) };
      },
    };
    const world = createWorld({ extra: [echo] });
    await world.command(EIG, 'ECHO  Docker — précisions :\n- ligne 1\n- ligne 2  ');
    expect(seen).toEqual(['Docker — précisions :\n- ligne 1\n- ligne 2']);
  });
});

describe('router: errors', () => {
  it('gives a 6-character reference for an unexpected error, and logs it with the same reference', async () => {
    const world = createWorld({ failExport: new Error('redis said no') });
    const reply = await world.command(EIG, 'mes-donnees');
    const [line] = linesOf(reply);
    const ref = /réf\. ([a-z0-9]{6})\)/.exec(line ?? '')?.[1];
    expect(line, line).toContain('réf.');
    expect(ref).toBeDefined();
    const errors = world.lines.filter((l) => l.level === 'error');
    expect(errors).toHaveLength(1);
    expect(errors[0]?.obj.ref).toBe(ref);
    expect(errors[0]?.obj.err).toMatchObject({ message: 'redis said no' });
    expect(world.deliveries).toEqual([]);
  });

  it('does the same for a handler that throws', async () => {
    const world = createWorld({ broken: true });
    const reply = await world.command(EIG, 'panne');
    const [line = ''] = linesOf(reply);
    const ref = /réf\. ([a-z0-9]{6})\)/.exec(line)?.[1];
    expect(ref, line).toBeDefined();
    expect(world.lines.find((l) => l.level === 'error')?.obj.ref).toBe(ref);
    expect(line).not.toContain('disk on fire');
  });

  it('says the service is unavailable when a store is down, without an error line', async () => {
    const world = createWorld({ failGrants: new UnavailableError('redis down') });
    const reply = await world.command(EIG, 'moi');
    expect(linesOf(reply)).toEqual(['Service momentanément indisponible, réessayez dans une minute.']);
    expect(world.lines.filter((l) => l.level === 'error')).toEqual([]);
    expect(world.lines.filter((l) => l.level === 'warn')).toHaveLength(1);
  });

  it('answers a click on an unknown button (an older release’s) by asking to run the command again', async () => {
    const world = createWorld();
    const reply = await world.router.action({
      user: world.as(EIG),
      actionId: 'nope',
      value: '',
      channel: 'C1',
    });
    expect(linesOf(reply)).toEqual([fr('chat.staleButton')]);
    expect(world.lines.filter((l) => l.level === 'error')).toEqual([]);
  });

  it('opens only the help to someone whose e-mail the platform does not show (they would share one identity)', async () => {
    const world = createWorld();
    // A shell id without an e-mail: the directory cannot say who it is.
    expect(linesOf(await world.command('sans-adresse', 'moi'))).toEqual([fr('error.noEmail')]);
    expect(linesOf(await world.command('sans-adresse', 'langue en'))).toEqual([fr('error.noEmail')]);
    expect(world.locales.size).toBe(0);
    expect(linesOf(await world.command('sans-adresse', 'aide'))[0]).toBe(fr('help.title'));
    const standupHelp = await world.router.command({
      user: world.as('sans-adresse'),
      command: 'standup',
      text: 'aide',
      channel: 'C1',
    });
    expect(linesOf(standupHelp)[0]).toBe(fr('help.title'));
    const click = await world.router.action({
      user: world.as('sans-adresse'),
      actionId: FORGET_ACTION,
      value: 'yes',
      channel: 'C1',
    });
    expect(linesOf(click)).toEqual([fr('error.noEmail')]);
    expect(world.erased).toEqual([]);
  });
});

describe('router: personal data', () => {
  it('sends exactly one JSON file by DM with what the stores hold', async () => {
    const world = createWorld();
    await world.command(EIG, 'langue en');
    const reply = await world.command(EIG, 'mes-donnees');
    expect(linesOf(reply)).toEqual([enText('data.queued')]);

    expect(world.deliveries).toHaveLength(1);
    const [delivery] = world.deliveries;
    expect(delivery?.to).toEqual({ kind: 'person', email: EIG });
    expect(delivery?.file?.name).toMatch(/\.json$/);
    const document = JSON.parse(delivery?.file?.content ?? '') as Record<string, unknown>;
    expect(document.email).toBe(EIG);
    expect(document.roles).toEqual(['eig']);
    expect(document.stores).toEqual({
      people: { grants: [], locale: 'en' },
      standup: { lastAnswer: 'fini la recette' },
    });
    expect(toPlainText(delivery?.message.fallback ?? [])).toContain(EIG);
  });

  it('asks for confirmation with two buttons before forgetting', async () => {
    const world = createWorld();
    const reply = await world.command(EIG, 'oublier');
    expect(linesOf(reply)[0]).toBe(fr('forget.confirm'));
    const buttons = buttonsOf(reply);
    expect(buttons.map((b) => [toPlainText(b.label), b.value])).toEqual([
      [fr('forget.yes'), 'yes'],
      [fr('forget.no'), 'no'],
    ]);
    expect(world.erased).toEqual([]);
  });

  it('erases everything on "yes" and replaces the question', async () => {
    const world = createWorld();
    await world.command(EIG, 'langue en');
    await world.command(EIG, 'langue fr');
    const yes = buttonsOf(await world.command(EIG, 'oublier')).find((b) => b.value === 'yes');
    if (!yes) throw new Error('no yes button');
    const reply = await world.router.action({
      user: world.as(EIG),
      actionId: yes.actionId,
      value: yes.value,
      channel: 'C1',
    });
    expect(world.erased).toEqual([EIG]);
    expect(reply.replace).toBe(true);
    expect(linesOf(reply)).toEqual([fr('forget.done')]);
  });

  it('erases nothing on "no"', async () => {
    const world = createWorld();
    const no = buttonsOf(await world.command(EIG, 'oublier')).find((b) => b.value === 'no');
    if (!no) throw new Error('no no button');
    const reply = await world.router.action({
      user: world.as(EIG),
      actionId: no.actionId,
      value: no.value,
      channel: 'C1',
    });
    expect(world.erased).toEqual([]);
    expect(reply.replace).toBe(true);
    expect(linesOf(reply)).toEqual([fr('forget.cancelled')]);
  });
});
