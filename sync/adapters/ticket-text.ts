import type { CreateInput } from '../adapter';

/** Subject line for helpdesks: who, where, and the start of what they wrote. */
export function ticketSubject(input: CreateInput): string {
  const m = input.mention;
  const who = m.author.handle ? `@${m.author.handle}` : (m.author.name ?? 'Unknown author');
  const text = m.text.replace(/\s+/g, ' ').trim();
  return `[${m.platform}] ${who}: ${text.length > 80 ? text.slice(0, 79) + '…' : text}`.slice(0, 150);
}

const esc = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** The body of a ticket: the mention, its link, the agent's note. HTML is escaped for helpdesks that render it. */
export function ticketDescription(input: CreateInput, format: 'text' | 'html'): string {
  const m = input.mention;
  const lines = [
    m.text,
    '',
    `Link: ${m.url}`,
    `Author: ${[m.author.name, m.author.handle && `@${m.author.handle}`].filter(Boolean).join(' ') || 'unknown'}`,
    `Published: ${m.publishedAt ?? 'unknown'}`,
    `Category: ${input.category}, severity: ${input.severity}`,
    `Captured by ${input.capturedBy} at ${m.capturedAt}`,
    ...(input.note ? ['', `Note: ${input.note}`] : []),
  ];
  return format === 'html' ? lines.map((l) => `<p>${esc(l)}</p>`).join('') : lines.join('\n');
}
