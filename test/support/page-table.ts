/** Runs of spaces and line breaks as a browser shows them: one space (no-break spaces stay). */
export const collapsed = (text: string): string => text.replace(/[ \t\r\n]+/g, ' ').trim();

/** The text of a piece of page HTML as a person reads it: tags dropped, entities decoded, spaces collapsed. */
export function textOf(html: string): string {
  return collapsed(
    html
      .replace(/<[^>]*>/g, '')
      .replace(/&lt;/g, '<')
      .replace(/&gt;/g, '>')
      .replace(/&quot;/g, '"')
      .replace(/&#39;/g, "'")
      .replace(/&amp;/g, '&'),
  );
}

/** A table of a page, by its id: its caption, then its header and body rows as cell texts. */
export function pageTable(page: string, id: string): { caption: string; rows: string[][] } {
  const table = new RegExp(`<table id="${id}">([\\s\\S]*?)</table>`).exec(page)?.[1];
  if (table === undefined) throw new Error(`no table #${id} in the page`);
  const caption = textOf(/<caption>([\s\S]*?)<\/caption>/.exec(table)?.[1] ?? '');
  const rows = [...table.matchAll(/<tr>([\s\S]*?)<\/tr>/g)].map((row) =>
    [...(row[1] ?? '').matchAll(/<t[hd][^>]*>([\s\S]*?)<\/t[hd]>/g)].map((cell) => textOf(cell[1] ?? '')),
  );
  return { caption, rows };
}
