/** Pure helpers of RB-03: what index.html references, and whether an asset's answer is the real file. */
export interface AssetRef {
  kind: 'script' | 'stylesheet';
  /** As written in index.html. */
  ref: string;
  /** Absolute URL on the target (same-origin only; a CDN asset is not this deploy's). */
  url: string;
}

function attr(tag: string, name: string): string | undefined {
  const m = new RegExp(`\\b${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)'|([^\\s>]+))`, 'i').exec(tag);
  return m ? (m[1] ?? m[2] ?? m[3]) : undefined;
}

export function referencedAssets(html: string, baseUrl: string): AssetRef[] {
  const origin = new URL(baseUrl).origin;
  const out: AssetRef[] = [];
  const add = (kind: AssetRef['kind'], ref: string | undefined): void => {
    if (!ref || ref.startsWith('data:')) return;
    const url = new URL(ref, `${baseUrl}/`);
    if (url.origin !== origin) return;
    if (!out.some((a) => a.url === url.href)) out.push({ kind, ref, url: url.href });
  };
  for (const tag of html.match(/<script\b[^>]*>/gi) ?? []) add('script', attr(tag, 'src'));
  for (const tag of html.match(/<link\b[^>]*>/gi) ?? []) {
    const rel = (attr(tag, 'rel') ?? '').toLowerCase().split(/\s+/);
    if (rel.includes('stylesheet')) add('stylesheet', attr(tag, 'href'));
    else if (rel.includes('modulepreload')) add('script', attr(tag, 'href'));
  }
  return out;
}

const EXPECTED: Record<AssetRef['kind'], RegExp> = {
  script: /^(text|application)\/(javascript|ecmascript|x-javascript)\b/i,
  stylesheet: /^text\/css\b/i,
};

/** Undefined when the asset is fine, else why not (naming the asset, status and content type). */
export function assetProblem(asset: AssetRef, status: number, contentType: string | undefined): string | undefined {
  const type = contentType ?? 'no content type';
  if (status !== 200) return `${asset.ref} answered ${status}`;
  if (!EXPECTED[asset.kind].test(type)) {
    const hint = /text\/html/i.test(type) ? ' (SPA fallback: the file is missing)' : '';
    return `${asset.ref} answered 200 ${type}, expected ${asset.kind === 'script' ? 'JavaScript' : 'CSS'}${hint}`;
  }
  return undefined;
}
