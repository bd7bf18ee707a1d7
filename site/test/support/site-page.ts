// Helpers for driving the playground in the browser tests and benchmarks.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';

/** Screenshots of the browser tests: kept as artifacts, ignored by git. */
export const ARTIFACTS = join(import.meta.dirname, '..', '..', 'test-results');

export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(ARTIFACTS, { recursive: true });
  await page.screenshot({ path: join(ARTIFACTS, `${name}.png`), fullPage: true });
}

/** Opens the playground and waits for its first Dockerfile. */
export async function openPlayground(page: Page, url: string): Promise<void> {
  await page.goto(url);
  await page.waitForSelector('body[data-rendered]', { state: 'attached', timeout: 90_000 });
}

/** The number of renders so far: wait for it to grow after an edit. */
export const renders = (page: Page) => page.evaluate(() => Number(document.body.dataset['rendered'] ?? 0));

export async function afterRender(page: Page, before: number): Promise<void> {
  await page.waitForFunction((n) => Number(document.body.dataset['rendered'] ?? 0) > n, before, { timeout: 30_000 });
}

/** Replaces an editor's text as a paste does: one edit. */
export async function pasteInto(page: Page, label: string, text: string): Promise<void> {
  await page.click(`[aria-label="${label}"]`);
  await page.keyboard.press('Control+A');
  await page.keyboard.insertText(text);
}

/** An editor's text, from CodeMirror's own state (the DOM shows only the visible lines). */
export function editorText(page: Page, editor: 'program' | 'files' | 'dockerfile'): Promise<string> {
  return page.evaluate((e) => (globalThis as unknown as { dockwright: { text(e: string): string } }).dockwright.text(e), editor);
}

export const text = async (page: Page, selector: string) => (await page.textContent(selector)) ?? '';
