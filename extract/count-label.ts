/**
 * Counts as pages abbreviate them: "1.2M subscribers", "12K", "3,4 mln. abonnees", "1,234 likes".
 * YouTube, TikTok and Facebook print reach this way; reading "1.2M" digit by digit gave 12.
 */
const SCALE: [RegExp, number][] = [
  [/^(k|duizend|thousand)$/i, 1e3],
  [/^(m|mln|mio|million|miljoen)$/i, 1e6],
  [/^(b|bn|mld|billion|miljard)$/i, 1e9],
];

/** The first count in a label, with its K/M/B (or Dutch mln/mld) scale; null when there is none. */
export function compactCount(label: string | null | undefined): number | null {
  const m = /(\d[\d.,\u00A0\u202F ]*)\s*([a-z]+)?\.?/i.exec(label ?? '');
  if (!m) return null;
  const digits = m[1]!.replace(/[\s\u00A0\u202F]+$/, '');
  const scale = SCALE.find(([re]) => re.test(m[2] ?? ''))?.[1];
  if (!scale) {
    const n = Number(digits.replace(/[^\d]/g, ''));
    return Number.isSafeInteger(n) ? n : null;
  }
  // With a scale the separator is a decimal point: "1.2M" and "1,2 mln" are 1,200,000.
  const n = Number(digits.replace(/[\s\u00A0\u202F]/g, '').replace(',', '.'));
  return Number.isFinite(n) ? Math.round(n * scale) : null;
}
