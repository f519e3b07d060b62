/**
 * `npm run extract -- <saved-page.html> --url <page-url> [--all] [--selection "<text>"]`
 * Prints the Mention (or with --all every mention) as JSON. Errors: one line on stderr, exit 1.
 */
import { readFileSync } from 'node:fs';
import { parseHTML } from 'linkedom';
import { extractAll, extractMention } from './index';

function fail(msg: string): never {
  process.stderr.write(`extract: ${msg}\n`);
  process.exit(1);
}

const args = process.argv.slice(2);
let file: string | undefined;
let url: string | undefined;
let selection: string | null = null;
let all = false;
for (let i = 0; i < args.length; i++) {
  const a = args[i]!;
  if (a === '--all') all = true;
  else if (a === '--url') url = args[++i];
  else if (a === '--selection') selection = args[++i] ?? null;
  else if (a.startsWith('--')) fail(`unknown option ${a}`);
  else file = a;
}
if (!file) fail('usage: extract <saved-page.html> --url <page-url> [--all] [--selection "<text>"]');
let html: string;
try {
  html = readFileSync(file, 'utf8');
} catch {
  fail(`cannot read file ${file}`);
}
if (!url || !/^https?:\/\//i.test(url) || !URL.canParse(url)) fail(`bad or missing --url ${url ?? ''}`.trim());
const { document } = parseHTML(html);
const req = { url, selection };
const out = all ? extractAll(document, req) : extractMention(document, req);
process.stdout.write(`${JSON.stringify(out, null, 2)}\n`);
