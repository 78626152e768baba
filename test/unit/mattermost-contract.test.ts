import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { translateSubmission } from '../../src/chat/mattermost/mattermost-form.js';
import { renderMattermost } from '../../src/chat/mattermost/mattermost-render.js';
import { createSigner } from '../../src/chat/mattermost/mattermost-sign.js';
import { translateClick, translateCommand } from '../../src/chat/mattermost/mattermost-translate.js';
import { plain } from '../../src/core/message.js';

const fixture = (name: string): unknown =>
  JSON.parse(readFileSync(new URL(`../fixtures/mattermost/${name}`, import.meta.url), 'utf8'));

const Interactive = z.looseObject({
  request_struct: z.looseObject({
    PostActionIntegrationRequest_json_fields: z.array(z.string()),
    button_style_values: z.array(z.string()),
    SubmitDialogRequest: z.array(z.string()),
  }),
  doc_json_blocks_in_order: z.array(z.unknown()),
});
const interactive = Interactive.parse(fixture('interactive_message.docs_examples.json'));
const signer = createSigner('contract-token');

describe('Mattermost contract: the recorded slash-command request', () => {
  const Recorded = z.looseObject({ raw_body: z.string(), form_fields: z.record(z.string(), z.string()) });
  const recorded = Recorded.parse(fixture('slash_command_request.docs_example.json'));

  it('becomes the core invocation, every documented field read from the raw body', () => {
    const { invocation, trigger, triggerId, responseUrl } = translateCommand(
      new URLSearchParams(recorded.raw_body),
    );
    expect(invocation).toEqual({
      user: { platform: 'mattermost', id: 'erj6qck3rfgtujs86w5r6rckzh' },
      command: 'weather',
      text: 'toronto week',
      channel: 'fukxanjgjbnp7ng383at53k1sy',
    });
    expect(trigger).toBe('weather');
    expect(triggerId).toBe(recorded.form_fields.trigger_id);
    expect(responseUrl).toBe('http://localhost:8066/hooks/commands/i11f6nnfgfyk8eg56x9omc6dpa');
  });

  /** The recorded request with `text`, and the mentions as the server adds them: one repeated key pair each. */
  const typed = (text: string, mentions: [string, string][]) => {
    const form = new URLSearchParams(recorded.raw_body);
    form.set('text', text);
    for (const [name, id] of mentions) {
      form.append('user_mentions', name);
      form.append('user_mentions_ids', id);
    }
    return translateCommand(form).invocation.text;
  };

  it('turns the mentions the server resolved into neutral tokens, and leaves other @words alone', () => {
    expect(typed('role @alan.b mentor lexiq @inconnu', [['alan.b', 'qzgakf1nx3yt9dr4n8585ihbxy']])).toBe(
      'role <@qzgakf1nx3yt9dr4n8585ihbxy> mentor lexiq @inconnu',
    );
  });

  // server/public/model/mention_map.go: repeated keys, in a Go map's order; server/channels/app/command.go:
  // names lower-cased, a trailing . - _ stripped when no one has the name with it.
  it('reads every mention of repeated keys, in any order, whatever the case typed and a trailing . - _', () => {
    const alice = 'aliceid0000000000000000000';
    const bob = 'bobid000000000000000000000';
    const mentions: [string, string][] = [
      ['bob', bob],
      ['alice', alice],
    ];
    expect(typed('@alice @bob', mentions)).toBe(`<@${alice}> <@${bob}>`);
    expect(typed('role @Alice. mentor, puis @BOB_', mentions)).toBe(
      `role <@${alice}> mentor, puis <@${bob}>`,
    );
    // An e-mail or a longer name is not the mention.
    expect(typed('alice@x.fr @alice.bob @alicex', mentions)).toBe('alice@x.fr @alice.bob @alicex');
  });
});

describe('Mattermost contract: buttons', () => {
  const [post] = renderMattermost(
    {
      fallback: plain('x'),
      blocks: [
        { kind: 'section', text: plain('Effacer ?') },
        {
          kind: 'actions',
          buttons: [
            { actionId: 'forget', label: plain('Oui'), value: 'yes', style: 'danger' },
            { actionId: 'forget', label: plain('Non'), value: 'no' },
          ],
        },
      ],
    },
    { actionUrl: 'https://cohorte.example/mattermost/action', signer },
  );
  const [docAttachments] = interactive.doc_json_blocks_in_order as { attachments: { actions: object[] }[] }[];

  it('are shaped like the documented attachment actions, with documented styles and letter-and-digit ids', () => {
    const actions = post?.props?.attachments[0]?.actions ?? [];
    const documented = Object.keys(docAttachments?.attachments[0]?.actions[0] ?? {});
    for (const action of actions) {
      for (const key of documented.filter((k) => k !== 'tooltip')) expect(Object.keys(action)).toContain(key);
      expect(interactive.request_struct.button_style_values).toContain(action.style);
      expect(action.id).toMatch(/^[A-Za-z0-9]+$/);
    }
  });

  it('come back as the core invocation when the server posts the documented request fields', () => {
    const action = post?.props?.attachments[0]?.actions?.[0];
    const request = Object.fromEntries(
      interactive.request_struct.PostActionIntegrationRequest_json_fields.map((field) => [field, '']),
    );
    const click = translateClick(
      {
        ...request,
        user_id: 'u1',
        channel_id: 'c1',
        post_id: 'p1',
        trigger_id: 't1',
        context: action?.integration.context,
      },
      signer,
    );
    expect(click).toEqual({
      kind: 'clicked',
      invocation: {
        user: { platform: 'mattermost', id: 'u1' },
        actionId: 'forget',
        value: 'yes',
        channel: 'c1',
      },
      postId: 'p1',
      triggerId: 't1',
      ephemeral: false,
    });
  });

  it('refuses every documented example request: their contexts are not signed by Cohorte', () => {
    const requests = interactive.doc_json_blocks_in_order.filter(
      (block): block is { user_id: string; context: object } =>
        typeof block === 'object' && block !== null && 'user_id' in block,
    );
    expect(requests.length).toBeGreaterThan(3);
    for (const request of requests) expect(translateClick(request, signer).kind).toBe('refused');
  });
});

describe('Mattermost contract: dialog submissions', () => {
  it('reads the documented submission fields, refusing a state Cohorte did not sign', () => {
    const body = Object.fromEntries(
      interactive.request_struct.SubmitDialogRequest.map((f) => [f, undefined]),
    );
    const submission = {
      ...body,
      type: 'dialog_submission',
      callback_id: 'standup',
      state: '<state provided by the integration>',
      user_id: 'u1',
      channel_id: 'c1',
      team_id: 't1',
      submission: { meteo: '☀️', aide: null },
      cancelled: false,
    };
    expect(translateSubmission(submission, signer)).toEqual({ kind: 'refused', user: 'u1' });
    expect(translateSubmission({ ...submission, cancelled: true, submission: {} }, signer)).toEqual({
      kind: 'cancelled',
    });
  });
});
