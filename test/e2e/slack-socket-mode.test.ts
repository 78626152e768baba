import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type RunningCohorte, startCohorte } from '../support/cohorte.js';
import { type SlackDouble, startSlackDouble } from '../support/slack-double.js';
import { fixturePayload, PEOPLE, shown } from '../support/slack-e2e.js';
import { type SocketDouble, startSocketDouble } from '../support/socket-double.js';
import { waitFor } from '../support/wait.js';

const { claire } = PEOPLE;
const APP_TOKEN = 'xapp-1-A0001-1-socketmodetest';

/** A `/cohorte` slash command as Socket Mode carries it: the recorded form fields, as a JSON object. */
function slashCommand(double: SlackDouble, userId: string, text: string): Record<string, unknown> {
  return {
    ...fixturePayload('slash_command.bolt-python.json'),
    team_id: 'T0001',
    user_id: userId,
    user_name: userId.toLowerCase(),
    command: '/cohorte',
    text,
    api_app_id: 'A0001',
    is_enterprise_install: 'false',
    response_url: double.responseUrl('socket'),
    trigger_id: '1000000000.0001.socketmode',
  };
}

/** Log lines at pino's `error` level (50) or above. */
const errorsIn = (logs: string[]) =>
  logs.filter((line) => (JSON.parse(line) as { level: number }).level >= 50);

describe('Slack in Socket Mode (SLACK_APP_TOKEN set), against a WebSocket double', () => {
  let socket: SocketDouble | undefined;
  let double: SlackDouble | undefined;
  let bot: RunningCohorte | undefined;
  /** The doubles, once the bot runs. */
  const doubles = () => {
    if (!socket || !double) throw new Error('the doubles did not start');
    return { socket, double };
  };

  beforeEach(async () => {
    [socket, double, bot] = [undefined, undefined, undefined];
    socket = await startSocketDouble();
    double = await startSlackDouble({ users: Object.values(PEOPLE), socketUrl: socket.url });
    // Resolves once the client has connected and received `hello`: Bolt's start() waits for it.
    bot = await startCohorte({
      name: 'slack-socket',
      slackApiUrl: double.url,
      env: { SLACK_APP_TOKEN: APP_TOKEN },
    });
  });
  afterEach(async () => {
    await bot?.stop();
    await double?.close();
    await socket?.close();
  });

  it('opens the connection with the app-level token and serves no /slack/events route', async () => {
    const { socket, double } = doubles();
    expect(socket.connections).toBe(1);
    expect(socket.open).toBe(1);
    const opened = double.callsTo('apps.connections.open');
    expect(opened).toHaveLength(1);
    expect(opened[0]).toMatchObject({ status: 200, authorization: `Bearer ${APP_TOKEN}` });
    expect(opened[0]?.error).toBeUndefined();
    // The bot token still serves the Web API.
    expect(double.callsTo('auth.test').length).toBeGreaterThan(0);

    const res = await fetch(`${bot?.baseUrl}/slack/events`, { method: 'POST', body: 'command=%2Fcohorte' });
    await res.arrayBuffer();
    expect(res.status).toBe(404);
  });

  it('answers `/cohorte moi` in the ack of its envelope, within 3 seconds', async () => {
    const { socket, double } = doubles();
    const started = Date.now();
    const ack = await socket.request('slash_commands', slashCommand(double, claire.id, 'moi'), 3000);
    expect(Date.now() - started).toBeLessThan(3000);
    expect(ack.payload?.response_type).toBe('ephemeral');
    const text = shown(ack.payload);
    expect(text).toContain('Claire Dubois');
    expect(text).toContain('Rôles : coordination');
    expect(double.responses('socket')).toEqual([]);
  });

  it('keeps the connection up: the client pings every ~1.7 s and the double answers each with a pong', async () => {
    const { socket, double } = doubles();
    // Unanswered, the client would give up after its fourth ping (~6.7 s) and reconnect: a second connection.
    await waitFor(() => socket.pings >= 2, 5000, 'two pings from the client');
    expect(socket.connections).toBe(1);
    const ack = await socket.request('slash_commands', slashCommand(double, claire.id, 'aide'));
    expect(ack.payload?.response_type).toBe('ephemeral');
  });

  it('closes the socket with a normal closure when the bot stops, without errors', async () => {
    const { socket } = doubles();
    const running = bot;
    bot = undefined;
    await running?.stop();
    await waitFor(() => socket.open === 0, 5000, 'the WebSocket is closed');
    expect(socket.closeCodes).toEqual([1000]);
    expect(socket.connections).toBe(1);
    expect(errorsIn(running?.logs ?? [])).toEqual([]);
    expect(running?.logs.join('\n')).not.toContain(APP_TOKEN);
  });
});
