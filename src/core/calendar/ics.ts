/**
 * RFC 5545 iCalendar text for events, with times in UTC (`…Z`): every calendar shows them in its own zone, so a
 * Paris session shows at its Paris time on both sides of a daylight-saving change without a VTIMEZONE.
 */

/** One event of a calendar. */
export interface IcsEvent {
  /** Globally unique and stable across changes, so calendars update the event instead of adding one. */
  uid: string;
  /** Raised on every change (RFC 5545 §3.8.7.4). */
  sequence: number;
  start: Date;
  end: Date;
  summary: string;
  location?: string;
  description?: string;
  url?: string;
  cancelled?: boolean;
  /** When this version was written (DTSTAMP). */
  stamp: Date;
}

const encoder = new TextEncoder();

/** `20261203T083000Z`. */
const utc = (at: Date): string => `${at.toISOString().replace(/[-:]/g, '').slice(0, 15)}Z`;

/** TEXT escaping (§3.3.11): backslash, semicolon, comma, and line breaks as `\n`. */
const text = (value: string): string =>
  value.replace(/\\/g, '\\\\').replace(/;/g, '\\;').replace(/,/g, '\\,').replace(/\r?\n/g, '\\n');

/** Folds a content line at 75 octets (§3.1), never inside a UTF-8 character. */
function fold(line: string): string {
  const parts: string[] = [];
  let current = '';
  let octets = 0;
  for (const char of line) {
    const size = encoder.encode(char).length;
    if (octets + size > (parts.length === 0 ? 75 : 74)) {
      parts.push(current);
      current = '';
      octets = 0;
    }
    current += char;
    octets += size;
  }
  parts.push(current);
  return parts.join('\r\n ');
}

function eventLines(event: IcsEvent): string[] {
  return [
    'BEGIN:VEVENT',
    `UID:${event.uid}`,
    `SEQUENCE:${event.sequence}`,
    `DTSTAMP:${utc(event.stamp)}`,
    `DTSTART:${utc(event.start)}`,
    `DTEND:${utc(event.end)}`,
    `SUMMARY:${text(event.summary)}`,
    ...(event.location ? [`LOCATION:${text(event.location)}`] : []),
    ...(event.description ? [`DESCRIPTION:${text(event.description)}`] : []),
    ...(event.url ? [`URL:${event.url}`] : []),
    `STATUS:${event.cancelled ? 'CANCELLED' : 'CONFIRMED'}`,
    'END:VEVENT',
  ];
}

/**
 * A VCALENDAR of events, CRLF line endings, folded lines. `method` is PUBLISH for a feed and a single event,
 * CANCEL for a cancelled one (§3.7.2; RFC 5546), which calendars apply to the event of the same UID.
 */
export function icsCalendar(
  events: readonly IcsEvent[],
  options: { name: string; method?: 'PUBLISH' | 'CANCEL' },
): string {
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//Cohorte//Sessions EIG//FR',
    'CALSCALE:GREGORIAN',
    `METHOD:${options.method ?? 'PUBLISH'}`,
    `X-WR-CALNAME:${text(options.name)}`,
    ...events.flatMap(eventLines),
    'END:VCALENDAR',
  ];
  return `${lines.map(fold).join('\r\n')}\r\n`;
}
