import { describe, expect, it } from 'vitest';
import { defuseMentions, escapeMarkdown } from '../../src/chat/mattermost/mattermost-markdown.js';
import {
  contextParts,
  MATTERMOST_MAX_POST,
  type MattermostPost,
  renderMattermost,
} from '../../src/chat/mattermost/mattermost-render.js';
import { createSigner } from '../../src/chat/mattermost/mattermost-sign.js';
import { translate } from '../../src/core/i18n/index.js';
import { type Message, plain, textMessage } from '../../src/core/message.js';

const signer = createSigner('a-bot-token-for-unit-tests');
const options = { actionUrl: 'https://cohorte.example/mattermost/action', signer };
const render = (message: Message, user?: string) => renderMattermost(message, { ...options, user });
const only = (posts: MattermostPost[]): MattermostPost => {
  expect(posts).toHaveLength(1);
  return posts[0] as MattermostPost;
};
/** Every string a post carries: its Markdown, attachment texts and button names. */
const everything = (post: MattermostPost) =>
  [
    post.message,
    ...(post.props?.attachments ?? []).flatMap((a) => [a.text, ...(a.actions ?? []).map((b) => b.name)]),
  ].join('\n');

describe('mattermost render: user text never pings nor becomes markup', () => {
  const hostile =
    '@channel @all @here @claire.dubois **gras** _it_ `code` [lien](http://x) # titre | a ~b~ \\';

  it.each(['plain', 'bold', 'italic', 'code'] as const)('defuses every mention in %s text', (kind) => {
    const post = only(render(textMessage([{ kind, text: hostile }])));
    for (const mention of ['@channel', '@all', '@here', '@claire.dubois'])
      expect(everything(post)).not.toMatch(
        new RegExp(`(^|[^\\p{L}\\p{N}])${mention.replace('.', '\\.')}`, 'u'),
      );
    expect(post.message).toContain('@\u200Bchannel');
  });

  it('escapes Markdown so it shows as typed', () => {
    expect(escapeMarkdown('**gras** _it_ `c` [l](u) a|b ~s~ \\')).toBe(
      '\\*\\*gras\\*\\* \\_it\\_ \\`c\\` \\[l\\](u) a\\|b \\~s\\~ \\\\',
    );
    expect(escapeMarkdown('# titre\n> cité\n- liste\n1. un\n===')).toBe(
      '\\# titre\n\\> cité\n\\- liste\n1\\. un\n\\===',
    );
  });

  it.each([
    ['merci.@channel', 'merci.@\u200Bchannel'],
    ['ok-@here', 'ok-@\u200Bhere'],
    ['-@all en début de ligne', '-@\u200Ball en début de ligne'],
    ['_@channel', '_@\u200Bchannel'],
    ['cc.@claire', 'cc.@\u200Bclaire'],
    ['voir:@here', 'voir:@\u200Bhere'],
  ])('defuses a mention glued to punctuation Mattermost splits words on: %s', (typed, shown) => {
    expect(defuseMentions(typed)).toBe(shown);
  });

  it('leaves e-mail addresses readable and untouched', () => {
    expect(defuseMentions('écrivez à ines.moreau@beta.gouv.fr ou @ines')).toBe(
      'écrivez à ines.moreau@beta.gouv.fr ou @\u200Bines',
    );
  });

  it('keeps code spans and blocks unable to close early, and defused inside', () => {
    const post = only(
      render({
        fallback: plain('x'),
        blocks: [
          { kind: 'section', text: [{ kind: 'code', text: 'a ` b @here' }] },
          { kind: 'code', text: '```\n@channel' },
        ],
      }),
    );
    expect(post.message).toBe('``a ` b @\u200Bhere``\n````\n```\n@\u200Bchannel\n````');
  });

  it('keeps a help text holding backticks, as typed, inside the one code span of the command to type', () => {
    const details = 'passer `docker compose` en CI, `';
    const post = only(render(textMessage(translate('fr', 'standup.findHelperNoTopic', { details }))));
    expect(post.message).toBe(
      'Je ne trouve pas de compétence dans cette demande d’aide. Pour la confier à la bulloterie, son auteur ou autrice peut taper : `` /bulle cherche <compétence> — passer `docker compose` en CI, ` ``.',
    );
  });

  it('encodes link targets so they cannot break out of the link', () => {
    const post = only(render(textMessage([{ kind: 'link', url: 'https://ex.fr/a b)c', text: '[x]' }])));
    expect(post.message).toBe('[\\[x\\]](https://ex.fr/a%20b%29c)');
  });
});

describe('mattermost render: the post limit', () => {
  it('keeps a message of exactly 16,383 characters in one post, and splits one more at a line break', () => {
    const line = 'x'.repeat(99);
    const lines = Array.from({ length: 163 }, () => line);
    const exact = [...lines, 'y'.repeat(MATTERMOST_MAX_POST - 163 * 100)];
    expect(only(render(textMessage(...exact.map(plain)))).message).toHaveLength(MATTERMOST_MAX_POST);

    const posts = render(textMessage(...[...exact.slice(0, -1), `${exact.at(-1)}z`].map(plain)));
    expect(posts).toHaveLength(2);
    for (const post of posts) expect(post.message.length).toBeLessThanOrEqual(MATTERMOST_MAX_POST);
    expect(posts.map((p) => p.message).join('\n')).toBe([...lines, `${exact.at(-1)}z`].join('\n'));
  });

  it('cuts a single huge line between characters, never inside an escape or an emoji', () => {
    const text = '*🌤️'.repeat(8000);
    const posts = render(textMessage(plain(text)));
    expect(posts.length).toBeGreaterThan(1);
    for (const post of posts) {
      expect(post.message.length).toBeLessThanOrEqual(MATTERMOST_MAX_POST);
      expect(post.message.endsWith('\\')).toBe(false);
    }
    expect(
      posts
        .map((p) => p.message)
        .join('')
        .replaceAll('\\*', '*'),
    ).toBe(text);
  });
});

describe('mattermost render: buttons', () => {
  const digest: Message = {
    fallback: plain('digest'),
    blocks: [
      { kind: 'header', text: plain('Stand-up LexIQ') },
      { kind: 'section', text: plain('Inès : tout va bien') },
      { kind: 'section', text: plain('Aide : un avis RGPD') },
      {
        kind: 'actions',
        buttons: [{ actionId: 'standup.findHelper', label: plain('Trouver'), value: 'h1' }],
      },
      { kind: 'section', text: plain('Aide : un relecteur') },
      {
        kind: 'actions',
        buttons: [{ actionId: 'standup.findHelper', label: plain('Trouver'), value: 'h2', style: 'primary' }],
      },
      { kind: 'context', text: plain('Lu par la coordination') },
    ],
  };

  it('keeps each button next to the text it is about, in order, on the last post', () => {
    const post = only(render(digest));
    expect(post.message).toBe('#### Stand-up LexIQ\nInès : tout va bien');
    expect(post.props?.attachments.map((a) => [a.text, a.actions?.map((b) => b.name)])).toEqual([
      ['Aide : un avis RGPD', ['Trouver']],
      ['Aide : un relecteur', ['Trouver']],
      ['Lu par la coordination', undefined],
    ]);
  });

  it('gives alphanumeric unique ids, Mattermost styles, and a context signed for the action, value and person', () => {
    const actions = only(render(digest, 'userid')).props?.attachments.flatMap((a) => a.actions ?? []) ?? [];
    expect(actions.map((a) => a.id)).toEqual(['standupfindHelper0', 'standupfindHelper1']);
    expect(actions.map((a) => a.style)).toEqual(['default', 'primary']);
    for (const a of actions) {
      expect(a.integration.url).toBe(options.actionUrl);
      const { a: id, v, u, s } = a.integration.context;
      expect(signer.verify(contextParts(id, v, u, false), s)).toBe(true);
      expect(signer.verify(contextParts(id, `${v}x`, u, false), s)).toBe(false);
      expect(signer.verify(contextParts(id, v, undefined, false), s)).toBe(false);
      expect(signer.verify(contextParts(id, v, u, true), s)).toBe(false);
      expect(createSigner('another-token').verify(contextParts(id, v, u, false), s)).toBe(false);
    }
  });

  it('marks, in the signature too, buttons shown on an ephemeral post (the server cannot update one)', () => {
    const [post] = renderMattermost(digest, { ...options, user: 'userid', ephemeral: true });
    const [a] = post?.props?.attachments.flatMap((x) => x.actions ?? []) ?? [];
    const { a: id, v, u, e, s } = a?.integration.context ?? { a: '', v: '', s: '' };
    expect(e).toBe('1');
    expect(signer.verify(contextParts(id, v, u, true), s)).toBe(true);
    expect(signer.verify(contextParts(id, v, u, false), s)).toBe(false);
  });
});
