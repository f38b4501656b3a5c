import { existsSync } from 'node:fs';
import { chromium } from '@playwright/test';
import { GateError } from './errors.ts';

/** Flags Debian's Chromium needs here (MEASUREMENT.md): no sandbox as root, no network beyond loopback. */
const SYSTEM_CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
] as const;

export interface BrowserChoice {
  /** "playwright" = Playwright's own Chromium build; "system" = a Chromium found on the machine. */
  kind: 'playwright' | 'system';
  executablePath: string;
  args: readonly string[];
  /** One line for logs and reports: which browser ran. */
  describe: string;
}

const SYSTEM_CANDIDATES = ['/usr/bin/chromium', '/usr/lib/chromium/chromium', '/usr/bin/chromium-browser'];

/**
 * Picks the browser: an explicit CHROMIUM_PATH first, then Playwright's own Chromium where installed,
 * then Debian's. Throws GateError('BROWSER') naming every place it looked.
 */
export function resolveBrowser(explicitPath?: string, exists: (p: string) => boolean = existsSync): BrowserChoice {
  if (explicitPath) {
    if (!exists(explicitPath)) {
      throw new GateError('BROWSER', `CHROMIUM_PATH points to ${explicitPath}, which does not exist`);
    }
    return { kind: 'system', executablePath: explicitPath, args: SYSTEM_CHROMIUM_ARGS, describe: `system Chromium at ${explicitPath} (CHROMIUM_PATH)` };
  }
  let bundled: string | undefined;
  try {
    bundled = chromium.executablePath();
  } catch {
    bundled = undefined;
  }
  if (bundled && exists(bundled)) {
    return { kind: 'playwright', executablePath: bundled, args: [], describe: `Playwright's Chromium at ${bundled}` };
  }
  const found = SYSTEM_CANDIDATES.find((p) => exists(p));
  if (found) return { kind: 'system', executablePath: found, args: SYSTEM_CHROMIUM_ARGS, describe: `system Chromium at ${found}` };
  throw new GateError(
    'BROWSER',
    `no Chromium found: looked at CHROMIUM_PATH (unset), Playwright's browser (${bundled ?? 'not installed'}) and ${SYSTEM_CANDIDATES.join(', ')}. ` +
      `Install one (apt-get install chromium, or npx playwright install chromium) or set CHROMIUM_PATH.`,
  );
}
