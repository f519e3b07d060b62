/**
 * Which language detector to keep: franc-min vs tinyld (light), on the corpus pages whose
 * reference has a language (text = what extract/ reads) and on short complaint-like sentences in
 * en/nl/es/de/fr (social posts are short). Prints accuracy and time. `npx tsx scripts/bench-language.ts`
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { franc } from 'franc-min';
import { detect } from 'tinyld/light';
import { parseHTML } from 'linkedom';
import { extractMention } from '../extract/index';
import { primaryTag } from '../extract/language';

const ISO3: Record<string, string> = {
  eng: 'en',
  nld: 'nl',
  spa: 'es',
  deu: 'de',
  fra: 'fr',
  por: 'pt',
  ita: 'it',
  ces: 'cs',
  rus: 'ru',
  jpn: 'ja',
  cmn: 'zh',
  kor: 'ko',
  pol: 'pl',
  tur: 'tr',
  ukr: 'uk',
  ell: 'el',
  swe: 'sv',
  dan: 'da',
  nob: 'no',
  fin: 'fi',
  ron: 'ro',
  hun: 'hu',
  arb: 'ar',
  heb: 'he',
  ind: 'id',
  vie: 'vi',
  tha: 'th',
};
const tools = {
  'franc-min': (t: string) => {
    const c = franc(t, { minLength: 10 });
    return c === 'und' ? null : (ISO3[c] ?? c);
  },
  'tinyld/light': (t: string) => detect(t) || null,
};
const samples: [string, string][] = [
  ['en', 'Third day in a row I cannot log in to the app. Fix it please!'],
  ['en', 'My parcel has been stuck in the depot for two weeks and nobody answers.'],
  ['nl', 'Nee hoor, nog steeds geen internet sinds gisteren.'],
  ['nl', 'Mijn energierekening is verdubbeld zonder uitleg en niemand neemt op.'],
  ['nl', 'Bij ons precies hetzelfde in Zeist.'],
  ['es', 'No puedo entrar en la app del banco desde ayer.'],
  ['es', 'La aerolínea canceló mi vuelo y nadie responde al teléfono.'],
  ['es', 'Llevo tres días esperando el reembolso.'],
  ['de', 'Mein Paket ist seit zwei Wochen im Verteilzentrum und niemand hilft.'],
  ['de', 'Der Kundendienst antwortet nur mit Textbausteinen.'],
  ['de', 'Die Rechnung ist schon wieder falsch.'],
  ['fr', 'Depuis une semaine ma box redémarre toutes les heures.'],
  ['fr', 'Pareil chez moi depuis la mise à jour.'],
  ['fr', 'Le service client ne répond jamais au téléphone.'],
];
const corpus = process.env.CORPUS_DIR ?? join(process.cwd(), '..', '..', 'shared', 'corpus');
const pages: [string, string][] = [];
try {
  for (const e of JSON.parse(readFileSync(join(corpus, 'index.json'), 'utf8')) as {
    file: string;
    url: string | null;
    expected: { lang?: string } | null;
  }[]) {
    const want = primaryTag(e.expected?.lang);
    if (!want) continue;
    const { document } = parseHTML(readFileSync(join(corpus, e.file), 'utf8'));
    const text = extractMention(document, { url: e.url ?? 'http://fakehost/' }).text.slice(0, 2000);
    if (text.length >= 20) pages.push([want, text]);
  }
} catch {
  console.log('corpus not found: short samples only');
}
for (const [name, fn] of Object.entries(tools)) {
  for (const [label, set] of [
    ['corpus pages', pages],
    ['short en/nl/es/de/fr', samples],
  ] as const) {
    let ok = 0;
    const t0 = performance.now();
    for (const [want, text] of set) if (fn(text) === want) ok++;
    console.log(
      `${name.padEnd(13)} ${label.padEnd(22)} ${ok}/${set.length} (${((100 * ok) / Math.max(1, set.length)).toFixed(1)}%)  ${((performance.now() - t0) / Math.max(1, set.length)).toFixed(2)} ms/text`,
    );
  }
}
