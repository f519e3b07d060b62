import type { StoredMention } from '../../domain/case';
import type { Protocol } from '../../domain/settings';
import type { QueueRow } from '../../domain/queue-row';
import { timeToFirstResponse } from '../../domain/sla';
import type { StoredCase } from '../../storage/db';
import { duration, localTime } from '../format';
import { ago, t } from '../i18n';
import { CATEGORY_LABEL, KIND_LABEL, platformLabel } from '../labels';
import { Reach } from '../Reach';
import { SafeLink } from '../SafeLink';
import { MentionText } from './MentionText';

export type Props = {
  kase: StoredCase;
  row: QueueRow;
  /** The case's first mention (null when purged). */
  first: StoredMention | null;
  /** What the team does for this category, from the options. */
  protocol: Protocol | undefined;
  now: number;
};

/** What the case is about and how urgent: text, title, reach, priority, ages, SLA and the category's protocol. */
export function CaseFacts({ kase, row, first, protocol, now }: Props) {
  const s = kase.subject;
  const ttfr = timeToFirstResponse(kase);
  return (
    <div class="facts-block">
      {first ? (
        <p class="meta">
          <SafeLink href={first.author.profileUrl}>{first.author.name ?? first.author.handle ?? '?'}</SafeLink>
          {first.author.handle && first.author.name ? ` @${first.author.handle}` : ''} ·{' '}
          {t(platformLabel(first.platform))} {t(KIND_LABEL[first.kind])} ·{' '}
          <SafeLink href={first.url}>{t('openPost')}</SafeLink>
        </p>
      ) : (
        <p class="meta">{t('mentionPurged')}</p>
      )}
      {s?.title && <p class="title">{s.title}</p>}
      {first && <MentionText text={first.text} />}
      <div class="facts">
        {s && (
          <Reach
            followers={s.followers}
            views={s.metrics.views}
            replies={s.metrics.replies}
            reposts={s.metrics.reposts}
            likes={s.metrics.likes}
          />
        )}
      </div>
      <dl class="grid">
        <dt>{t('priority')}</dt>
        <dd data-testid="priority">{row.priority}</dd>
        <dt>{t('category')}</dt>
        <dd>{t(CATEGORY_LABEL[kase.category])}</dd>
        <dt>{t('age')}</dt>
        <dd>
          {s?.publishedAt ? t('postedAgo', ago(s.publishedAt, now)) : ''}
          {s?.publishedAt ? ' · ' : ''}
          {t('capturedAgo', ago(kase.createdAt, now))}
        </dd>
        <dt>{t('sla')}</dt>
        <dd data-testid="sla" class={row.overdue ? 'late' : ''}>
          {kase.firstResponse
            ? t('answeredAfter', localTime(kase.firstResponse.at), duration(ttfr ?? 0))
            : row.dueAt === null
              ? t('slaNone')
              : row.overdue
                ? t('slaOverdue', duration(now - row.dueAt))
                : t('slaDueIn', duration(row.dueAt - now))}
        </dd>
      </dl>
      {protocol?.text.trim() && (
        <div class="protocol" data-testid="protocol">
          <strong>{t('protocolFor', t(CATEGORY_LABEL[kase.category]))}</strong>
          <p>{protocol.text}</p>
          {protocol.owner.trim() && <p class="meta">{t('protocolOwner', protocol.owner)}</p>}
        </div>
      )}
    </div>
  );
}
