import type { StaticSite } from './dashboard/site.ts';

/**
 * A tiny stand-in dashboard for the simulator's own tests (not the real SPA, which lives in
 * simulator/dashboard/): an index.html that links one hashed stylesheet and one module script.
 */
export function standInSite(): StaticSite {
  const indexHtml = Buffer.from(`<!doctype html>
<html lang="en">
<head>
<meta charset="UTF-8">
<title>Operator Dashboard</title>
<script type="module" crossorigin src="/assets/index-stand1n.js"></script>
<link rel="stylesheet" crossorigin href="/assets/index-stand1n.css">
</head>
<body><div id="root"></div></body>
</html>
`);
  const files = new Map([
    ['/assets/index-stand1n.js', { body: Buffer.from('document.getElementById("root").textContent = "Operator Dashboard";\n'), contentType: 'text/javascript; charset=utf-8' }],
    ['/assets/index-stand1n.css', { body: Buffer.from('body { font-family: sans-serif; }\n'), contentType: 'text/css; charset=utf-8' }],
    ['/vite.svg', { body: Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"/>'), contentType: 'image/svg+xml' }],
  ]);
  return { indexHtml, files, source: 'stand-in' };
}
