// Debian's Chromium, driven by playwright-core (Playwright's own browser download does not work
// here; scripts/site/install-chromium.sh installs Debian's). Fails loudly when it cannot start.
import { existsSync } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';

/** Where Chromium is: DOCKWRIGHT_CHROMIUM, or Debian's. */
export const CHROMIUM = process.env['DOCKWRIGHT_CHROMIUM'] ?? '/usr/bin/chromium';

// Headless, and nothing that reaches for the network: on these machines the background
// connections are refused and slow every start. Playwright gives each launch a new, empty profile.
const FLAGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage'];

/**
 * Starts headless Chromium, or throws an error that says how to get it.
 *
 * @example
 * ```ts
 * const browser = await launchChromium();
 * ```
 */
export async function launchChromium(): Promise<Browser> {
  if (!existsSync(CHROMIUM)) {
    throw new Error(`Chromium is not installed at ${CHROMIUM}: run \`bash scripts/site/install-chromium.sh\` (Debian's chromium package), or set DOCKWRIGHT_CHROMIUM`);
  }
  try {
    return await chromium.launch({ executablePath: CHROMIUM, args: FLAGS, timeout: 60_000 });
  } catch (error) {
    throw new Error(`Chromium at ${CHROMIUM} did not start: ${error instanceof Error ? error.message : String(error)}`);
  }
}
