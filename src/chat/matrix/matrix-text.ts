/** Entities Matrix clients write in `formatted_body`. */
const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'", nbsp: ' ' };

const decode = (html: string): string =>
  html.replace(/&(amp|lt|gt|quot|#39|nbsp);/g, (_, name: string) => ENTITIES[name] ?? '');

/**
 * What the person typed, user mentions rewritten to the core's neutral `<@user id>`: a mention is a link to
 * `https://matrix.to/#/@user:server` in `formatted_body` (its body holds only a display name). The quoted message of
 * a reply (`<mx-reply>`, or `> ` lines heading the body) is left out.
 */
export function typedText(content: Record<string, unknown>): string {
  const html = content.format === 'org.matrix.custom.html' ? content.formatted_body : undefined;
  if (typeof html === 'string' && html.includes('matrix.to/#/@')) {
    // Mentions are marked with private-use characters while the other tags are stripped, then become the token.
    const text = decode(
      html
        .replace(/<mx-reply>[\s\S]*?<\/mx-reply>/g, '')
        .replace(/<a href="https:\/\/matrix\.to\/#\/(@[^"?]+)[^"]*">[\s\S]*?<\/a>/g, '\uE000$1\uE001')
        .replace(/<br\s*\/?>/g, '\n')
        .replace(/<[^>]+>/g, ''),
    );
    return text
      .replace(/\uE000([^\uE001]*)\uE001/g, (_, id: string) => `<@${decodeURIComponent(id)}>`)
      .trim();
  }
  const body = typeof content.body === 'string' ? content.body : '';
  const lines = body.split('\n');
  // Reply fallback: quoted lines, then one empty line.
  if (lines[0]?.startsWith('> ')) {
    const end = lines.findIndex((l) => !l.startsWith('> '));
    return lines
      .slice(end === -1 ? lines.length : end + 1)
      .join('\n')
      .trim();
  }
  return body.trim();
}

/** `!cohorte moi` (or `/cohorte moi`, from clients that let it through) → the command and its text. */
export function commandOf(text: string): { name: string; text: string } | undefined {
  const match = /^[!/]([a-z][a-z-]*)(?:\s+([\s\S]*))?$/i.exec(text.trim());
  if (!match) return undefined;
  return { name: (match[1] as string).toLowerCase(), text: match[2]?.trim() ?? '' };
}
