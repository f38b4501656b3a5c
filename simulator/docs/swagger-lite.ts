import { readFile } from 'node:fs/promises';

/**
 * The healthy /docs: a small, self-hosted Swagger-UI-like page. FastAPI's own page loads Swagger UI
 * from the jsdelivr CDN with an inline script, which the app's CSP (`script-src 'self'`) blocks in every
 * browser (the real HEAD bug, fault docs-blocked-by-csp). The intended contract is docs that render:
 * here one same-origin script (no inline code, so the CSP holds and no internet is needed) fetches
 * /openapi.json and renders each operation with Swagger UI 5's own DOM (`.opblock.opblock-get`,
 * `button.opblock-summary-control` holding `.opblock-summary-method` "GET" and
 * `.opblock-summary-path[data-path="/health"]` with a `<wbr>` before each "/", the expand arrow named
 * "Expand GET \u200b/health"), so a check that finds operations here finds them in the real Swagger UI
 * too. Not the swagger-ui-dist package: about 10 MB for a page the suite only reads.
 */
export const swaggerLiteHtml = (title: string): string => `<!DOCTYPE html>
<html>
<head>
<meta charset="utf-8">
<title>${title} - Swagger UI</title>
<style>
body { margin: 0; font-family: sans-serif; background: #fafafa; }
.swagger-ui { max-width: 1100px; margin: 0 auto; padding: 20px; }
.swagger-ui .title { font-size: 28px; margin: 0 0 8px; }
.swagger-ui .version { display: inline; background: #7d8492; color: #fff; border-radius: 57px; padding: 2px 6px; font-size: 10px; }
.opblock-tag { border-bottom: 1px solid #ddd; font-size: 22px; padding: 10px 0; margin: 16px 0 8px; }
.opblock { border: 1px solid #61affe; background: rgba(97, 175, 254, .1); border-radius: 4px; margin: 0 0 8px; }
.opblock-post { border-color: #49cc90; background: rgba(73, 204, 144, .1); }
.opblock-patch, .opblock-put { border-color: #fca130; background: rgba(252, 161, 48, .1); }
.opblock-delete { border-color: #f93e3e; background: rgba(249, 62, 62, .1); }
.opblock-summary { display: flex; align-items: center; }
.opblock-control-arrow { border: 0; background: none; cursor: pointer; }
.opblock-summary-control { display: flex; align-items: center; gap: 10px; width: 100%; padding: 6px; border: 0; background: none; text-align: left; font: inherit; }
.opblock-summary-method { min-width: 70px; padding: 6px 0; border-radius: 3px; background: #61affe; color: #fff; font-weight: 700; text-align: center; }
.opblock-post .opblock-summary-method { background: #49cc90; }
.opblock-patch .opblock-summary-method, .opblock-put .opblock-summary-method { background: #fca130; }
.opblock-delete .opblock-summary-method { background: #f93e3e; }
.opblock-summary-path { font-family: monospace; font-weight: 600; }
.opblock-summary-description { color: #3b4151; font-size: 13px; }
.errors-wrapper { border: 2px solid #f93e3e; padding: 10px; color: #f93e3e; }
</style>
</head>
<body>
<div id="swagger-ui"><div class="swagger-ui"><div class="loading-container"><div class="loading">Loading...</div></div></div></div>
<script src="/docs/swagger-ui-lite.js"></script>
</body>
</html>
`;

let script: Promise<Buffer> | undefined;

/** The page's script, read once per process. */
export function docsScript(): Promise<Buffer> {
  script ??= readFile(new URL('./swagger-ui-lite.js', import.meta.url));
  script.catch(() => {
    script = undefined;
  });
  return script;
}
