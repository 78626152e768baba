/** Stand-ups: commands, form, reminders, digests. */
export const standupFr = {
  'standup.tooLong':
    '« {question} » fait {length} caractères ; la limite est de {max}. Raccourcissez-le puis renvoyez-le.',
  'standup.badChoice': '« {question} » : choisissez parmi {choices} (ou leur numéro, de 1 à {count}).',
  'help.standup':
    '`/standup` : écrire votre stand-up de la semaine (formulaire), ou `/standup priorités: … ; difficultés: … ; aide: …`',
  'standup.helpKept':
    'La demande est notée et la coordination la voit dans son récapitulatif. La mise en relation automatique arrive avec la bulloterie.',
  'standup.findHelperForbidden':
    'Seuls l’auteur de la demande, les mentors du défi et la coordination peuvent chercher quelqu’un pour elle. Pour une demande à vous : `/bulle cherche <compétence>`.',
  'standup.findHelperNoTopic':
    'Je ne trouve pas de compétence dans cette demande d’aide. Pour la confier à la bulloterie, son auteur ou autrice peut taper : `/bulle cherche <compétence> — {details}`.',
  'standup.helpGone': 'Cette demande d’aide a été retirée par son auteur.',
  'standup.notEig':
    'Le stand-up est celui des EIG ; vous n’êtes EIG d’aucun défi en cours. Tapez `/cohorte moi` pour voir vos rôles.',
  'standup.chatOnlyEig':
    'Votre rôle d’EIG a été donné dans le chat : pour le stand-up (rappels, récapitulatif), la coordination doit vous ajouter à votre défi dans `community.yml`.',
  'standup.noRitual':
    'Votre promotion n’a pas de stand-up configuré. La coordination peut en ajouter un dans `community.yml`.',
  'standup.noPeriod': 'Pas de stand-up en ce moment (semaine fériée ou hors des dates de la promotion).',
  'standup.empty':
    'Votre stand-up est vide. Tapez `/standup` pour le formulaire, ou `/standup priorités: … ; difficultés: … ; aide: …`.',
  'standup.nothingTyped':
    'Je ne trouve aucune réponse dans « {typed} » : rien n’est enregistré. Tapez par exemple `/standup priorités: finir la recette ; difficultés: … ; aide: …`, ou `/standup` pour le formulaire.',
  'standup.cleared': 'Réponses effacées : {labels}. Pour les remettre : `{retype}`',
  'standup.emptyForm': 'Répondez à au moins une question avant d’envoyer.',
  'standup.recorded': 'C’est noté ! Vous pouvez le modifier jusqu’au {deadline} en le renvoyant.',
  'standup.recordedLate': 'C’est noté, après l’échéance : votre stand-up compte pour cette semaine.',
  'standup.updated': 'C’est mis à jour ! Vous pouvez encore le modifier jusqu’au {deadline}.',
  'standup.readers': 'Lu par : {readers}.',
  'standup.coordination': 'la coordination',
  'standup.lateThread': 'Le récapitulatif du défi est déjà parti : votre stand-up a été ajouté dans son fil.',
  'standup.formTitle': 'Mon stand-up',
  'standup.formSubmit': 'Envoyer',
  'standup.formFallback': 'Tapez votre stand-up : `/standup priorités: … ; difficultés: … ; aide: …`',
  'help.standup.absent':
    '`/standup absent [du] [au]` : signaler une absence, cette semaine ou entre deux dates (JJ/MM) ; pas de rappel pendant ce temps',
  'help.standup.present':
    '`/standup present` : annuler votre absence en cours ou à venir ; les rappels reprennent',
  'standup.presentNone':
    'Vous n’avez aucune absence en cours ou à venir : les rappels de stand-up vous arrivent comme d’habitude.',
  'standup.presentDone': 'Bon retour ! Absence annulée : {days}. Les rappels de stand-up reprennent.',
  'standup.presentRange': 'du {from} au {to}',
  'help.standup.historique':
    '`/standup historique [@personne|e-mail|défi] [n]` : relire vos n derniers stand-ups (4 par défaut, 12 au plus), ou ceux d’un défi que vous suivez',
  'help.standup.export':
    '`/standup export [promotion] [du] [au]` : recevoir en privé un fichier CSV des stand-ups, à ouvrir dans un tableur',
  'standup.badDate':
    '« {date} » n’est pas une date que je comprends. Écrivez-la JJ/MM, JJ/MM/AAAA ou AAAA-MM-JJ, par exemple `{example}`.',
  'standup.noSuchDate':
    'Le « {date} » n’existe pas dans le calendrier. Vérifiez le jour et le mois (JJ/MM), par exemple `28/02`.',
  'standup.datesBackwards':
    'La date de fin ({to}) est avant celle de début ({from}). Donnez d’abord le début, puis la fin.',
  'standup.absentUsage':
    'Usage : `/standup absent` pour la semaine en cours, ou `/standup absent <du> <au>` avec des dates JJ/MM, JJ/MM/AAAA ou AAAA-MM-JJ, par exemple `/standup absent 21/12 03/01`.',
  'standup.absentPast':
    'Le {date} est déjà passé : une absence commence aujourd’hui au plus tôt. Tapez par exemple `/standup absent {today} <au>`.',
  'standup.absentTooLong':
    'Une absence dure au plus un an ; du {from} au {to}, c’est plus. Indiquez une date de fin plus proche.',
  'standup.absentRecorded':
    'C’est noté : absence du {from} au {to}. Cohorte ne vous enverra aucun rappel de stand-up pendant ces jours.',
  'standup.absentRecordedDay':
    'C’est noté : absence le {date}. Cohorte ne vous enverra aucun rappel de stand-up ce jour-là.',
  'standup.historyUsage':
    'Usage : `/standup historique [@personne|e-mail|défi] [n]`, par exemple `/standup historique 8` ou `/standup historique lexiq 4`.',
  'standup.historyBadCount':
    '« {count} » : indiquez un nombre de périodes entre 1 et 12, par exemple `/standup historique 4`.',
  'standup.historyUnknown':
    'Je ne trouve ni personne ni défi pour « {who} ». Indiquez une @mention, un e-mail ou un défi ({defis}).',
  'standup.historyForbidden':
    'Vous pouvez relire votre propre historique ; celui d’une autre personne ou d’un défi est réservé aux mentors de ce défi et à la coordination. Tapez `/standup historique` pour le vôtre.',
  'standup.historyTitleOwn': 'Vos stand-ups, du plus récent au plus ancien',
  'standup.historyTitlePerson': 'Stand-ups écrits par {name}, du plus récent au plus ancien',
  'standup.historyTitleDefi': 'Stand-ups du défi {defi}, du plus récent au plus ancien',
  'standup.historyWeek': '*Semaine du {date}*',
  'standup.historyWeeks': '*Période du {from} au {to}*',
  'standup.historyDay': '*Journée du {date}*',
  'standup.historySilent': 'N’ont pas écrit : {names}',
  'standup.historyAbsent': 'Absents : {names}',
  'standup.historyEmptyOwn':
    'Vous n’avez pas encore écrit de stand-up. Tapez `/standup` pour écrire celui de la semaine.',
  'standup.historyEmptyPerson': '{name} n’a pas encore écrit de stand-up.',
  'standup.historyEmptyDefi': 'Le défi {defi} n’a pas encore eu de stand-up.',
  'standup.historyNoRitual': 'Le défi {defi} n’a pas de stand-up configuré.',
  'standup.exportUsage':
    'Usage : `/standup export [promotion] [du] [au]`, dates JJ/MM, JJ/MM/AAAA ou AAAA-MM-JJ, par exemple `/standup export eig7 01/09/2026 30/11/2026`.',
  'standup.exportUnknownPromotion':
    'Je ne connais pas de stand-up pour la promotion « {promotion} ». Promotions avec un stand-up : {promotions}.',
  'standup.exportNoRitual': 'Aucune promotion n’a de stand-up configuré : il n’y a rien à exporter.',
  'standup.exportEmpty': 'Aucune période de stand-up à exporter entre le {from} et le {to}.',
  'standup.exportQueued': 'L’export arrive en message privé dans un instant : {files}.',
  'standup.exportFileComment':
    'Stand-ups de la promotion {promotion}, du {from} au {to} : une ligne par personne et par période ({rows} {rows|ligne|lignes}).',
  'standup.csvPromotion': 'promotion',
  'standup.csvDefi': 'défi',
  'standup.csvEmail': 'e-mail',
  'standup.csvName': 'nom',
  'standup.csvPeriod': 'période',
  'standup.csvStart': 'début',
  'standup.csvEnd': 'fin',
  'standup.csvPostedAt': 'posté le',
  'standup.csvAbsent': 'absent',
  'standup.csvYes': 'oui',
  'standup.csvNo': 'non',
  'reminder.text':
    'Petit rappel : votre stand-up de la semaine n’est pas encore écrit. Échéance : {deadline}.',
  'reminder.textMoved':
    'Petit rappel : votre stand-up de la semaine n’est pas encore écrit. Échéance avancée au {deadline}, le {day} étant férié.',
  'reminder.button': 'Écrire mon stand-up',
  'digest.title': 'Stand-up {defi}, semaine du {week}',
  'digest.absent': 'Absents : {names}',
  'digest.silent': 'Pas encore écrit : {names}',
  'digest.nobody': 'Personne n’a encore écrit cette semaine.',
  'digest.helpTitle': '*Besoin d’aide*',
  'digest.findHelper': 'Trouver quelqu’un',
  'digest.fallback': 'Stand-up {defi} : {posted} sur {expected} {posted|a écrit|ont écrit}',
  'rollup.title': 'Stand-ups de la semaine du {week}',
  'rollup.line': '*{defi}* {moods} · {posted}/{expected}',
  'rollup.lineHelp': '*{defi}* {moods} · {posted}/{expected} · aide demandée ({help})',
} as const;
