import { App, LogLevel } from '@slack/bolt';
import { describe, expect, it, vi } from 'vitest';
import { registerSlackListeners } from '../../src/chat/slack/slack-listeners.js';
import { ephemeral } from '../../src/core/handler.js';
import type { Router } from '../../src/core/router.js';

const silent = { info: () => undefined, warn: () => undefined, error: () => undefined };

/** A Bolt app on a receiver that never listens: events are handed to `processEvent` directly. */
function boltApp() {
  return new App({
    receiver: { init: () => undefined, start: async () => undefined, stop: async () => undefined },
    token: 'xoxb-test',
    botId: 'B0TEST',
    botUserId: 'U0BOT',
    tokenVerificationEnabled: false,
    convoStore: false,
    logLevel: LogLevel.ERROR,
  });
}

function routerDouble() {
  return {
    command: vi.fn(async () => ephemeral([{ kind: 'plain' as const, text: 'Claire Dubois' }])),
    action: vi.fn(async () => ephemeral()),
    form: vi.fn(async () => ephemeral()),
  } satisfies Router;
}

/** A Bolt app with Cohorte's listeners on a router double, and an `ack` to hand it events with. */
function wired() {
  const app = boltApp();
  const router = routerDouble();
  registerSlackListeners(app, router, { locale: 'fr', log: silent });
  return { app, router, ack: vi.fn(async () => undefined) };
}

describe('slack listeners', () => {
  it('registers no Bolt listener: Bolt runs the chain of every listener on every request', () => {
    const app = boltApp();
    const listeners = [vi.spyOn(app, 'command'), vi.spyOn(app, 'action'), vi.spyOn(app, 'view')];
    registerSlackListeners(app, routerDouble(), { locale: 'fr', log: silent });
    expect(listeners.map((spy) => spy.mock.calls.length)).toEqual([0, 0, 0]);
  });

  it('answers a slash command with its reply as the acknowledgement', async () => {
    const { app, router, ack } = wired();
    await app.processEvent({
      body: { command: '/cohorte', text: 'moi', user_id: 'U0BENCH', channel_id: 'C0', team_id: 'T0' },
      ack,
    });
    expect(router.command).toHaveBeenCalledWith(
      expect.objectContaining({
        command: 'cohorte',
        text: 'moi',
        user: { platform: 'slack', id: 'U0BENCH' },
      }),
    );
    expect(ack).toHaveBeenCalledTimes(1);
    expect(JSON.stringify(ack.mock.calls[0])).toContain('Claire Dubois');
  });

  it('leaves alone what the Bolt listeners did not match: closed modals, legacy actions, events', async () => {
    const { app, router, ack } = wired();
    await app.processEvent({
      body: { type: 'view_closed', user: { id: 'U1' }, team: { id: 'T0' }, view: { callback_id: 'form' } },
      ack,
    });
    await app.processEvent({
      body: {
        type: 'interactive_message',
        callback_id: 'legacy',
        user: { id: 'U1' },
        team: { id: 'T0' },
        channel: { id: 'C0' },
        actions: [{ name: 'go', type: 'button', value: 'x' }],
      },
      ack,
    });
    await app.processEvent({
      body: {
        type: 'event_callback',
        team_id: 'T0',
        event: { type: 'app_mention', user: 'U1', channel: 'C0' },
      },
      ack,
    });
    expect(router.command).not.toHaveBeenCalled();
    expect(router.action).not.toHaveBeenCalled();
    expect(router.form).not.toHaveBeenCalled();
    // Only the event is acknowledged (by Bolt itself, as Events API requests are).
    expect(ack).toHaveBeenCalledTimes(1);
  });
});
