/** The rituals feature's French strings (`/rituel`), spread into the reference catalog. */
export const ritualFr = {
  'help.rituel':
    '`/rituel liste` : les rituels (fichier et chat, stand-ups compris) et leurs trois prochaines dates',
  'help.rituel.ajouter':
    '`/rituel ajouter [id]` : créer un rituel (formulaire), ou modifier un rituel créé dans le chat',
  'help.rituel.pause': '`/rituel pause <id>` : suspendre un rituel',
  'help.rituel.reprendre': '`/rituel reprendre <id>` : reprendre un rituel suspendu',
  'help.rituel.supprimer': '`/rituel supprimer <id>` : supprimer un rituel créé dans le chat',
  'help.rituel.sauter':
    '`/rituel sauter <id>` : ne pas publier la prochaine occurrence seulement (`/rituel sauter <id> annuler` pour revenir en arrière)',
  'ritual.listTitle': 'Rituels',
  'ritual.empty': 'Aucun rituel pour l’instant. Tapez `/rituel ajouter` pour en créer un.',
  'ritual.lineFile': '*{id}* (community.yml) dans {channel} : « {message} »',
  'ritual.lineStandup':
    '*{id}* (stand-up de la promotion {promotion}, community.yml) : `/standup` pour écrire le sien',
  'ritual.nextDeadlines': 'Prochaines échéances : {dates}',
  'ritual.lineChat': '*{id}* (créé dans le chat) dans {channel} : « {message} »',
  'ritual.next': 'Prochaines dates : {dates}',
  'ritual.paused': 'En pause : tapez `/rituel reprendre {id}` pour le relancer.',
  'ritual.none': 'Aucune date à venir (dates actives passées).',
  'ritual.usage.pause': 'Usage : `/rituel pause <id>`. Tapez `/rituel liste` pour voir les identifiants.',
  'ritual.usage.resume':
    'Usage : `/rituel reprendre <id>`. Tapez `/rituel liste` pour voir les identifiants.',
  'ritual.usage.delete':
    'Usage : `/rituel supprimer <id>`. Tapez `/rituel liste` pour voir les identifiants.',
  'ritual.usage.skip':
    'Usage : `/rituel sauter <id>`, ou `/rituel sauter <id> annuler` pour publier de nouveau la dernière date sautée. Tapez `/rituel liste` pour voir les identifiants.',
  'ritual.unknown':
    'Je ne connais pas le rituel « {id} ». Tapez `/rituel liste` pour voir les identifiants, ou `/rituel ajouter` (sans identifiant) pour en créer un.',
  'ritual.fileOnly':
    'Le rituel « {id} » est défini dans `community.yml` : modifiez-le dans le fichier, ou suspendez-le avec `/rituel pause {id}`.',
  'ritual.idTaken':
    'L’identifiant « {id} » est déjà celui d’un rituel de `community.yml`. Choisissez-en un autre.',
  'ritual.idTakenChat':
    'L’identifiant « {id} » est déjà celui d’un rituel créé dans le chat. Choisissez-en un autre, ou tapez `/rituel ajouter {id}` pour modifier celui-là.',
  'ritual.editDeleted':
    'Le rituel *{id}* a été supprimé entre-temps : rien n’est enregistré. Tapez `/rituel ajouter` pour en créer un nouveau.',
  'ritual.pausedDone':
    'C’est fait : le rituel *{id}* est en pause. `/rituel reprendre {id}` pour le relancer.',
  'ritual.alreadyPaused': 'Le rituel *{id}* est déjà en pause. `/rituel reprendre {id}` pour le relancer.',
  'ritual.resumed': 'C’est fait : le rituel *{id}* reprend. {next}',
  'ritual.notPaused': 'Le rituel *{id}* n’est pas en pause. {next}',
  'ritual.deleted': 'C’est fait : le rituel *{id}* est supprimé.',
  'ritual.skipped':
    'C’est noté : le rituel *{id}* ne sera pas publié le {date}.{also} Pour revenir en arrière : `/rituel sauter {id} annuler`. {next}',
  'ritual.skippedAll': ' Dates sautées à venir : {dates}.',
  'ritual.unskipped': 'C’est fait : le rituel *{id}* sera de nouveau publié le {date}. {next}',
  'ritual.unskipNone': 'Le rituel *{id}* n’a aucune date sautée à venir : rien à annuler. {next}',
  'ritual.skipNone': 'Le rituel *{id}* n’a pas de prochaine date à sauter.',
  'ritual.skipPaused': 'Le rituel *{id}* est en pause : il n’y a rien à sauter.',
  'ritual.created': 'C’est fait : le rituel *{id}* est créé. {next}',
  'ritual.updated': 'C’est fait : le rituel *{id}* est modifié. {next}',
  'ritual.formTitle': 'Nouveau rituel',
  'ritual.formEdit': 'Modifier le rituel',
  'ritual.formSubmit': 'Enregistrer',
  'ritual.formFallback': 'Le formulaire des rituels n’a pas pu s’ouvrir : tapez la commande de nouveau.',
  'ritual.field.id': 'Identifiant (lettres, chiffres, - et _ ; ex. cafe)',
  'ritual.field.message': 'Message publié',
  'ritual.field.channel': 'Canal (par défaut : le canal de la communauté)',
  'ritual.field.days': 'Jours (ex. lundi, jeudi ; un seul avec « n-ième »)',
  'ritual.field.time': 'Heure (ex. 9:30 ou 09:30)',
  'ritual.field.every': 'Toutes les N semaines (vide : chaque semaine)',
  'ritual.field.nth': 'N-ième jour du mois (ex. 1 : le premier jeudi)',
  'ritual.field.cron': 'Ou une expression cron (remplace jours et heure)',
  'ritual.field.start': 'Du (JJ/MM/AAAA, facultatif)',
  'ritual.field.end': 'Au (JJ/MM/AAAA, facultatif)',
  'ritual.nthLast': 'le dernier',
  'ritual.field.holidays': 'Sauter les jours fériés',
  'ritual.fix.id': 'Un identifiant court : lettres, chiffres, - et _, par exemple `cafe`.',
  'ritual.fix.message': 'Écrivez le message à publier (3000 caractères au plus).',
  'ritual.fix.channel': 'Indiquez un canal, par exemple `#eig-communaute`, ou laissez vide.',
  'ritual.fix.days': 'Indiquez un ou plusieurs jours, par exemple `lundi, jeudi`.',
  'ritual.fix.time': 'Une heure, par exemple `09:30` ou `9:30` (pas entre 01:00 et 02:59).',
  'ritual.fix.every': 'Un nombre de semaines de 1 à 8, par exemple `2`.',
  'ritual.fix.nth': 'Choisissez 1, 2, 3, 4 ou « dernier ».',
  'ritual.fix.cron': 'Une expression cron à 5 champs, par exemple `0 9 * * 1` (le lundi à 09:00).',
  'ritual.fix.cronOften':
    'Un rituel est publié une fois par jour au plus : une seule minute et une seule heure, par exemple `0 9 * * 1` (le lundi à 09:00) ou `30 8 * * 1-5` (du lundi au vendredi à 08:30).',
  'ritual.fix.start': 'Une date du calendrier, JJ/MM/AAAA, JJ/MM ou AAAA-MM-JJ, par exemple `{example}`.',
  'ritual.fix.end':
    'Une date du calendrier, JJ/MM/AAAA, JJ/MM ou AAAA-MM-JJ, après celle de début, par exemple `{example}`.',
  'ritual.fix.endPast':
    'Cette date de fin est déjà passée : indiquez aujourd’hui ({today}) ou plus tard, ou laissez vide.',
  'ritual.fix.holidays': 'Choisissez oui ou non.',
} as const;
