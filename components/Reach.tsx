import { compact } from './format';
import { t } from './i18n';

export type Props = {
  followers: number | null;
  views: number | null;
  replies: number | null;
  reposts: number | null;
  likes?: number | null;
};

/** The reach the page showed: followers, views, replies, reposts (and likes), where read. */
export function Reach({ followers, views, replies, reposts, likes }: Props) {
  const parts = [
    followers !== null && t('reach_followers', compact(followers)),
    views !== null && t('reach_views', compact(views)),
    replies !== null && t('reach_replies', compact(replies)),
    reposts !== null && t('reach_reposts', compact(reposts)),
    likes !== null && likes !== undefined && t('reach_likes', compact(likes)),
  ].filter((p): p is string => !!p);
  if (!parts.length) return null;
  return (
    <ul class="reach" data-testid="reach" aria-label={t('reach')}>
      {parts.map((p) => (
        <li key={p}>{p}</li>
      ))}
    </ul>
  );
}
