/** What an agent types to name an identity: `x:handle`, `blog:Name`, or `@handle` (an X handle). */
export function parseAuthorKey(input: string): string | null {
  const v = input.trim().toLowerCase();
  if (/^@\w{1,15}$/.test(v)) return `x:${v.slice(1)}`;
  const m = /^(x|mastodon|bluesky|reddit|threads|linkedin|blog|web):@?(.+)$/.exec(v);
  return m?.[1] && m[2]?.trim() ? `${m[1]}:${m[2].trim()}` : null;
}
