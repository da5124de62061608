/**
 * Opens a page in a browser context of its own, at a width and colour scheme, and records what a reader would
 * not see but should never happen: console errors, page errors, failed requests, HTTP errors and dialogs.
 */
import type { Browser } from 'playwright-core';

/**
 * @param browser The browser.
 * @param url The page's address.
 * @param options Viewport width and colour scheme.
 * @returns The page, the errors recorded so far (the list grows), the response's status and a way to close it.
 */
export async function openPage(browser: Browser, url: string, options: { width: number; scheme: 'light' | 'dark' }) {
  const context = await browser.newContext({
    viewport: { width: options.width, height: 900 },
    colorScheme: options.scheme,
    deviceScaleFactor: 1,
  });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(`console: ${message.text()}`);
  });
  page.on('pageerror', (error) => errors.push(`page: ${error.message}`));
  // A request the browser abandons (an image source it no longer needs, a page closing) is not a failure.
  page.on('requestfailed', (request) => {
    if (request.failure()?.errorText !== 'net::ERR_ABORTED')
      errors.push(`request failed: ${request.url()} (${request.failure()?.errorText})`);
  });
  page.on('response', (response) => {
    if (response.status() >= 400) errors.push(`HTTP ${response.status()}: ${response.url()}`);
  });
  page.on('dialog', (dialog) => {
    errors.push(`dialog opened: ${dialog.message()}`);
    void dialog.dismiss();
  });
  const response = await page.goto(url, { waitUntil: 'load' });
  return { page, errors, status: response?.status(), close: () => context.close() };
}
