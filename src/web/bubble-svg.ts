import { type HierarchyCircularNode, hierarchy, pack } from 'd3-hierarchy';
import type { Balance, PlacedTopic } from '../core/bulle/map.js';
import { DOMAINS, type Domain } from '../core/bulle/topics.js';
import { type Html, html } from './html.js';

/** The side of the map's square, in SVG units (it scales to the page's width). */
const SIDE = 720;
/** Below this radius a bubble shows no label: its name is in its link, its tooltip and the table. */
const LABEL_MIN_RADIUS = 22;
const LABEL_SIZE = 11;

/**
 * How each balance is drawn: a fill (a diverging blue/orange pair, readable by the common colour blindnesses) and
 * a stroke of its own shape, so the balance never rests on colour alone. The strokes are dark enough for 3:1
 * against the domain's grey (RGAA 3.2, non-text contrast).
 */
export const BALANCE_STYLE: Record<Balance, { fill: string; stroke: string; dash: string | undefined }> = {
  share: { fill: '#92c5de', stroke: '#1f4e8c', dash: undefined },
  even: { fill: '#f0f0f0', stroke: '#3a3a3a', dash: '6 3' },
  learn: { fill: '#f4a582', stroke: '#8c2d04', dash: '2 2' },
};

/** A circle of one balance's style, for the map and its legend. */
export function balanceCircle(balance: Balance, cx: number, cy: number, r: number): Html {
  const style = BALANCE_STYLE[balance];
  return html`<circle cx="${cx}" cy="${cy}" r="${r}" fill="${style.fill}" stroke="${style.stroke}" stroke-width="2"${
    style.dash ? html` stroke-dasharray="${style.dash}"` : ''
  }/>`;
}

/** A node of the packed tree: the root, a domain, a theme, or a topic (a leaf). */
interface Node {
  domain?: Domain;
  theme?: string;
  topic?: PlacedTopic;
  children?: Node[];
}

/** Domain → theme → topic; a topic with no theme hangs from its domain. Topics come sorted (see placeTopics). */
function treeOf(topics: readonly PlacedTopic[]): Node {
  const domains: Node[] = [];
  for (const domain of DOMAINS) {
    const here = topics.filter((t) => t.domain === domain);
    if (!here.length) continue;
    const children: Node[] = [];
    for (const topic of here) {
      if (topic.theme === undefined) {
        children.push({ topic });
        continue;
      }
      const theme = children.find((c) => c.theme === topic.theme);
      if (theme) theme.children?.push({ topic });
      else children.push({ theme: topic.theme, children: [{ topic }] });
    }
    domains.push({ domain, children });
  }
  return { children: domains };
}

/** A label cut to what fits across a circle of radius `r`. */
function fitted(label: string, r: number): string {
  const room = Math.floor((2 * r - 6) / (LABEL_SIZE * 0.6));
  return label.length <= room ? label : `${label.slice(0, Math.max(1, room - 1))}…`;
}

const round = (n: number) => Math.round(n * 10) / 10;

/** What the map needs to say in words: its title, each domain's name, each bubble's link and accessible name. */
export interface BubbleWords {
  title: string;
  domain(domain: Domain): string;
  href(topic: PlacedTopic): string;
  /** The bubble's accessible name: the topic and its counts (the same words as its tooltip). */
  name(topic: PlacedTopic): string;
}

function topicBubble(node: HierarchyCircularNode<Node>, topic: PlacedTopic, words: BubbleWords): Html {
  const name = words.name(topic);
  const [x, y, r] = [round(node.x), round(node.y), round(node.r)];
  return html`<a href="${words.href(topic)}" aria-label="${name}"><title>${name}</title>${balanceCircle(topic.balance, x, y, r)}${
    r >= LABEL_MIN_RADIUS
      ? html`<text x="${x}" y="${y}" text-anchor="middle" dominant-baseline="central" font-size="${LABEL_SIZE}" fill="#161616" aria-hidden="true">${fitted(topic.label, r)}</text>`
      : ''
  }</a>`;
}

/**
 * The bubble map as SVG, drawn on the server (no script): one circle per domain, one per theme inside it, and one
 * link per topic, its area proportional to how many people share or want to learn it, its fill and stroke saying
 * the balance. The packing is d3-hierarchy's, sorted by size then label, so the same skills draw the same map.
 */
export function bubbleSvg(topics: readonly PlacedTopic[], words: BubbleWords): Html {
  const root = hierarchy(treeOf(topics))
    .sum((n) => n.topic?.people ?? 0)
    .sort(
      (a, b) =>
        (b.value ?? 0) - (a.value ?? 0) ||
        (a.data.topic?.label ?? a.data.theme ?? '').localeCompare(b.data.topic?.label ?? b.data.theme ?? ''),
    );
  const packed = pack<Node>()
    .size([SIDE, SIDE])
    .padding((n) => (n.depth === 0 ? 12 : n.depth === 1 ? 18 : 4))(root);
  const parts: Html[] = [];
  for (const node of packed.descendants()) {
    const [x, y, r] = [round(node.x), round(node.y), round(node.r)];
    const { domain, theme, topic } = node.data;
    if (domain)
      parts.push(
        html`<g><title>${words.domain(domain)}</title><circle cx="${x}" cy="${y}" r="${r}" fill="#f6f6f6" stroke="#929292"/></g>`,
      );
    else if (theme !== undefined)
      parts.push(
        html`<g><title>${theme}</title><circle cx="${x}" cy="${y}" r="${r}" fill="#ffffff" stroke="#929292"/></g>`,
      );
    else if (topic) parts.push(topicBubble(node, topic, words));
  }
  // Domain names last, so no bubble covers them; a white halo keeps them legible over the circles.
  for (const node of packed.children ?? []) {
    if (!node.data.domain) continue;
    parts.push(
      html`<text x="${round(node.x)}" y="${round(node.y - node.r + 14)}" text-anchor="middle" font-size="14" font-weight="bold" fill="#161616" stroke="#ffffff" stroke-width="3" paint-order="stroke" aria-hidden="true">${words.domain(node.data.domain)}</text>`,
    );
  }
  return html`<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${SIDE} ${SIDE}" width="100%" role="group" aria-labelledby="carte-titre"><title id="carte-titre">${words.title}</title>${parts}</svg>`;
}
