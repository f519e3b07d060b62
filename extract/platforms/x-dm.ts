/**
 * X direct messages, read only when the agent has switched that on and asks on the conversation
 * (extract/index.ts stops before any extractor otherwise). Two views:
 * - the newer chat (/i/chat/<id>, often inside the open shadow root of
 *   [data-testid="xchatEmbedRoute"]): dm-conversation-panel, dm-conversation-header (a link to the
 *   other person's profile), dm-conversation-username, dm-message-list; each message is
 *   [data-testid="message-<uuid>"] with its text in [data-testid="message-text-<uuid>"]. X lays a
 *   message out `justify-end` when the signed-in account sent it and `justify-start` when the other
 *   person did: that is how the brand's own messages are told apart.
 * - the classic view (/messages/<id>): DmActivityContainer, DmScrollerContainer, one
 *   [data-testid="messageEntry"] per message, its text in tweetText; X puts the other person's
 *   avatar link (DM_Conversation_Avatar) beside their messages and none beside the account's own.
 * Only the customer's messages become mentions (kind `dm`); the brand's are context.
 */
import type { Author } from '../../domain/mention';
import { newDraft } from '../draft';
import { cleanLine } from '../dom/normalise';
import { textOf } from '../dom/text';
import { httpUrl, parseUrl } from '../dom/url';
import { shownTime } from '../time-label';
import type { Ctx, Draft, Extractor, Found } from '../types';
import { onPlatformHost, onPrivatePath } from './descriptor';
import { xPlatform } from './x.descriptor';

export type Side = 'customer' | 'brand' | 'unknown';

export interface DmMessage {
  el: Element;
  /** X's id for the message (newer view); the classic view shows none. */
  id: string | null;
  side: Side;
  text: string;
  lang: string | null;
  /** As shown ("10:42"), with the day separator above it. */
  timeLabel: string;
  publishedAt: string | null;
  approximate: boolean;
}

export interface Conversation {
  url: string;
  view: 'chat' | 'classic';
  customer: Author;
  /** The signed-in account (the brand), as far as the page names it. */
  brand: Author;
  /** Every loaded message, oldest first. */
  messages: DmMessage[];
}

const NEW_ROW = '[data-testid^="message-"]';
const CLOCK_ONLY = /^\d{1,2}[:.]\d{2}(\s?[ap]\.?m\.?)?$/i;

/** The newer chat lives in an open shadow root; the classic view in the document. */
function chatRoot(doc: Document): ParentNode {
  const host = doc.querySelector('[data-testid="xchatEmbedRoute"]');
  return host?.shadowRoot ?? doc;
}

const isNewRow = (el: Element) => {
  const id = el.getAttribute('data-testid') ?? '';
  return id.startsWith('message-') && !id.startsWith('message-text-');
};

/** Side of a newer-view message: the layout X gives the row (see the file's header). */
function newSide(row: Element): Side {
  if (row.classList.contains('justify-end')) return 'brand';
  if (row.classList.contains('justify-start')) return 'customer';
  const side = row.querySelector('[data-side]')?.getAttribute('data-side');
  return side === 'end' ? 'brand' : side === 'start' ? 'customer' : 'unknown';
}

function clockIn(row: Element, words: Element | null): string {
  const hidden = row.querySelector('[id$="-time"]');
  if (hidden) return cleanLine(hidden.textContent) ?? '';
  const time = row.querySelector('time');
  if (time) return time.getAttribute('datetime') ?? cleanLine(time.textContent) ?? '';
  for (const s of Array.from(row.querySelectorAll('span'))) {
    if (words?.contains(s)) continue;
    const t = (s.textContent ?? '').trim();
    if (CLOCK_ONLY.test(t)) return t;
  }
  return '';
}

/** Is this leaf a day separator ("Today", "Nov 20, 2026")? */
function dayLabel(el: Element, rowSel: string, now: Date): string | null {
  if (el.children.length > 0 || el.closest(rowSel)) return null;
  const t = cleanLine(el.textContent) ?? '';
  if (!t || t.length > 40 || CLOCK_ONLY.test(t)) return null;
  return shownTime(t, now).iso ? t : null;
}

function messagesIn(list: ParentNode, ctx: Ctx, view: Conversation['view']): DmMessage[] {
  const out: DmMessage[] = [];
  const rowSel = view === 'chat' ? NEW_ROW : '[data-testid="messageEntry"]';
  let day: string | null = null;
  for (const el of Array.from(list.querySelectorAll('*'))) {
    const isRow = view === 'chat' ? isNewRow(el) : el.getAttribute('data-testid') === 'messageEntry';
    if (!isRow) {
      day = dayLabel(el, rowSel, ctx.now) ?? day;
      continue;
    }
    if (el.parentElement?.closest(rowSel)) continue;
    const id = view === 'chat' ? el.getAttribute('data-testid')!.slice('message-'.length) : null;
    const holder =
      view === 'chat'
        ? Array.from(el.querySelectorAll('[data-testid^="message-text-"]'))[0]
        : el.querySelector('[data-testid="tweetText"]');
    // The words only: the newer view tucks the time in beside them.
    const words = holder?.querySelector('span[dir="auto"]') ?? holder ?? null;
    const side: Side =
      view === 'chat' ? newSide(el) : el.querySelector('[data-testid="DM_Conversation_Avatar"]') ? 'customer' : 'brand';
    const label = clockIn(el, words);
    const shown = shownTime(label, ctx.now, day);
    out.push({
      el,
      id,
      side,
      text: textOf(words),
      // The message's own lang only: the page's <html lang> is the UI language, not the customer's.
      lang: words?.getAttribute('lang') ?? holder?.getAttribute('lang') ?? null,
      timeLabel: [day, label].filter(Boolean).join(' '),
      publishedAt: shown.iso,
      approximate: shown.approximate,
    });
  }
  return out;
}

/** The other person: the header's link to their profile and the name beside it. */
function customerOf(root: ParentNode, view: Conversation['view'], base: string): Author {
  const header =
    view === 'chat'
      ? root.querySelector('[data-testid="dm-conversation-header"]')
      : root.querySelector('[data-testid="DmActivityContainer"]');
  const link =
    view === 'chat'
      ? (header?.querySelector('a[href]') ?? null)
      : (header?.querySelector('[data-testid="DM_Conversation_Avatar"]') ?? null);
  const u = parseUrl(link?.getAttribute('href'), base);
  const handle =
    u && onPlatformHost(xPlatform, u.hostname) ? (/^\/(\w{1,15})\/?$/.exec(u.pathname)?.[1] ?? null) : null;
  // The newer header shows the name and, below it, the @handle: the name is its first block.
  const username = root.querySelector('[data-testid="dm-conversation-username"]');
  const nameEl =
    view === 'chat' ? (username?.querySelector('div div') ?? username) : (header?.querySelector('h2') ?? null);
  return {
    name: cleanLine(textOf(nameEl, { inline: true }).replace(/\s*@\w{1,15}\s*$/, '')),
    handle,
    profileUrl: handle ? httpUrl(`/${handle}`, base) : null,
    followers: null,
  };
}

/** The signed-in account, from the navigation's profile link (X shows it on every page). */
function brandOf(doc: Document, base: string): Author {
  const href = doc.querySelector('a[data-testid="AppTabBar_Profile_Link"]')?.getAttribute('href') ?? '';
  const handle = /^\/(\w{1,15})$/.exec(href)?.[1] ?? null;
  return { name: null, handle, profileUrl: handle ? httpUrl(`/${handle}`, base) : null, followers: null };
}

/** The conversation the page shows, or null when none is open (the inbox, a loading page). */
export function readConversation(ctx: Ctx): Conversation | null {
  const root = chatRoot(ctx.doc);
  const url = `${ctx.url.origin}${ctx.url.pathname.replace(/\/+$/, '')}`;
  const base = ctx.url.href;
  const chat = root.querySelector('[data-testid="dm-conversation-panel"]');
  if (chat) {
    const list = chat.querySelector('[data-testid="dm-message-list"]') ?? chat;
    return {
      url,
      view: 'chat',
      customer: customerOf(root, 'chat', base),
      brand: brandOf(ctx.doc, base),
      messages: messagesIn(list, ctx, 'chat'),
    };
  }
  const classic = ctx.doc.querySelector('[data-testid="DmActivityContainer"]');
  if (!classic) return null;
  const list = classic.querySelector('[data-testid="DmScrollerContainer"]') ?? classic;
  return {
    url,
    view: 'classic',
    customer: customerOf(ctx.doc, 'classic', base),
    brand: brandOf(ctx.doc, base),
    messages: messagesIn(list, ctx, 'classic'),
  };
}

/** One of the customer's messages as a mention draft of kind `dm`; the conversation is its permalink. */
export function dmDraft(m: DmMessage, conv: Conversation): Draft {
  const d = newDraft('x', 'dm');
  d.url = conv.url;
  d.postId = m.id;
  d.author = { ...conv.customer };
  d.text = m.text;
  d.language = m.lang;
  d.publishedAt = m.publishedAt;
  if (m.approximate) d.warnings.push(`time worked out from "${m.timeLabel}" as shown`);
  return d;
}

export const xDm: Extractor = {
  id: 'x-dm',
  matchesUrl: (u) => onPrivatePath(xPlatform, u),
  detect: () => true,
  extract(ctx) {
    const conv = readConversation(ctx);
    if (!conv) return [];
    return conv.messages
      .filter((m) => m.side === 'customer')
      .map((m): Found => ({ draft: dmDraft(m, conv), el: m.el, kind: 'dm' }));
  },
  // Nothing pointed at: the customer's latest message.
  primary: (found) => found.at(-1),
};
