import { describe, expect, it } from 'vitest';
import { html } from '../../src/web/html.js';
import { topicBody } from '../../src/web/pages/bulles-topic.js';
import { sessionCookie } from '../../src/web/session.js';
import { wordsIn } from '../../src/web/words.js';

describe('the pages’ template tag', () => {
  it('escapes every interpolated text, attributes included, and keeps trusted markup', () => {
    const name = `<img src=x onerror="alert('x')">&`;
    expect(html`<p title="${name}">${name}</p>`.text).toBe(
      '<p title="&lt;img src=x onerror=&quot;alert(&#39;x&#39;)&quot;&gt;&amp;">&lt;img src=x onerror=&quot;alert(&#39;x&#39;)&quot;&gt;&amp;</p>',
    );
    expect(html`<ul>${['a<', html`<li>b</li>`]}</ul>`.text).toBe('<ul>a&lt;<li>b</li></ul>');
    expect(html`${html`<svg></svg>`}${undefined}${false}${0}`.text).toBe('<svg></svg>0');
  });
});

describe('the session cookie', () => {
  it('is Secure only over https', () => {
    expect(sessionCookie('abc', true)).toContain('; Secure');
    expect(sessionCookie('abc', false)).not.toContain('Secure');
  });
});

describe('the pages’ words', () => {
  it('turn the catalog’s markup into tags and keep parameters as text', () => {
    const back = [{ kind: 'link' as const, url: '/moi', text: '<Retour>' }];
    expect(wordsIn('fr').t('pages.moi.hello', { name: '*Inès* <b>' }).text).toBe('Bonjour *Inès* &lt;b&gt;.');
    expect(wordsIn('fr').t('pages.loggedOut.body').text).toContain('<code>/cohorte page</code>');
    expect(wordsIn('en').t('pages.reserved.body', { back }).text).toBe(
      'This dashboard is for the programme’s coordinators. <a href="/moi">&lt;Retour&gt;</a>.',
    );
  });
});

describe('a topic’s « I’m looking for this » button', () => {
  it('names the topic for screen readers in the visitor’s language, punctuation included', () => {
    const docker = {
      key: 'docker',
      label: 'Docker',
      domain: 'Dev' as const,
      theme: undefined,
      share: ['a@x.fr'],
      learn: [],
      people: 1,
      balance: 'share' as const,
    };
    const names = { share: ['Hugo'], learn: [] };
    expect(topicBody(wordsIn('en'), docker, names, undefined).text).toContain(
      'I’m looking for this<span class="fr-sr-only">: Docker</span>',
    );
    expect(topicBody(wordsIn('fr'), docker, names, undefined).text).toContain(
      'Je cherche ça<span class="fr-sr-only"> : Docker</span>',
    );
  });
});
