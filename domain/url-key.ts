/**
 * Normalises a permalink into the key cases are matched by, so the same post captured twice
 * (from x.com and twitter.com, with or without `?utm_source=…`) is recognised as one. The
 * platform-specific parts (host aliases, path rules, post ids) come from the platform descriptors.
 */
import { HOST_ALIASES, platformOfHost } from '../extract/platforms/platforms';

const TRACKING_PARAMS =
  /^(utm_[a-z_]+|ref|ref_src|ref_url|s|t|si|fbclid|gclid|mc_cid|mc_eid|igshid|share_id|__twitter_impression)$/i;

export function urlKey(input: string): string {
  let url: URL;
  try {
    url = new URL(input);
  } catch {
    return input.trim().toLowerCase();
  }
  let host = url.hostname.toLowerCase().replace(/^www\./, '');
  host = HOST_ALIASES[host] ?? host.replace(/^(m|mobile|amp)\./, '');
  const platform = platformOfHost(host);
  host = platform?.keyHost ?? host;
  const kept = platform?.keptParams;
  // forEach and append, not iterators: in a Firefox content script (capture, markers) URL objects
  // are seen through Xray wrappers, whose iterators are not iterable there.
  const params: [string, string][] = [];
  url.searchParams.forEach((v, k) => {
    if (kept ? kept.includes(k) : !TRACKING_PARAMS.test(k)) params.push([k, v]);
  });
  params.sort(([a], [b]) => a.localeCompare(b));
  const search = new URLSearchParams();
  for (const [k, v] of params) search.append(k, v);
  const query = params.length ? '?' + search.toString() : '';
  const path = url.pathname.replace(/\/+$/, '') || '/';
  const keyPath = platform?.keyPath;
  const port = url.port && url.port !== '80' && url.port !== '443' ? ':' + url.port : '';
  // The fragment identifies a comment on blog pages (#comment-123), so it stays.
  const hash = /^#(comment|c|li-comment|div-comment)[-_]?\d+/i.test(url.hash) ? url.hash : '';
  return `${host}${port}${keyPath ? keyPath(path) : path}${query}${hash}`;
}

/**
 * The one "same post" decision: the same key, or two addresses of one platform naming the same
 * post id where that id is unique (x.com/i/web/status/1 and x.com/someone/status/1).
 */
export function samePost(a: string, b: string): boolean {
  if (urlKey(a) === urlKey(b)) return true;
  const ua = URL.canParse(a) ? new URL(a) : null;
  const ub = URL.canParse(b) ? new URL(b) : null;
  if (!ua || !ub) return false;
  const pa = platformOfHost(HOST_ALIASES[ua.hostname] ?? ua.hostname);
  const pb = platformOfHost(HOST_ALIASES[ub.hostname] ?? ub.hostname);
  if (!pa || pa !== pb || pa.idScope !== 'global') return false;
  const id = pa.postIdOf(ua);
  return id !== null && id === pa.postIdOf(ub);
}
