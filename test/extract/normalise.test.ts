import { describe, expect, it } from 'vitest';
import { cleanLine, cleanLineFully, normaliseText, normaliseTextFully } from '../../extract/dom/normalise';

/** Deterministic pseudo-random strings (mulberry32), so a failure can be replayed. */
function strings(seed: number, count: number, alphabet: string[]): string[] {
  let a = seed;
  const rnd = () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return Array.from({ length: count }, () =>
    Array.from({ length: 1 + Math.floor(rnd() * 40) }, () => alphabet[Math.floor(rnd() * alphabet.length)]!).join(''),
  );
}

describe('normaliseText short path (comments skip the eight-pass normalisation)', () => {
  it('gives exactly what the full normalisation gives on plain text', () => {
    for (const s of strings(7, 3000, ['a', 'b', 'é', '😀', ' ', ' ', '\n', '\n', '.']))
      expect(normaliseText(s)).toBe(normaliseTextFully(s));
  });

  it('still escapes invisibles and folds odd spaces when a text has any', () => {
    const odd = ['a', ' ', '\n', '\r', '\t', '\u00A0', '\u200B', '\u202E', '\u00AD', '\u2028', '\uFEFF', '\u3000'];
    for (const s of strings(11, 3000, odd)) expect(normaliseText(s)).toBe(normaliseTextFully(s));
    expect(normaliseText('Acme\u200BTelecom  \r\n\n\n  down')).toBe('Acme[U+200B]Telecom\n\ndown');
  });
});

describe('cleanLine short path (names of 500 comments skip the three passes when they need none)', () => {
  it('gives exactly what the full passes give', () => {
    const odd = [
      'a',
      'B',
      ' ',
      ' ',
      '\n',
      '\t',
      '\u00A0',
      '\u200B',
      '\u202E',
      '\u00AD',
      '\u2028',
      '\uFEFF',
      '\u180E',
      '😀',
    ];
    for (const s of strings(13, 3000, odd)) expect(cleanLine(s, 20)).toBe(cleanLineFully(s, 20));
    for (const s of strings(17, 3000, ['a', 'b', ' ', '.'])) expect(cleanLine(s)).toBe(cleanLineFully(s));
    expect(cleanLine('')).toBeNull();
  });
});
