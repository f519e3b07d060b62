import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

type Messages = Record<string, { message: string; placeholders?: Record<string, { content: string }> }>;
const dir = 'public/_locales';
const load = (lang: string): Messages => JSON.parse(readFileSync(join(dir, lang, 'messages.json'), 'utf8'));
const placeholders = (m: Messages[string]) =>
  [...m.message.matchAll(/\$(\w+)\$/g)].map((x) => x[1]!.toLowerCase()).sort();

// Issue 5: English and Dutch ship; a string added to one locale only would show its key in the other.
describe('locales', () => {
  const en = load('en');
  for (const lang of readdirSync(dir).filter((l) => l !== 'en')) {
    const other = load(lang);
    it(`${lang} has exactly the keys of en`, () => expect(Object.keys(other).sort()).toEqual(Object.keys(en).sort()));
    it(`${lang} uses the same placeholders as en, each declared`, () => {
      for (const [key, m] of Object.entries(en)) {
        const o = other[key];
        if (!o) continue;
        expect(placeholders(o), key).toEqual(placeholders(m));
        for (const p of placeholders(o)) expect(o.placeholders?.[p], `${lang} ${key} declares $${p}$`).toBeDefined();
      }
    });
  }
});
