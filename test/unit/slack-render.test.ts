import { describe, expect, it } from 'vitest';
import { renderSlack, SLACK_LIMITS, type SlackBlock } from '../../src/chat/slack/slack-render.js';
import { translateAction } from '../../src/chat/slack/slack-translate.js';
import { translate } from '../../src/core/i18n/index.js';
import { type Button, type Message, plain, type Rich, textMessage } from '../../src/core/message.js';
import { LIMITS } from '../support/block-kit-limits.js';

/** A block-actions body as Slack sends it, around one clicked element. */
const actionBody = { type: 'block_actions', user: { id: 'U123' }, channel: { id: 'C1' } };

type TextObject = { type: string; text: string };
const textObject = (value: unknown): TextObject => value as TextObject;
const sectionTexts = (blocks: SlackBlock[]): string[] =>
  blocks.filter((b) => b.type === 'section').map((b) => textObject(b.text).text);
const elementsOf = (block: SlackBlock | undefined): SlackBlock[] => (block?.elements ?? []) as SlackBlock[];
const only = <T>(list: T[]): T => {
  expect(list).toHaveLength(1);
  return list[0] as T;
};
const buttons = (n: number, actionId = 'vote'): Button[] =>
  Array.from({ length: n }, (_, i) => ({ actionId, label: plain(`Choix ${i + 1}`), value: `v${i + 1}` }));

describe('slack render: the limits it enforces are Slack’s', () => {
  it('matches block_kit_limits.json', () => {
    expect(SLACK_LIMITS.blocksPerMessage).toBe(LIMITS.blocks);
    expect(SLACK_LIMITS.sectionText).toBe(LIMITS.sectionText);
    expect(SLACK_LIMITS.headerText).toBe(LIMITS.headerText);
    expect(SLACK_LIMITS.buttonText).toBe(LIMITS.buttonText);
    expect(SLACK_LIMITS.buttonsPerActions).toBe(LIMITS.actionsElements);
  });
});

describe('slack render: user text never becomes markup or a ping', () => {
  const hostile = 'Salut <!channel> <!here> <!everyone> <@U123> <script>alert(1)</script> & co';
  const escaped =
    'Salut &lt;!channel&gt; &lt;!here&gt; &lt;!everyone&gt; &lt;@U123&gt; &lt;script&gt;alert(1)&lt;/script&gt; &amp; co';

  it('escapes a plain section and the notification text', () => {
    const payload = only(renderSlack(textMessage(plain(hostile))));
    expect(sectionTexts(payload.blocks)).toEqual([escaped]);
    expect(payload.text).toBe(escaped);
  });

  it.each(['bold', 'italic', 'code'] as const)('escapes %s pieces too', (kind) => {
    const payload = only(renderSlack(textMessage([{ kind, text: '<!channel> & co' }])));
    const [text = ''] = sectionTexts(payload.blocks);
    expect(text).toContain('&lt;!channel&gt; &amp; co');
    expect(text).not.toMatch(/<!|&(?!amp;|lt;|gt;)/);
    expect(payload.text).not.toContain('<!channel>');
  });

  it('escapes fields, context and link text', () => {
    const message: Message = {
      fallback: plain('x'),
      blocks: [
        { kind: 'section', text: plain('a'), fields: [plain('<!here>')] },
        { kind: 'context', text: plain('<!everyone>') },
        { kind: 'section', text: [{ kind: 'link', url: 'https://ex.fr/a|b>c', text: '<!channel>' }] },
      ],
    };
    const json = JSON.stringify(only(renderSlack(message)).blocks);
    expect(json).not.toMatch(/<!(here|everyone|channel)>/);
    expect(json).toContain('&lt;!here&gt;');
    expect(json).toContain('&lt;!everyone&gt;');
    expect(json).toContain('<https://ex.fr/a%7Cb%3Ec|&lt;!channel&gt;>');
  });

  it('keeps a help text holding backticks inside the one code span of the command to type', () => {
    // Slack's mrkdwn has no escape for a backtick in code: a look-alike grave accent (ˋ) keeps the span whole.
    const details = 'passer `docker compose` en CI, `';
    const message = textMessage(translate('fr', 'standup.findHelperNoTopic', { details }));
    const payload = only(renderSlack(message));
    const command = '`/bulle cherche &lt;compétence&gt; — passer ˋdocker composeˋ en CI, ˋ`';
    expect(sectionTexts(payload.blocks)).toEqual([
      `Je ne trouve pas de compétence dans cette demande d’aide. Pour la confier à la bulloterie, son auteur ou autrice peut taper : ${command}.`,
    ]);
    expect(payload.text).toContain(command);
  });
});

describe('slack render: formatting', () => {
  it('keeps spaces outside bold, italic and code markers', () => {
    const rich: Rich = [
      { kind: 'plain', text: 'a' },
      { kind: 'bold', text: ' gras ' },
      { kind: 'plain', text: 'b' },
      { kind: 'italic', text: '  penché' },
      { kind: 'plain', text: ' c' },
      { kind: 'code', text: 'npm test ' },
      { kind: 'plain', text: 'd' },
    ];
    const payload = only(renderSlack(textMessage(rich)));
    expect(sectionTexts(payload.blocks)).toEqual(['a *gras* b  _penché_ c`npm test` d']);
  });

  it('adds no markers around blank bold text', () => {
    const payload = only(renderSlack(textMessage([{ kind: 'bold', text: ' ' }])));
    expect(sectionTexts(payload.blocks)).toEqual([' ']);
  });

  it('never sends an empty section text', () => {
    const payload = only(renderSlack(textMessage(plain(''))));
    expect(sectionTexts(payload.blocks)).toEqual([' ']);
  });
});

describe('slack render: size limits', () => {
  it('cuts a 7,000-character section into sections within the limit, losing nothing', () => {
    const original = 'abcdefghi '.repeat(700);
    expect(original).toHaveLength(7000);
    const payload = only(renderSlack(textMessage(plain(original))));
    const texts = sectionTexts(payload.blocks);
    expect(texts.length).toBeGreaterThanOrEqual(3);
    for (const text of texts) expect(text.length).toBeLessThanOrEqual(LIMITS.sectionText);
    expect(texts.join('')).toBe(original);
  });

  it('cuts a long multi-line section at line breaks', () => {
    const lines = Array.from(
      { length: 140 },
      (_, i) => `ligne ${String(i).padStart(3, '0')} ${'x'.repeat(40)}`,
    );
    const original = lines.join('\n');
    expect(original.length).toBeGreaterThan(2 * LIMITS.sectionText);
    const texts = sectionTexts(only(renderSlack(textMessage(plain(original)))).blocks);
    for (const text of texts) {
      expect(text.length).toBeLessThanOrEqual(LIMITS.sectionText);
      expect(text.startsWith('ligne ')).toBe(true);
    }
    expect(texts.join('\n')).toBe(original);
  });

  it('keeps a long section’s fields on its last part', () => {
    const message: Message = {
      fallback: plain('x'),
      blocks: [{ kind: 'section', text: plain('y'.repeat(4000)), fields: [plain('Lieu'), plain('Date')] }],
    };
    const blocks = only(renderSlack(message)).blocks;
    expect(blocks).toHaveLength(2);
    expect(blocks[0]?.fields).toBeUndefined();
    expect(blocks[1]?.fields).toEqual([
      { type: 'mrkdwn', text: 'Lieu' },
      { type: 'mrkdwn', text: 'Date' },
    ]);
  });

  it('splits 120 sections into 3 messages of at most 50 blocks, in order', () => {
    const lines = Array.from({ length: 120 }, (_, i) => plain(`ligne ${i}`));
    const payloads = renderSlack(textMessage(...lines));
    expect(payloads).toHaveLength(3);
    for (const payload of payloads) {
      expect(payload.blocks.length).toBeLessThanOrEqual(LIMITS.blocks);
      expect(payload.text).toBe('ligne 0');
    }
    expect(payloads.flatMap((p) => sectionTexts(p.blocks))).toEqual(lines.map((l) => l[0]?.text));
  });

  it('renders a message without blocks as one payload', () => {
    expect(renderSlack({ fallback: plain('seul'), blocks: [] })).toEqual([{ text: 'seul', blocks: [] }]);
  });

  it('truncates a header over the limit, and keeps one at the limit', () => {
    const long = 'H'.repeat(LIMITS.headerText + 50);
    const [header] = only(
      renderSlack({ fallback: plain('x'), blocks: [{ kind: 'header', text: plain(long) }] }),
    ).blocks;
    const text = textObject(header?.text).text;
    expect(text).toHaveLength(LIMITS.headerText);
    expect(text.startsWith('H'.repeat(LIMITS.headerText - 1))).toBe(true);

    const exact = 'E'.repeat(LIMITS.headerText);
    const [same] = only(
      renderSlack({ fallback: plain('x'), blocks: [{ kind: 'header', text: plain(exact) }] }),
    ).blocks;
    expect(textObject(same?.text).text).toBe(exact);
  });

  it('truncates a button label over the limit', () => {
    const message: Message = {
      fallback: plain('x'),
      blocks: [{ kind: 'actions', buttons: [{ actionId: 'go', label: plain('L'.repeat(100)), value: 'v' }] }],
    };
    const [actions] = only(renderSlack(message)).blocks;
    const button = only(elementsOf(actions));
    expect(textObject(button.text).text.length).toBe(LIMITS.buttonText);
    expect(button.value).toBe('v');
  });
});

describe('slack render: buttons', () => {
  it('gives two buttons with the same action id distinct action_ids that map back to it', () => {
    const message: Message = {
      fallback: plain('x'),
      blocks: [
        {
          kind: 'actions',
          buttons: [
            { actionId: 'cohorteforget', label: plain('Oui'), value: 'yes', style: 'danger' },
            { actionId: 'cohorteforget', label: plain('Non'), value: 'no' },
          ],
        },
      ],
    };
    const [actions] = only(renderSlack(message)).blocks;
    const elements = elementsOf(actions);
    expect(elements.map((e) => e.style)).toEqual(['danger', undefined]);
    const ids = elements.map((e) => String(e.action_id));
    expect(new Set(ids).size).toBe(2);
    for (const [i, element] of elements.entries()) {
      const invocation = translateAction(actionBody, element);
      expect(invocation.actionId).toBe('cohorteforget');
      expect(invocation.value).toBe(i === 0 ? 'yes' : 'no');
    }
  });

  it('splits 30 buttons into two actions blocks of at most 25, every one still clickable', () => {
    const message: Message = { fallback: plain('x'), blocks: [{ kind: 'actions', buttons: buttons(30) }] };
    const blocks = only(renderSlack(message)).blocks;
    expect(blocks.map((b) => b.type)).toEqual(['actions', 'actions']);
    expect(blocks.map((b) => elementsOf(b).length)).toEqual([LIMITS.actionsElements, 5]);
    const elements = blocks.flatMap(elementsOf);
    expect(new Set(elements.map((e) => e.action_id)).size).toBe(30);
    expect(elements.map((e) => translateAction(actionBody, e))).toEqual(
      buttons(30).map((b) => ({
        user: { platform: 'slack', id: 'U123' },
        actionId: 'vote',
        value: b.value,
        channel: 'C1',
      })),
    );
    for (const e of elements) expect(String(e.action_id).length).toBeLessThanOrEqual(LIMITS.actionId);
  });

  it('keeps a dotted action id intact through the round trip', () => {
    const message: Message = {
      fallback: plain('x'),
      blocks: [{ kind: 'actions', buttons: [{ actionId: 'vote.2', label: plain('A'), value: 'a' }] }],
    };
    const [actions] = only(renderSlack(message)).blocks;
    expect(translateAction(actionBody, only(elementsOf(actions))).actionId).toBe('vote.2');
  });
});

describe('cutting long text never breaks what a person reads', () => {
  const sectionTexts = (message: Message) =>
    renderSlack(message)
      .flatMap((p) => p.blocks)
      .filter((b) => b.type === 'section')
      .map((b) => (b.text as { text: string }).text);

  it('keeps every &amp; whole across a cut', () => {
    const texts = sectionTexts(textMessage(plain('ab&'.repeat(1500))));
    expect(texts.length).toBeGreaterThan(1);
    for (const text of texts) {
      expect(text.length).toBeLessThanOrEqual(3000);
      expect(text.replaceAll('&amp;', '')).not.toContain('&');
    }
    expect(texts.join('').replaceAll('&amp;', '&')).toBe('ab&'.repeat(1500));
  });

  it('keeps a bold span bold when it falls on a cut', () => {
    const texts = sectionTexts(
      textMessage([
        { kind: 'plain', text: 'a'.repeat(2990) },
        { kind: 'bold', text: 'important text' },
      ]),
    );
    expect(texts).toEqual(['a'.repeat(2990), '*important text*']);
  });

  it('never splits an emoji, in sections, headers or buttons', () => {
    const texts = sectionTexts(textMessage(plain(`${'a'.repeat(2999)}😀b`)));
    expect(texts).toEqual(['a'.repeat(2999), '😀b']);
    const [payload] = renderSlack({
      fallback: plain('x'),
      blocks: [{ kind: 'header', text: plain(`${'a'.repeat(148)}😀😀`) }],
    });
    const header = (payload?.blocks[0]?.text as { text: string } | undefined)?.text ?? '';
    expect(header).toBe(`${'a'.repeat(148)}…`);
    expect(header.length).toBeLessThanOrEqual(150);
  });

  it('moves fields beyond 10 to the next section instead of dropping them', () => {
    const fields = Array.from({ length: 13 }, (_, i) => plain(`champ ${i + 1}`));
    const blocks = renderSlack({
      fallback: plain('x'),
      blocks: [{ kind: 'section', text: plain('t'), fields }],
    })[0]?.blocks as SlackBlock[];
    const all = blocks.flatMap((b) => (b.fields as { text: string }[] | undefined) ?? []).map((f) => f.text);
    expect(all).toEqual(fields.map((f) => f[0]?.text));
    expect(blocks.every((b) => ((b.fields as unknown[] | undefined)?.length ?? 0) <= 10)).toBe(true);
  });
});
