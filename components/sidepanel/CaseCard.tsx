import type { LinkedCase } from '../../storage/linked-cases';
import { SafeLink } from '../SafeLink';
import { ago, t } from '../i18n';
import { CATEGORY_LABEL, platformLabel, REASON_LABEL, SEVERITY_LABEL, STATUS_LABEL, SYNC_LABEL } from '../labels';
import { CaseActions } from './CaseActions';
import { EvidenceThumbnail } from './EvidenceThumbnail';
import { IdentityLink } from './IdentityLink';
import { MentionText } from './MentionText';
import { ThreadSnapshot } from './ThreadSnapshot';

export type Props = {
  /** The case, its mentions and why it is linked to the page. */
  item: LinkedCase;
  /** For each author identity, the identities linked to it as the same person. */
  identities: Record<string, string[]>;
};

/** One case: status, owner, age, where it came from, its mentions and its history. Page text as text only. */
export function CaseCard({ item, identities }: Props) {
  const c = item.case;
  const first = item.mentions[0];
  const authors = [...new Set(item.mentions.map((m) => m.authorKey).filter((k): k is string => !!k))];
  return (
    <article
      class="case"
      data-testid="case"
      data-case-id={c.id}
      aria-label={`${t(STATUS_LABEL[c.status])}: ${first?.author.name ?? first?.author.handle ?? c.id}`}
    >
      <header>
        <span class="badge" data-testid="status">
          {t(STATUS_LABEL[c.status])}
        </span>
        <span class={`badge ${c.syncState}`} data-testid="sync" title={c.syncError ?? undefined}>
          {t(SYNC_LABEL[c.syncState])}
        </span>
        <span>
          {t('owner')}: <strong data-testid="owner">{c.owner ?? t('ownerNone')}</strong>
        </span>
        <span class="meta">
          {t(CATEGORY_LABEL[c.category])} · {t(SEVERITY_LABEL[c.severity])} · {t('firstSeen', ago(c.createdAt))} ·{' '}
          {t('updated', ago(c.updatedAt))}
        </span>
        {item.reasons.map((r) => (
          <span key={r} class="badge" data-testid="reason">
            {t(REASON_LABEL[r])}
          </span>
        ))}
      </header>
      {c.syncState === 'failed' && c.syncError && <p class="error">{c.syncError}</p>}
      {item.mentions.map((m) => (
        <div key={m.id}>
          <p class="meta">
            <SafeLink href={m.author.profileUrl}>{m.author.name ?? m.author.handle ?? '?'}</SafeLink>
            {m.author.handle ? ` @${m.author.handle}` : ''} · {t('from', t(platformLabel(m.platform)))} ·{' '}
            <SafeLink href={m.url}>{m.title ?? m.url}</SafeLink>
          </p>
          <MentionText text={m.text} />
          <EvidenceThumbnail mentionId={m.id} />
          <ThreadSnapshot mention={m} />
        </div>
      ))}
      {authors.map((k) => (
        <IdentityLink key={k} authorKey={k} linked={identities[k] ?? []} />
      ))}
      <details>
        <summary>
          {t('logTitle')} ({c.log.length})
        </summary>
        <ol class="log">
          {c.log.map((e) => (
            <li key={e.id}>
              <time dateTime={e.at}>{new Date(e.at).toLocaleString()}</time> · {e.by}: {e.text}
            </li>
          ))}
        </ol>
      </details>
      <CaseActions kase={c} />
    </article>
  );
}
