/** Strings of the local shell (its own commands, forms typed line by line, the shell's clock): French. */
export const shellFr = {
  'shell.welcome':
    'Cohorte, shell local. Vous êtes {email}. Tapez une commande (`/cohorte aide`), `:as <e-mail>` pour changer de personne, `:click <n>` pour cliquer le bouton [n], `:jobs` pour les tâches, `:run <tâche>` pour en lancer une, `:avance 3j` pour avancer l’horloge, `:quit` pour sortir.',
  'shell.as': 'Vous êtes maintenant {email}.',
  'shell.unknownInput':
    'Tapez une commande qui commence par /, ou une commande du shell : `:as`, `:click`, `:jobs`, `:run`, `:avance`, `:date`, `:quit`.',

  'shell.jobs': 'Tâches planifiées :',
  'shell.job': '{id} ({pattern}) : prochaine exécution {next}',
  'shell.delayedJobs': 'Tâches différées (`:run <tâche>` pour en lancer une tout de suite) :',
  'shell.delayedJob': '{id} : prévue {due}',
  'shell.noJobs': 'Aucune tâche planifiée.',
  'shell.ran': 'Tâche {id} exécutée ({summary}).',
  'shell.failed': 'La tâche {id} a échoué : {error}',
  'shell.nothingDue': 'Aucune tâche « {id} » en attente : `:jobs` liste les tâches planifiées et différées.',
  'shell.unknownJob': 'Je ne connais pas la tâche « {id} ». Tapez `:jobs` pour la liste.',

  'shell.noButton':
    'Aucun bouton n° {n}. Tapez le numéro entre crochets d’un bouton affiché, par exemple `:click 1`.',
  'shell.notYourDm':
    'Le bouton n° {n} est dans un message pour {who} : tapez `:as {who}` pour cliquer à sa place.',
  'shell.notYourChannel':
    'Le bouton n° {n} est dans {channel}, où vous n’êtes pas : tapez `:as <e-mail>` d’une personne de ce canal.',
  'shell.notYourReply':
    'Le bouton n° {n} était dans une réponse à {who} : tapez `:as {who}` pour cliquer à sa place.',

  'shell.now': 'Il est maintenant {date}.',
  'shell.at': '⏰ {date}',
  'shell.badDuration':
    'Je ne comprends pas « {text} ». Tapez une durée : `:avance 3j`, `:avance 5h` ou `:avance 30min`.',
  'shell.badDate': 'Je ne comprends pas « {text} ». Tapez une date et une heure : `:date 07/12/2026 09:00`.',
  'shell.dateSet': 'L’horloge du shell est au {date} (rien n’a tourné entre-temps).',
} as const;
