import { expect } from 'vitest';
import { expectOneCopyEach, postAnnouncement, type startFanOut } from './announcement-flow.js';
import { type RunningCohorte, SIGNING_SECRET } from './cohorte.js';
import { postSigned, slashCommandBody } from './slack-sign.js';
import { waitFor, waitForAsync } from './wait.js';

/** What a command typed while Redis switches over may answer, besides the person's own answer. */
const RETRY = 'Service momentanément indisponible, réessayez dans une minute.';

/** One `/cohorte moi` answer: HTTP status, text, and how long it took. */
export interface MoiAnswer {
  status: number;
  text: string;
  ms: number;
}

/** `/cohorte moi` typed by the coordinator (Claire) on Slack: what she sees, and how long it took. */
export async function moi(bot: RunningCohorte): Promise<MoiAnswer> {
  const started = Date.now();
  const body = slashCommandBody({ command: '/cohorte', text: 'moi', userId: 'U0CLAIRE' });
  const response = await postSigned(`${bot.baseUrl}/slack/events`, body, { secret: SIGNING_SECRET });
  return { status: response.status, text: await response.text(), ms: Date.now() - started };
}

/**
 * Claire keeps typing `/cohorte moi` while Redis switches over: until `switched()` says a replica took over (and at
 * least five times), then until she gets her answer again (15 s at most). Each answer came within Slack's 3 s and
 * was hers or « réessayez dans une minute », never an error.
 */
export async function expectAnswersThroughSwitch(bot: RunningCohorte, switched: () => Promise<boolean>) {
  const answers: MoiAnswer[] = [];
  while (!(await switched()) || answers.length < 5) answers.push(await moi(bot));
  await waitForAsync(async () => {
    answers.push(await moi(bot));
    return answers.at(-1)?.text.includes('Claire Dubois') ?? false;
  }, 15_000);
  for (const answer of answers) {
    expect(answer.status).toBe(200);
    expect(answer.ms).toBeLessThan(3000);
    expect(answer.text.includes('Claire Dubois') || answer.text.includes(RETRY), answer.text).toBe(true);
  }
}

/**
 * The failover scenario both Redis set-ups share: an announcement to `count` people by DM through `fanOut`; once
 * `firstCopies` have their copy, `kill()` stops the primary; Claire keeps typing `/cohorte moi` until `switched()`
 * (see {@link expectAnswersThroughSwitch}); the switch must have happened mid-send, and each person gets one copy.
 */
export async function expectFailoverMidAnnouncement(
  fanOut: Awaited<ReturnType<typeof startFanOut>>,
  options: { count: number; firstCopies: number; kill(): Promise<() => Promise<boolean>> },
) {
  const { slack, web } = fanOut;
  const sent = () =>
    Array.from({ length: options.count }, (_, i) => slack.messages(`DU${i}`).length).filter((n) => n > 0)
      .length;
  expect((await moi(web)).text).toContain('Claire Dubois');
  const { id } = await postAnnouncement(web, { text: 'Le primaire tombe', audience: 'eig9', mode: 'dms' });
  await waitFor(() => sent() >= options.firstCopies, 30_000, 'the first copies');
  const switched = await options.kill();
  await expectAnswersThroughSwitch(web, switched);
  expect(sent()).toBeLessThan(options.count); // the switch happened mid-send
  // Two minutes: under a full suite's load the cluster's switch and the workers' return once took over one.
  await expectOneCopyEach(slack, id, options.count, 120_000);
}
