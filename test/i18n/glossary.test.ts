import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

type Messages = Record<string, { message: string }>;
const nl = JSON.parse(readFileSync('public/_locales/nl/messages.json', 'utf8')) as Messages;

/**
 * One Dutch term per concept: a Dutch agent reads "zaak" everywhere, never "case" in one place
 * and "zaak" in the next. Each entry: the word not to use, and the one the catalogue uses.
 */
const AVOID: [RegExp, string][] = [
  [/\bcases?\b/i, 'zaak / zaken'],
  [/\bposts?\b/i, 'bericht / berichten'],
  [/\bmeldingen?\b/i, 'vermelding (a captured post or comment), or klacht'],
  [/\blogboek\b/i, 'geschiedenis'],
  [/\btweets?\b/i, 'bericht'],
  [/\bsync\b/i, 'synchroniseren / synchronisatie'],
];

describe('the Dutch catalogue', () => {
  it('uses one term per concept', () => {
    const found = Object.entries(nl).flatMap(([key, { message }]) =>
      AVOID.filter(([word]) => word.test(message)).map(([word, use]) => `${key}: "${message}" has ${word}, use ${use}`),
    );
    expect(found).toEqual([]);
  });
});
