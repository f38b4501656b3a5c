/** A built dashboard held in memory: what the simulator serves at `/`, deep links and `/assets/*`. */
export interface StaticFile {
  body: Buffer;
  contentType: string;
}

export interface StaticSite {
  /** index.html, served at `/` and as the SPA fallback for deep links. */
  indexHtml: Buffer;
  /** Every other file by URL path, e.g. "/assets/app-3f2a9c1d.js", "/favicon.ico". */
  files: Map<string, StaticFile>;
  /** Where it came from, for logs: "bundled" or the directory. */
  source: string;
}
