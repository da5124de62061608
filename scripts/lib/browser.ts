/**
 * Starts Debian's Chromium through playwright-core with the flags this
 * machine needs (no sandbox as root, no background networking).
 */
import { type Browser, chromium } from 'playwright-core';

/** Path of the Chromium binary (default: Debian's `/usr/bin/chromium`; override with CHROMIUM_PATH). */
const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** Launches headless Chromium. */
export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: [
      '--no-sandbox',
      '--headless',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--no-first-run',
      '--disable-sync',
      '--disable-quic',
    ],
  });
}
