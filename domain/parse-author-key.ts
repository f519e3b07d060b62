import { PLATFORMS, PLATFORM_IDS } from '../extract/platforms/platforms';

const PREFIXED = new RegExp(`^(${PLATFORM_IDS.join('|')}):@?(.+)$`);

/**
 * What an agent types to name an identity: `platform:handle` (`x:handle`, `blog:Name`), or a bare
 * `@handle`, which means the platform whose descriptor claims bare handles of that shape (X).
 */
export function parseAuthorKey(input: string): string | null {
  const v = input.trim().toLowerCase();
  if (v.startsWith('@')) {
    const bare = PLATFORMS.find((p) => p.bareHandle?.test(v.slice(1)));
    if (bare) return `${bare.id}:${v.slice(1)}`;
  }
  const m = PREFIXED.exec(v);
  return m?.[1] && m[2]?.trim() ? `${m[1]}:${m[2].trim()}` : null;
}
