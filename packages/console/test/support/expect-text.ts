import type { Locator } from 'playwright-core';

/** Waits until the locator's text matches (Playwright's own expect is not in core). */
export async function expectText(
  locator: Locator,
  pattern: RegExp,
  timeoutMs = 15_000,
): Promise<void> {
  const until = Date.now() + timeoutMs;
  let last = '';
  while (Date.now() < until) {
    last =
      (await locator
        .first()
        .innerText({ timeout: timeoutMs })
        .catch(() => '')) ?? '';
    if (pattern.test(last)) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`expected text matching ${pattern}, last saw: ${JSON.stringify(last)}`);
}
