/** The sessions feature's French strings (`/session`, announcements, reminders, feedback). */
export const sessionsFr = {
  'help.session': '`/session` : les sessions à venir et votre réponse',
  'help.session.nouvelle': '`/session nouvelle` : créer une session (formulaire) et l’annoncer',
  'help.session.modifier':
    '`/session modifier <id>` : changer une session (formulaire prérempli) et prévenir les inscrits',
  'help.session.annuler': '`/session annuler <id>` : annuler une session et prévenir les inscrits',
  'help.session.avis': '`/session avis <id>` : le résumé des avis d’une session passée',

  'session.fallback': 'Session « {title} » le {date}',
  'session.when': '{date}, {start}–{end}',
  'session.where': '{place}',
  'session.whereAddress': '{place}, {address}',
  'session.agenda': 'Programme : {agenda}',
  'session.audience': 'Pour : {who}',
  'session.audiencePromotion': 'la promotion {promotion}',
  'session.audienceMentors': 'leurs mentors',
  'session.audienceAlumni': 'les alumni',
  'session.audienceCoordination': 'la coordination',
  'session.headcount':
    '*{yes}* {yes|vient|viennent} · *{maybe}* peut-être · *{no}* {no|ne vient pas|ne viennent pas}',
  'session.headcountCapacity':
    '*{yes}* / {capacity} {capacity|place prise|places prises} · *{maybe}* peut-être · *{no}* {no|ne vient pas|ne viennent pas} · *{waiting}* en liste d’attente',
  'session.yes': 'Je viens',
  'session.pollQuestion': 'Venez-vous à {title}, le {date} ?',
  'session.maybe': 'Peut-être',
  'session.no': 'Je ne viens pas',
  'session.icsLink': 'Ajouter à mon agenda',
  'session.feedLink': 'S’abonner à toutes les sessions',
  'session.cancelledTitle': 'Annulée : {title}',
  'session.cancelledNote': 'Cette session est annulée.',

  'session.rsvp.yes': 'C’est noté : vous venez le {date}. À bientôt !',
  'session.rsvp.maybe': 'C’est noté : peut-être le {date}. La veille, vous recevrez un rappel avec le lieu.',
  'session.rsvp.no': 'C’est noté : vous ne venez pas le {date}.',
  'session.rsvp.waiting':
    'La session est complète : vous êtes n° {rank} sur la liste d’attente. Vous serez prévenu·e dès qu’une place se libère.',
  'session.rsvp.cancelled': 'Cette session est annulée : il n’y a plus de réponse à donner.',
  'session.rsvp.past': 'Cette session est passée : il n’y a plus de réponse à donner.',
  'session.rsvp.notAudience':
    'Cette session est pour : {who}. Vous n’en faites pas partie : votre réponse n’est pas enregistrée. Si c’est une erreur, écrivez à la coordination.',
  'session.promoted':
    'Une place s’est libérée : vous êtes inscrit·e à *{title}* le {date}. Si vous ne pouvez plus venir, cliquez sur « Je ne viens pas » dans l’annonce.',
  'session.unknown':
    'Je ne connais pas la session « {id} ». L’identifiant d’une session, même passée, est sa date : par exemple `{example}` ou `{iso}` (`{iso}-2` pour la deuxième du jour, `<règle>-{iso}` pour une session de `community.yml`). Tapez `/session` pour voir les sessions à venir.',

  'session.listTitle': 'Sessions à venir',
  'session.listLine': '*{title}* (`{id}`) : {when}, {where}',
  'session.yourAnswer': 'Votre réponse : {answer}',
  'session.noAnswer': 'Vous n’avez pas encore répondu : cliquez dans l’annonce.',
  'session.answer.yes': 'je viens',
  'session.answer.maybe': 'peut-être',
  'session.answer.no': 'je ne viens pas',
  'session.answer.waiting': 'liste d’attente',
  'session.none': 'Aucune session à venir.',

  'session.formTitle': 'Nouvelle session',
  'session.formSubmit': 'Créer et annoncer',
  'session.formEdit': 'Modifier la session',
  'session.formEditSubmit': 'Enregistrer et prévenir',
  'session.changed':
    'C’est fait : la session *{title}* (`{id}`) est modifiée ; l’annonce est à jour et {count} {count|personne prévenue|personnes prévenues}.',
  'session.changedNotice':
    'La session *{title}* a changé : {date}, {start}–{end}, {where}. Le fichier joint met votre agenda à jour.',
  'session.modifyUsage': 'Usage : `/session modifier <id>`. Tapez `/session` pour voir les identifiants.',
  'session.formFallback': 'Le formulaire de session n’a pas pu s’ouvrir : tapez la commande de nouveau.',
  'session.field.title': 'Titre',
  'session.field.date': 'Date (JJ/MM/AAAA)',
  'session.field.start': 'Début (ex. 9:30)',
  'session.field.end': 'Fin (ex. 17:30)',
  'session.field.place': 'Lieu',
  'session.field.address': 'Adresse',
  'session.field.agenda': 'Programme',
  'session.field.capacity': 'Capacité (vide : sans limite)',
  'session.field.promotions': 'Promotions invitées (ex. eig7 ; vide : aucune)',
  'session.field.mentors': 'Mentors invités ?',
  'session.field.alumni': 'Alumni invités ?',
  'session.fix.title': 'Donnez un titre (150 caractères au plus).',
  'session.fix.date': 'Une date à venir, JJ/MM/AAAA, JJ/MM ou AAAA-MM-JJ, par exemple `{example}`.',
  'session.fix.dateFull':
    'Ce jour compte déjà {count} sessions : choisissez une autre date, ou changez l’une d’elles avec `/session modifier <id>`.',
  'session.fix.start': 'Une heure, par exemple `09:30` ou `9:30`.',
  'session.fix.end': 'Une heure après le début, par exemple `17:30`.',
  'session.fix.place': 'Indiquez le lieu, par exemple `Ségur`.',
  'session.fix.address': 'L’adresse tient en 300 caractères.',
  'session.fix.agenda': 'Le programme tient en 2000 caractères.',
  'session.fix.capacity': 'Un nombre de places, par exemple `60`, ou laissez vide.',
  'session.fix.capacityBelow':
    '{yes} {yes|personne vient|personnes viennent} déjà : indiquez une capacité de {yes} ou plus, ou laissez vide (sans limite). Pour libérer des places, elles peuvent cliquer sur « Je ne viens pas » dans l’annonce.',
  'session.fix.promotions': 'Des promotions de community.yml séparées par des virgules : {promotions}.',
  'session.fix.mentors': 'Choisissez oui ou non.',
  'session.fix.alumni': 'Choisissez oui ou non.',
  'session.created':
    'C’est fait : la session *{title}* du {date} (`{id}`) est créée et annoncée dans {channel}.',

  'session.cancelUsage': 'Usage : `/session annuler <id>`. Tapez `/session` pour voir les identifiants.',
  'session.cancelDone':
    'C’est fait : la session *{title}* du {date} est annulée ; {count} {count|personne prévenue|personnes prévenues}.',
  'session.alreadyCancelled': 'La session *{title}* du {date} est déjà annulée.',
  'session.cancelPast': 'La session *{title}* du {date} est passée : elle ne peut plus être annulée.',
  'session.cancelNotice':
    'La session *{title}* du {date} est annulée. Le fichier joint la retire de votre agenda.',

  'session.d7': 'Dans une semaine, le {date} : *{title}* à {place}. Venez-vous ? Répondez d’un clic.',
  'session.d7Full':
    'Dans une semaine, le {date} : *{title}* à {place}. La session est complète ({capacity} {capacity|place|places}) : « Je viens » vous inscrit sur la liste d’attente.',
  'session.d1':
    'Rappel : demain, *{title}*, {start}–{end}, {where}. Le fichier joint l’ajoute à votre agenda.',
  'session.morning':
    'C’est aujourd’hui : *{title}*, {start}–{end}, {where}. {yes} {yes|personne vient|personnes viennent}.',
  'session.standupTitle': 'Stand-up d’ouverture : où en sont les défis',
  'session.standupDefi': '*{defi}* {moods}',
  'session.standupNoDigest': '*{defi}* : pas de stand-up récent',
  'session.standupHelp': 'Besoin d’aide ({name}) : {text}',
  'session.standupComing': 'Viennent : {names}',

  'session.feedbackAsk': 'Merci d’être venu·e à *{title}* hier ! Votre avis en une minute ?',
  'session.feedbackButton': 'Donner mon avis',
  'session.feedbackFormTitle': 'Votre avis',
  'session.feedbackFormSubmit': 'Envoyer',
  'session.feedbackRating': 'Note (de 1 : décevant, à 5 : excellent)',
  'session.feedbackComment': 'Un commentaire ? (facultatif)',
  'session.feedbackFix': 'Choisissez une note de 1 à 5.',
  'session.feedbackThanks': 'Merci pour votre avis !',
  'session.feedbackNotAttendee': 'Seules les personnes inscrites à cette session peuvent donner leur avis.',
  'session.summaryTitle': 'Avis sur *{title}* du {date}',
  'session.summaryLine':
    '{count} avis sur {attendees} {attendees|inscrit|inscrits}, note moyenne {average} / 5',
  'session.summaryComment': '« {comment} » ({rating}/5)',
  'session.summaryNone': 'Aucun avis reçu pour *{title}* du {date}.',
  'session.summaryUsage':
    'Usage : `/session avis <id>`. L’identifiant d’une session, même passée, est sa date : par exemple `{example}` ou `{iso}` (`<règle>-{iso}` pour une session de `community.yml`).',
} as const;
