import type { Step } from './shell-play.js';

/** The personal page link the shell printed in the last step. */
export const linkIn = (steps: Step[]): string =>
  steps
    .at(-1)
    ?.output.join('\n')
    .match(/https?:\/\/\S+\/entrer\?jeton=\S+/)?.[0] ?? '';

/** Opens a personal link like a browser would; returns where it sends and the session cookie (`name=value`). */
export async function openPageLink(url: string): Promise<{ location: string | null; cookie: string }> {
  const res = await fetch(url, { redirect: 'manual' });
  return {
    location: res.headers.get('location'),
    cookie: (res.headers.get('set-cookie') ?? '').split(';')[0] ?? '',
  };
}
