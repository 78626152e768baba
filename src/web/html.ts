/** A piece of HTML already safe to send: only {@link html} makes one. */
export class Html {
  constructor(readonly text: string) {}
  toString(): string {
    return this.text;
  }
}

/** What a template may interpolate: text (escaped), safe HTML, numbers, nothing, or a list of these. */
export type Interpolable = Html | string | number | undefined | null | false | readonly Interpolable[];

const ENTITIES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/** Escapes text for HTML content and quoted attribute values. */
export const escapeHtml = (text: string): string => text.replace(/[&<>"']/g, (c) => ENTITIES[c] ?? c);

function render(value: Interpolable): string {
  if (value instanceof Html) return value.text;
  if (Array.isArray(value)) return value.map(render).join('');
  if (value === undefined || value === null || value === false) return '';
  return escapeHtml(String(value));
}

/**
 * The one template tag of the pages: every interpolated value is escaped unless it is itself {@link Html}, so user
 * text (names, skills, stand-up answers) can never become markup.
 */
export function html(strings: TemplateStringsArray, ...values: Interpolable[]): Html {
  let out = strings[0] ?? '';
  values.forEach((value, i) => {
    out += render(value) + (strings[i + 1] ?? '');
  });
  return new Html(out);
}
