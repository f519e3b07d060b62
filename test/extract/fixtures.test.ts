/**
 * One test per saved page in test/fixtures/pages/<platform>/: the extractor's output must equal
 * <name>.expected.json. A page's request (URL, and optional named cases with a selection, a
 * target selector or a link) is in <name>.request.json. A private conversation's request also
 * says whether the agent allowed direct messages (`readPrivate`) and names `captures`: whole
 * captures (extractCapture: the range of messages, or the refusal) with their own `dmLast`.
 * New page: add both files, run `UPDATE_FIXTURES=1 npx vitest run test/extract`, then check the
 * expected file by hand.
 */
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { MentionSchema } from '../../domain/mention';
import type { Mention } from '../../domain/mention';
import { extractAll, extractCapture, extractMention, type CaptureRead, type CaptureRequest } from '../../extract/index';

export const PAGES = join(__dirname, '..', 'fixtures', 'pages');
const NOW = new Date('2026-01-01T00:00:00.000Z');
const UPDATE = process.env.UPDATE_FIXTURES === '1';

interface Case {
  selection?: string;
  target?: string;
  linkUrl?: string;
}
interface CaptureCase extends Case {
  readPrivate?: boolean;
  dmLast?: number;
}
interface Output {
  mention: Mention;
  all: Mention[];
  cases: Record<string, Mention>;
  captures?: Record<string, CaptureRead>;
}
interface RequestFile {
  url: string;
  readPrivate?: boolean;
  cases?: Record<string, Case>;
  captures?: Record<string, CaptureCase>;
}

export function fixturePages(): { platform: string; name: string; html: string }[] {
  return readdirSync(PAGES, { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .map((d) => d.name)
    .flatMap((platform) =>
      readdirSync(join(PAGES, platform))
        .filter((f) => f.endsWith('.html'))
        .map((f) => ({ platform, name: f.slice(0, -5), html: join(PAGES, platform, f) })),
    );
}

function run(htmlFile: string, reqFile: RequestFile) {
  const { document } = parseHTML(readFileSync(htmlFile, 'utf8'));
  const base: CaptureRequest = { url: reqFile.url, now: NOW, readPrivate: reqFile.readPrivate };
  const targetOf = (name: string, c: Case) => {
    const target = c.target ? document.querySelector(c.target) : null;
    if (c.target && !target) throw new Error(`case ${name}: target selector ${c.target} matches nothing`);
    return target;
  };
  const cases: Record<string, Mention> = {};
  for (const [name, c] of Object.entries(reqFile.cases ?? {})) {
    cases[name] = extractMention(document, {
      ...base,
      selection: c.selection ?? null,
      target: targetOf(name, c),
      linkUrl: c.linkUrl ?? null,
    });
  }
  const out: Output = { mention: extractMention(document, base), all: extractAll(document, base), cases };
  if (reqFile.captures) {
    const captures: Record<string, CaptureRead> = {};
    for (const [name, c] of Object.entries(reqFile.captures))
      captures[name] = extractCapture(document, {
        ...base,
        readPrivate: c.readPrivate ?? reqFile.readPrivate,
        dmLast: c.dmLast,
        selection: c.selection ?? null,
        target: targetOf(name, c),
      });
    out.captures = captures;
  }
  return out;
}

describe('extraction fixtures', () => {
  for (const page of fixturePages()) {
    it(`${page.platform}/${page.name}`, () => {
      const reqPath = page.html.replace(/\.html$/, '.request.json');
      const expPath = page.html.replace(/\.html$/, '.expected.json');
      expect(existsSync(reqPath), `missing ${reqPath}: write {"url": "<page URL>"}`).toBe(true);
      const got = run(page.html, JSON.parse(readFileSync(reqPath, 'utf8')) as RequestFile);
      for (const m of [got.mention, ...got.all, ...Object.values(got.cases)]) MentionSchema.parse(m);
      for (const c of Object.values(got.captures ?? {}))
        if (!c.refused) for (const m of [c.mention, ...c.also]) MentionSchema.parse(m);
      if (UPDATE) writeFileSync(expPath, `${JSON.stringify(got, null, 2)}\n`);
      if (!existsSync(expPath)) {
        throw new Error(
          `no expected output for ${page.platform}/${page.name}: run UPDATE_FIXTURES=1 npx vitest run test/extract, then check ${expPath} by hand`,
        );
      }
      expect(got).toEqual(JSON.parse(readFileSync(expPath, 'utf8')));
    });
  }
});
