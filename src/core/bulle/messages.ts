import type { Translate } from '../i18n/index.js';
import { type Block, type Message, plain, type Rich, textMessage } from '../message.js';
import type { BulleRequest, MatchReason } from './store.js';

/** Buttons of the bulloterie (letters and digits only: Mattermost). Values are `<choice>|<request id>` or the id. */
export const BULLE_REPLY_ACTION = 'bullereply';
export const BULLE_CAN_HELP_ACTION = 'bullecanhelp';
export const BULLE_CANCEL_ACTION = 'bullecancel';
export const BULLE_FOLLOWUP_ACTION = 'bullefollowup';

/** Splits a `<choice>|<id>` button value. */
export function choiceOf(value: string): { choice: string; id: string } {
  const cut = value.indexOf('|');
  return cut < 0 ? { choice: '', id: value } : { choice: value.slice(0, cut), id: value.slice(cut + 1) };
}

/** Two buttons of one action, the first one primary, whose values `choiceOf` splits back. */
const choices = (
  actionId: string,
  request: BulleRequest,
  yes: [string, Rich],
  no: [string, Rich],
): Block => ({
  kind: 'actions',
  buttons: [
    { actionId, label: yes[1], value: `${yes[0]}|${request.id}`, style: 'primary' },
    { actionId, label: no[1], value: `${no[0]}|${request.id}` },
  ],
});

const withDetails = (t: Translate, request: BulleRequest, first: Rich): Rich[] =>
  request.details ? [first, t('bulle.details', { details: request.details })] : [first];

/** The DM asking a candidate: who, what, why them, until when; *Accepter* / *Pas disponible*. */
export function proposalMessage(
  t: Translate,
  request: BulleRequest,
  requester: string,
  reason: MatchReason,
  deadline: string,
): Message {
  const lines = withDetails(t, request, t('bulle.proposal', { requester, topic: request.label }));
  const why =
    reason.match === 'equal'
      ? t('bulle.why.equal', { shares: reason.shares })
      : t('bulle.why.related', { shares: reason.shares, topic: request.label });
  return {
    fallback: lines[0] ?? plain(''),
    blocks: [
      ...lines.map((text) => ({ kind: 'section' as const, text })),
      {
        kind: 'context',
        text: [...why, { kind: 'plain', text: ' ' }, ...t('bulle.proposal.deadline', { deadline })],
      },
      choices(BULLE_REPLY_ACTION, request, ['accept', t('bulle.accept')], ['decline', t('bulle.decline')]),
    ],
  };
}

/** The post in the alumni channel: *Qui peut aider ?* with *Je peux aider*. */
export function escalationMessage(t: Translate, request: BulleRequest, requester: string): Message {
  const lines = withDetails(t, request, t('bulle.escalation', { requester, topic: request.label }));
  return {
    fallback: lines[0] ?? plain(''),
    blocks: [
      ...lines.map((text) => ({ kind: 'section' as const, text })),
      {
        kind: 'actions',
        buttons: [
          { actionId: BULLE_CAN_HELP_ACTION, label: t('bulle.canHelp'), value: request.id, style: 'primary' },
        ],
      },
    ],
  };
}

/** The group DM that introduces the requester and the helper, with the request. */
export function introMessage(
  t: Translate,
  request: BulleRequest,
  names: { requester: string; helper: string },
  shares: string,
): Message {
  return textMessage(
    ...withDetails(t, request, t('bulle.intro', { ...names, topic: request.label, shares })),
  );
}

/** The follow-up question to the requester, 14 days after the introduction. */
export function followUpMessage(t: Translate, request: BulleRequest, helper: string): Message {
  const question = t('bulle.followup', { helper, topic: request.label });
  return {
    fallback: question,
    blocks: [
      { kind: 'section', text: question },
      choices(BULLE_FOLLOWUP_ACTION, request, ['met', t('bulle.met')], ['notmet', t('bulle.notMet')]),
    ],
  };
}

/** A line with a *Annuler la demande* button (the requester's notices and `/bulle mes`). */
export function withCancel(t: Translate, text: Rich, request: BulleRequest): Message {
  return {
    fallback: text,
    blocks: [
      { kind: 'section', text },
      {
        kind: 'actions',
        buttons: [{ actionId: BULLE_CANCEL_ACTION, label: t('bulle.cancel'), value: request.id }],
      },
    ],
  };
}
