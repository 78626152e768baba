/**
 * `npm run check-community [fichier]`: checks a community file and prints what Cohorte understands of it, or every
 * problem as `fichier:ligne: chemin: message`. Sets the exit code (0 valid, 1 invalid) and never calls process.exit.
 */
import { TZDate } from '@date-fns/tz';
import { format } from 'date-fns/format';
import { fr } from 'date-fns/locale/fr';
import {
  CommunityFileError,
  formatProblem,
  type LoadedCommunity,
  loadCommunityFile,
  resolveCommunityPath,
} from './community.js';
import { readDotEnv } from './config.js';
import { createRoster } from './core/roster/roster.js';
import type { Role } from './core/roster/types.js';

const plural = (count: number, one: string, many: string): string => `${count} ${count > 1 ? many : one}`;

const longDate = (day: string): string => format(new Date(`${day}T12:00:00`), 'd MMMM yyyy', { locale: fr });

/** The summary lines of a valid community, with roles as of `now` in the file's timezone. */
function summarize(file: string, community: LoadedCommunity, now: Date): string[] {
  const today = format(new TZDate(now, community.timezone), 'yyyy-MM-dd');
  const lines = [
    `Fichier communautaire valide : ${file}`,
    `Fuseau horaire : ${community.timezone} ; langue : ${community.locale}`,
    `Canaux : communauté ${community.channels.community}, coordination ${community.channels.coordination}, alumni ${community.channels.alumni}`,
    '',
    `Promotions (${community.promotions.length}) :`,
  ];
  for (const promotion of community.promotions) {
    const status = promotion.end < today ? 'terminée' : promotion.start > today ? 'à venir' : 'en cours';
    lines.push(
      `- ${promotion.name} (${promotion.id}), du ${longDate(promotion.start)} au ${longDate(promotion.end)}, ${status} : ${plural(promotion.defis.length, 'défi', 'défis')}`,
    );
    for (const defi of promotion.defis) {
      lines.push(
        `    - ${defi.id} : ${defi.name} (${defi.administration}, ${defi.channel}) : ${plural(defi.eig.length, 'EIG', 'EIG')}, ${plural(defi.mentors.length, 'mentor', 'mentors')}`,
      );
    }
  }

  const roster = createRoster(community);
  const counts: Record<Role, number> = { coordinator: 0, eig: 0, mentor: 0, alumni: 0 };
  for (const email of roster.emails()) {
    for (const role of roster.person(email, [], now).roles) counts[role] += 1;
  }
  lines.push(
    '',
    `Personnes au ${longDate(today)} (${plural(roster.emails().length, 'personne', 'personnes')} en tout) :`,
    `- coordination : ${counts.coordinator}`,
    `- EIG en cours de promotion : ${counts.eig}`,
    `- mentors : ${counts.mentor}`,
    `- alumni (y compris les EIG des promotions terminées) : ${counts.alumni}`,
    '',
    `Rituels : ${community.rituals.length} ; règles de sessions : ${community.sessions.length}`,
    `Bulloterie : ${community.bulloterie.themes.length} thèmes, ${community.bulloterie.maxOpen} mises en relation en cours au plus par personne`,
  );
  return lines;
}

/** Runs the check on `args[0]`, or on the configured file; returns the exit code. */
function checkCommunity(args: string[], now = new Date()): number {
  const file = args[0] ?? resolveCommunityPath(process.env.COMMUNITY_FILE);
  try {
    const community = loadCommunityFile(file);
    console.log(summarize(file, community, now).join('\n'));
    return 0;
  } catch (error) {
    if (error instanceof CommunityFileError) {
      console.error(`${file} : ${plural(error.problems.length, 'problème', 'problèmes')}`);
      for (const problem of error.problems) console.error(formatProblem(file, problem));
    } else {
      console.error(`Impossible de lire ${file} : ${error instanceof Error ? error.message : String(error)}`);
    }
    return 1;
  }
}

// COMMUNITY_FILE from `.env` too, as the bot reads it.
readDotEnv();
process.exitCode = checkCommunity(process.argv.slice(2));
