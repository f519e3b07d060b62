import { useEffect, useState } from 'preact/hooks';
import type { StoredMention } from '../../domain/case';
import type { ThreadRead } from '../../storage/thread';
import { SafeLink } from '../SafeLink';
import { t } from '../i18n';
import { MentionText } from './MentionText';

export type Props = {
  /** The mention whose comments were kept at capture (threadJson). */
  mention: Pick<StoredMention, 'threadJson' | 'threadCount'>;
};

/** Shown at first, and added per "show more": 500 comments at once would stall the panel. */
const PAGE = 25;

/**
 * The comments under a captured post as the page showed them (domain/thread.ts). Read only when
 * the agent opens it (code and data): a 500-comment thread is ~350 KB of JSON, and the panel re-renders often.
 * Page text as text only.
 */
export function ThreadSnapshot({ mention }: Props) {
  const [open, setOpen] = useState(false);
  const [shown, setShown] = useState(PAGE);
  const [read, setRead] = useState<ThreadRead | null>(null);
  useEffect(() => {
    if (!open || read) return;
    // Loaded on first open: the schema check brings zod, 26 KB gzip the panel need not load at start.
    void import('../../storage/thread').then(({ threadOf }) => setRead(threadOf(mention)));
  }, [open, read, mention]);
  if (mention.threadJson === undefined) return null;
  return (
    <details class="thread" data-testid="thread" onToggle={(e) => setOpen(e.currentTarget.open)}>
      <summary>{t('threadTitle', (mention.threadCount ?? 0).toLocaleString())}</summary>
      {read && !read.ok && <p class="error">{t('threadUnreadable', read.error)}</p>}
      {read?.ok && read.thread && (
        <>
          <ol class="thread-comments">
            {read.thread.comments.slice(0, shown).map((c, i) => (
              <li key={c.id ?? i} data-testid="thread-comment">
                <p class="meta">
                  <SafeLink href={c.author.profileUrl}>{c.author.name ?? c.author.handle ?? '?'}</SafeLink>
                  {c.replyTo ? ` · ${t('threadReplyTo')}` : ''}
                  {c.publishedAt ? (
                    <>
                      {' · '}
                      <time dateTime={c.publishedAt}>{new Date(c.publishedAt).toLocaleString()}</time>
                    </>
                  ) : null}
                  {c.url ? (
                    <>
                      {' · '}
                      <SafeLink href={c.url}>#</SafeLink>
                    </>
                  ) : null}
                </p>
                <MentionText text={c.text} />
              </li>
            ))}
          </ol>
          {read.thread.comments.length > shown && (
            <button type="button" class="secondary" onClick={() => setShown(shown + 100)}>
              {t('threadMore', Math.min(100, read.thread.comments.length - shown).toLocaleString())}
            </button>
          )}
        </>
      )}
    </details>
  );
}
