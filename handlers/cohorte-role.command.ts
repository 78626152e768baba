import { UserError } from '../src/core/errors.js';
import { type CommandHandler, ephemeral } from '../src/core/handler.js';
import { resolvePersonRef } from '../src/core/mentions.js';
import { plain } from '../src/core/message.js';
import type { Role } from '../src/core/roster/types.js';

/** Role names people type, French and English, to the role they mean. */
const ROLE_WORDS: Record<string, Role> = {
  eig: 'eig',
  mentor: 'mentor',
  mentore: 'mentor',
  coordination: 'coordinator',
  coordinator: 'coordinator',
  coordinateur: 'coordinator',
  coordinatrice: 'coordinator',
  alumni: 'alumni',
  alumnus: 'alumni',
};
const REMOVE_WORDS = ['retirer', 'remove'];

/**
 * `/cohorte role <@personne|e-mail> <rôle> [défi]` and `… retirer <rôle>`: coordinators only. A role is given only
 * to someone `community.yml` lists; any chat role can be taken back.
 */
export const cohorteRoleCommand: CommandHandler = {
  command: 'cohorte',
  name: 'role',
  aliases: ['rôle'],
  permission: 'roles.manage',
  help: 'help.cohorte.role',
  async run({ t, user, services }, args) {
    const [who, second, third] = args.split(/\s+/).filter(Boolean);
    if (!who || !second) throw new UserError('role.usage');
    const email = await resolvePersonRef(who, user.platform, services.directory);
    if (!email) throw new UserError('role.unknownPerson', { who });
    const removing = REMOVE_WORDS.includes(second.toLowerCase());
    const roleWord = (removing ? third : second) ?? '';
    const role = ROLE_WORDS[roleWord.toLowerCase()];
    if (!role) throw new UserError(roleWord ? 'role.unknownRole' : 'role.usage', { role: roleWord });
    const roleName = t(`role.${role}`);

    if (removing) {
      const removed = await services.people.revoke(email, role);
      const key = removed ? 'role.revoked' : 'role.notGranted';
      return ephemeral(t(key, { email, role: roleName }));
    }
    // A chat role adds to a person of the file: a mistyped address would otherwise get announcements nobody reads.
    if (!services.roster.emails().includes(email)) throw new UserError('role.notInFile', { email });
    const defis = services.roster.data.promotions.flatMap((p) => p.defis.map((d) => d.id)).join(', ');
    const needsDefi = role === 'eig' || role === 'mentor';
    if (needsDefi && !third) throw new UserError('role.needsDefi', { role: roleWord, who, defis });
    const found = needsDefi && third ? services.roster.defi(third) : undefined;
    if (needsDefi && !found) throw new UserError('role.unknownDefi', { defi: third ?? '', defis });
    await services.people.grant(email, { role, defiId: found?.defi.id });
    const defi = found ? t('role.forDefi', { defi: found.defi.name }) : plain('');
    return ephemeral(t('role.granted', { email, role: roleName, defi }));
  },
};
