import type { shellFr } from './shell.fr.js';

/** Strings of the local shell: English. */
export const shellEn: Record<keyof typeof shellFr, string> = {
  'shell.welcome':
    'Cohorte, local shell. You are {email}. Type a command (`/cohorte aide`), `:as <email>` to switch person, `:click <n>` to click button [n], `:jobs` for jobs, `:run <job>` to run one, `:avance 3j` to move the clock forward, `:quit` to leave.',
  'shell.as': 'You are now {email}.',
  'shell.unknownInput':
    'Type a command starting with /, or a shell command: `:as`, `:click`, `:jobs`, `:run`, `:avance`, `:date`, `:quit`.',

  'shell.jobs': 'Scheduled jobs:',
  'shell.job': '{id} ({pattern}): next run {next}',
  'shell.delayedJobs': 'Delayed jobs (`:run <job>` runs one now):',
  'shell.delayedJob': '{id}: due {due}',
  'shell.noJobs': 'No scheduled job.',
  'shell.ran': 'Job {id} ran ({summary}).',
  'shell.failed': 'Job {id} failed: {error}',
  'shell.nothingDue': 'No “{id}” job is waiting: `:jobs` lists scheduled and delayed jobs.',
  'shell.unknownJob': 'I do not know the job “{id}”. Type `:jobs` for the list.',

  'shell.noButton':
    'No button number {n}. Type the number in brackets of a button shown, for example `:click 1`.',
  'shell.notYourDm': 'Button {n} is in a message for {who}: type `:as {who}` to click as them.',
  'shell.notYourChannel':
    'Button {n} is in {channel}, which you are not in: type `:as <email>` of someone in that channel.',
  'shell.notYourReply': 'Button {n} was in a reply to {who}: type `:as {who}` to click as them.',

  'shell.now': 'It is now {date}.',
  'shell.at': '⏰ {date}',
  'shell.badDuration':
    'I do not understand “{text}”. Type a duration: `:avance 3j`, `:avance 5h` or `:avance 30min`.',
  'shell.badDate': 'I do not understand “{text}”. Type a date and time: `:date 07/12/2026 09:00`.',
  'shell.dateSet': 'The shell’s clock is at {date} (nothing ran in between).',
};
