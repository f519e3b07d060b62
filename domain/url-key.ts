/**
 * Normalises a permalink into the key cases are matched by, so the same post captured twice
 * (from x.com and twitter.com, with or without `?utm_source=…`) is recognised as one.
 */
const TRACKING_PARAMS =
  /^(utm_[a-z_]+|ref|ref_src|ref_url|s|t|si|fbclid|gclid|mc_cid|mc_eid|igshid|share_id|__twitter_impression)$/i;

const HOST_ALIASES: Record<string, string> = {
  'twitter.com': 'x.com',
  'mobile.twitter.com': 'x.com',
  'mobile.x.com': 'x.com',
  'm.twitter.com': 'x.com',
  'fxtwitter.com': 'x.com',
  'vxtwitter.com': 'x.com',
  'old.reddit.com': 'reddit.com',
  'new.reddit.com': 'reddit.com',
  'np.reddit.com': 'reddit.com',
  'm.reddit.com': 'reddit.com',
  'i.reddit.com': 'reddit.com',
};

export function urlKey(input: string): string {
  let url: URL;
  try {
    url = new URL(input);
  } catch {
    return input.trim().toLowerCase();
  }
  let host = url.hostname.toLowerCase().replace(/^www\./, '');
  host = HOST_ALIASES[host] ?? host.replace(/^(m|mobile|amp)\./, '');
  // forEach and append, not iterators: in a Firefox content script (capture, markers) URL objects
  // are seen through Xray wrappers, whose iterators are not iterable there.
  const params: [string, string][] = [];
  url.searchParams.forEach((v, k) => {
    if (!TRACKING_PARAMS.test(k)) params.push([k, v]);
  });
  params.sort(([a], [b]) => a.localeCompare(b));
  const search = new URLSearchParams();
  for (const [k, v] of params) search.append(k, v);
  const query = params.length ? '?' + search.toString() : '';
  let path = url.pathname.replace(/\/+$/, '') || '/';
  if (host === 'x.com') path = path.toLowerCase().replace(/^\/i\/web\/status\//, '/i/status/');
  const port = url.port && url.port !== '80' && url.port !== '443' ? ':' + url.port : '';
  // The fragment identifies a comment on blog pages (#comment-123), so it stays.
  const hash = /^#(comment|c|li-comment|div-comment)[-_]?\d+/i.test(url.hash) ? url.hash : '';
  return `${host}${port}${path}${query}${hash}`;
}
