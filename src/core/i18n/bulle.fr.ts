/** The bulloterie's strings (fr), spread into the French catalog. */
export const bulleFr = {
  'help.bulle.aide': '`/bulle aide` : cette aide',
  'help.bulle.partage': '`/bulle partage <compétence>[, …]` : dire ce que vous pouvez partager',
  'help.bulle.cherche':
    '`/bulle cherche <compétence> [— précisions]` : être mis en relation avec quelqu’un qui s’y connaît',
  'help.bulle.mes': '`/bulle mes` : vos bulles et vos demandes (à annuler d’un clic)',
  'help.bulle.retire': '`/bulle retire <compétence>[, …]` : retirer une ou plusieurs de vos bulles',
  'help.bulle.carte': '`/bulle carte` : les bulles de la communauté, par domaine',
  'help.bulle.pause':
    '`/bulle pause <JJ/MM>` : ne plus recevoir de proposition jusqu’à cette date (`/bulle pause fin` pour reprendre)',
  'help.bulle.import': '`/bulle import` : importer le CSV de l’atelier bulles du bootcamp',

  'bulle.usage.partage': 'Dites ce que vous pouvez partager, par exemple : `/bulle partage Docker, SQL`.',
  'bulle.usage.cherche':
    'Dites ce que vous cherchez, par exemple : `/bulle cherche Docker — déployer notre API`.',
  'bulle.unreadableTopic':
    'Je n’ai pas compris « {typed} » comme une compétence. Écrivez-la en mots, vos précisions suivent : `/bulle cherche <compétence> — {details}`.',
  'bulle.usage.retire':
    'Dites quelle bulle retirer, par exemple : `/bulle retire Docker, SQL`. `/bulle mes` les liste.',
  'bulle.partage.unreadable':
    'Je n’ai pas compris « {typed} » comme une compétence : rien n’est ajouté. Écrivez vos compétences en toutes lettres, séparées par des virgules, par exemple : `/bulle partage Docker, SQL`.',
  'bulle.notUnderstood':
    'Pas compris comme une compétence, donc pas ajouté : « {typed} ». Pour l’ajouter, écrivez-le en toutes lettres : `/bulle partage <compétence>`.',
  'bulle.shared': 'C’est noté, vous partagez : {topics}.',
  'bulle.alreadyShared': 'Vous partagiez déjà : {topics}.',
  'bulle.corrected': '« {typed} » est compris comme *{label}*.',
  'bulle.didYouMean':
    '« {typed} » ressemble à *{label}*, déjà sur la carte. Vouliez-vous dire {label} ? Tapez `/bulle {verb} {label}{rest}`, ou `/bulle {verb} {typed} !{rest}` pour garder votre écriture.',
  'bulle.topicTooLong':
    '« {typed} » est trop long pour une compétence ({max} caractères au plus). Écrivez la compétence en quelques mots, puis les précisions après « — » : `/bulle cherche <compétence> — {typed}{rest}`.',
  'bulle.topicTooLong.partage':
    '« {typed} » est trop long pour une compétence ({max} caractères au plus) : rien n’est ajouté. Écrivez chaque compétence en quelques mots, séparées par des virgules : `/bulle partage Docker, SQL`.',
  'bulle.markupTopic':
    '« {typed} » ressemble à une mention ou à un lien du chat, pas à une compétence : rien n’est ajouté. Écrivez la compétence en toutes lettres, par exemple : `/bulle partage Docker, SQL`.',
  'bulle.markupTopic.details':
    '« {typed} » ressemble à une mention ou à un lien du chat, pas à une compétence. Écrivez-la en mots, vos précisions suivent : `/bulle cherche <compétence> — {details}`.',
  'bulle.detailsTooLong':
    'Vos précisions font {length} caractères : {max} au plus. Raccourcissez-les, puis retapez : `/bulle cherche {typed} — {details}`',
  'bulle.removed': 'C’est retiré : {topic}.',
  'bulle.notFound': 'Vous n’avez pas de bulle « {topic} ». Tapez `/bulle mes` pour voir les vôtres.',
  'bulle.notFoundMany': 'Vous n’avez pas de bulle pour : {topics}. Tapez `/bulle mes` pour voir les vôtres.',

  'bulle.mine.title': '*Vos bulles*',
  'bulle.mine.shares': 'Vous partagez : {topics}',
  'bulle.mine.learns': 'Vous êtes curieux ou curieuse de : {topics}',
  'bulle.mine.none':
    'Aucune bulle pour l’instant : `/bulle partage <compétence>` ou `/bulle cherche <compétence>`.',
  'bulle.mine.requests': '*Vos demandes*',
  'bulle.mine.request': '*{topic}* : {status} (depuis le {date})',
  'bulle.mine.paused': 'Pas de proposition pour vous jusqu’au {date} inclus.',
  'bulle.status.open': 'on cherche quelqu’un',
  'bulle.status.proposed': 'proposée à quelqu’un, réponse attendue',
  'bulle.status.accepted': 'mise en relation faite',
  'bulle.status.met': 'échange fait',
  'bulle.status.notmet': 'pas d’échange',
  'bulle.status.cancelled': 'annulée',
  'bulle.cancel': 'Annuler la demande',
  'bulle.cancel.gone':
    'Cette demande n’est plus en cours ({status}) : rien à annuler. Tapez `/bulle mes` pour voir vos demandes.',

  'bulle.requested':
    'Demande enregistrée : *{topic}*. Je cherche quelqu’un et je vous tiens au courant en message privé.',
  'bulle.alreadyRequested': 'Vous avez déjà une demande en cours sur *{topic}* ; `/bulle mes` la montre.',
  'bulle.alreadyRequested.other':
    '{requester} a déjà une demande en cours sur *{topic}* : une seule à la fois par sujet (`/bulle mes` la lui montre).',
  'bulle.toRequester.proposed':
    'Votre demande *{topic}* est proposée à une personne qui peut vous aider ; elle a jusqu’au {deadline} pour répondre.',
  'bulle.toRequester.escalated':
    'Personne n’est disponible pour *{topic}* en ce moment : votre demande est publiée dans {channel} pour les alumni et les mentors.',
  'bulle.toRequester.cancelled': 'Votre demande *{topic}* est annulée.',
  'bulle.notYourRequest': 'Seule la personne qui a fait cette demande peut l’annuler.',

  'bulle.proposal': '*{requester}* cherche de l’aide sur *{topic}*. Pouvez-vous l’aider ?',
  'bulle.details': 'Précisions : {details}',
  'bulle.why.equal': 'Proposé parce que vous partagez : {shares}.',
  'bulle.why.related': 'Proposé parce que vous partagez : {shares}, proche de {topic}.',
  'bulle.proposal.deadline': 'Sans réponse avant le {deadline}, je proposerai à quelqu’un d’autre.',
  'bulle.accept': 'Accepter',
  'bulle.decline': 'Pas disponible',
  'bulle.accepted': 'Merci ! Une conversation avec {requester} vient de s’ouvrir.',
  'bulle.declined': 'C’est noté, merci d’avoir répondu.',
  'bulle.gone':
    'Cette proposition n’est plus d’actualité (déjà acceptée, annulée ou passée à quelqu’un d’autre).',
  'bulle.expired':
    'Sans réponse de votre part, la demande sur *{topic}* ({requester}) est passée à quelqu’un d’autre.',
  'bulle.withdrawn': '{requester} a annulé sa demande sur *{topic}* : plus rien à faire, merci !',
  'bulle.helpedElsewhere':
    '{requester} a trouvé de l’aide sur *{topic}* dans le canal des alumni : plus rien à faire, merci !',
  'bulle.intro':
    'Bonjour {requester} et {helper} ! {requester} cherche de l’aide sur *{topic}*, et {helper} partage *{shares}*. À vous de convenir d’un moment ; je reviens vers vous dans 14 jours.',

  'bulle.escalation': 'Qui peut aider ? *{requester}* cherche de l’aide sur *{topic}*.',
  'bulle.canHelp': 'Je peux aider',
  'bulle.canHelp.onlyAlumni':
    'Ce bouton est pour les alumni et les mentors. Pour aider, dites ce que vous partagez : `/bulle partage {topic}`.',
  'bulle.canHelp.taken': 'Merci ! Quelqu’un a déjà proposé son aide.',
  'bulle.canHelp.gone': 'Merci ! Cette demande n’est plus en cours ({status}) : il n’y a plus rien à faire.',
  'bulle.canHelp.own': 'C’est votre propre demande : `/bulle mes` permet de l’annuler.',
  'bulle.escalation.taken': '{helper} aide {requester} sur *{topic}*. Merci !',

  'bulle.followup': 'Avez-vous pu échanger avec {helper} sur *{topic}* ?',
  'bulle.met': 'Oui, nous avons échangé',
  'bulle.notMet': 'Non, pas encore',
  'bulle.followup.met': 'Merci, c’est noté ! Bonne continuation.',
  'bulle.followup.notMet': 'C’est noté. Pour retenter avec quelqu’un d’autre : `/bulle cherche {topic}`.',

  'bulle.pause.usage':
    'Usage : `/bulle pause <JJ/MM>` (pas de proposition jusqu’à cette date incluse), ou `/bulle pause fin`.',
  'bulle.pause.past': 'Le {date} est déjà passé : indiquez une date à venir.',
  'bulle.pause.done': 'C’est noté : pas de proposition pour vous jusqu’au {date} inclus.',
  'bulle.pause.ended': 'C’est noté : vous pouvez de nouveau recevoir des propositions.',

  'bulle.map.title': '*La carte des bulles*',
  'bulle.map.empty': 'La carte est vide : lancez-vous avec `/bulle partage <compétence>`.',
  'bulle.map.topic': '{topic} : partagé par {sharers} · curieux : {learners}',
  'bulle.map.nobody': 'personne',
  'bulle.domain.Data': 'Data',
  'bulle.domain.Design': 'Design',
  'bulle.domain.Dev': 'Dev',
  'bulle.domain.Transverse': 'Transverse',
  'bulle.domain.Autre': 'Autre',

  'bulle.import.title': 'Importer les bulles',
  'bulle.import.submit': 'Importer',
  'bulle.import.field': 'CSV de l’atelier (avec la ligne d’en-tête)',
  'bulle.import.fallback': 'Collez le CSV de l’atelier : `/bulle import` ouvre un formulaire pour cela.',
  'bulle.import.badHeader':
    'Colonnes attendues : Nom ou e-mail, Métier, Thème, Sujet, Prend, Donne. Collez le CSV avec sa ligne d’en-tête.',
  'bulle.import.done':
    '{skills} {skills|bulle importée|bulles importées} pour {people} {people|personne|personnes} ; {duplicates} déjà {duplicates|connue|connues}.',
  'bulle.import.unknown': 'Personnes introuvables, à ajouter à `community.yml` : {list}',
  'bulle.import.skipped': 'Lignes sans sujet ni thème, ou sans Prend ni Donne, ignorées : {lines}',

  'bulle.standup.sent': 'Demande confiée à la bulloterie pour {requester} : *{topic}*.',
  'bulle.summary':
    'Bulloterie, semaine du {date} : {open} en attente, {matched} en relation, {met} échanges faits, {stuck} bloquées depuis plus de deux semaines.',
  'bulle.summary.stuck': '{requester} : *{topic}*, depuis le {date}',
} as const;
