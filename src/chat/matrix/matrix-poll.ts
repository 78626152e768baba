import { z } from 'zod';
import { type Button, type Message, type Rich, toPlainText } from '../../core/message.js';
import { defuse } from './matrix-render.js';
import { type MatrixEvent, RelatesToSchema } from './matrix-schemas.js';

// Polls are MSC3381, not in the spec yet: Element (Tchap is built on it) sends its unstable types
// (`org.matrix.msc3381.*`) in ordinary rooms, so the bot does too, and reads the stable names as well.
export const POLL_START = 'org.matrix.msc3381.poll.start';
export const POLL_END = 'org.matrix.msc3381.poll.end';
const TEXT = 'org.matrix.msc1767.text';
const POLL_RESPONSES = new Set(['org.matrix.msc3381.poll.response', 'm.poll.response']);

/** The question and buttons of the message's poll, when the core offered one (`actions` with `poll`). */
export function pollOf(message: Message): { question: Rich; buttons: Button[] } | undefined {
  for (const block of message.blocks)
    if (block.kind === 'actions' && block.poll) return { question: block.poll, buttons: block.buttons };
  return undefined;
}

/**
 * The content of a poll start: one answer per button, its id the button's number (from 1), one answer each,
 * results shown as they come (`disclosed`), a text fallback for clients without polls, and `m.mentions` empty.
 */
export function renderPoll(question: Rich, buttons: readonly Button[]): Record<string, unknown> {
  const asked = defuse(toPlainText(question));
  const answers = buttons.map((b, i) => ({ id: String(i + 1), [TEXT]: defuse(toPlainText(b.label)) }));
  return {
    [TEXT]: [asked, ...answers.map((a) => `${a.id}. ${a[TEXT]}`)].join('\n'),
    [POLL_START]: {
      kind: 'org.matrix.msc3381.poll.disclosed',
      max_selections: 1,
      question: { [TEXT]: asked },
      answers,
    },
    'm.mentions': {},
  };
}

/**
 * The content of an edit of the poll `pollId` (`m.replace`, sent with the poll start's type, as an edit has the type
 * of what it replaces): clients show `content` in its place, the votes cast kept (MSC3381 lets a poll be edited;
 * the answers keep their ids). The text fallback, starred like an edited message, is for clients without polls.
 */
export function renderPollEdit(pollId: string, content: Record<string, unknown>): Record<string, unknown> {
  return {
    [TEXT]: `* ${String(content[TEXT])}`,
    'm.new_content': content,
    'm.relates_to': { rel_type: 'm.replace', event_id: pollId },
    'm.mentions': {},
  };
}

/**
 * The content of a poll end: a reference to the poll, the text fallback (`ended`, for clients without polls) and the
 * empty `org.matrix.msc3381.poll.end` marker the unstable form requires; no results (the unstable form dropped them).
 */
export function renderPollEnd(pollId: string, ended: string): Record<string, unknown> {
  return {
    'm.relates_to': { rel_type: 'm.reference', event_id: pollId },
    [TEXT]: ended,
    [POLL_END]: {},
    'm.mentions': {},
  };
}

const AnswersSchema = z.array(z.string());

/**
 * A vote: the poll it answers (`m.reference`) and the number of the answer picked; undefined for anything else, a
 * vote withdrawn (no answer) or an answer that is no number.
 */
export function pollVote(event: MatrixEvent): { pollId: string; n: number } | undefined {
  if (!POLL_RESPONSES.has(event.type)) return undefined;
  const relation = RelatesToSchema.safeParse(event.content['m.relates_to']);
  if (!relation.success || relation.data.rel_type !== 'm.reference' || !relation.data.event_id)
    return undefined;
  const unstable = z
    .looseObject({ answers: AnswersSchema })
    .safeParse(event.content['org.matrix.msc3381.poll.response']);
  const stable = AnswersSchema.safeParse(event.content['m.selections']);
  const [first] = unstable.success ? unstable.data.answers : stable.success ? stable.data : [];
  return first && /^\d{1,2}$/.test(first) ? { pollId: relation.data.event_id, n: Number(first) } : undefined;
}
