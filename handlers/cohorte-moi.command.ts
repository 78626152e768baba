import { type CommandHandler, ephemeral } from '../src/core/handler.js';
import { joinLines, type Rich, toPlainText } from '../src/core/message.js';

/** `/cohorte moi`: roles, défi and promotion of the person asking. */
export const cohorteMoiCommand: CommandHandler = {
  command: 'cohorte',
  name: 'moi',
  aliases: ['me'],
  // Open outside the community: an outsider is told what to ask the coordinators.
  outsiders: true,
  help: 'help.cohorte.moi',
  async run({ person, t }) {
    if (!person.inCommunity) {
      return ephemeral(t('error.notInCommunity', { email: person.email }));
    }
    const roles = person.roles.map((role) => toPlainText(t(`role.${role}`))).join(', ');
    const lines: Rich[] = [
      t('me.title', { name: person.name, email: person.email }),
      roles ? t('me.roles', { roles }) : t('me.noRole'),
    ];
    for (const { role, defi, promotion } of person.memberships) {
      lines.push(
        role === 'eig'
          ? t('me.defi', { defi: defi.name, administration: defi.administration, promotion: promotion.name })
          : t('me.mentorOf', { defi: defi.name, promotion: promotion.name }),
      );
    }
    for (const promotion of person.alumniOf) lines.push(t('me.alumniOf', { promotion: promotion.name }));
    lines.push(t('me.language'));
    return ephemeral(joinLines(lines));
  },
};
