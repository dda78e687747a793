// Drives the VS Code workbench in Chromium the way a user does (palette, keys, clicks) and waits on what the UI shows.
// Every wait names what it waited for, so a timeout under load says which step of the story stalled.
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Locator, Page } from 'playwright-core';

export const STEP_TIMEOUT_MS = 60_000;

export class Workbench {
  constructor(
    readonly page: Page,
    private readonly artifacts: string,
  ) {}

  /** Waits until `locator` is visible; the error names `what`. */
  async see(locator: Locator, what: string, timeoutMs = STEP_TIMEOUT_MS): Promise<Locator> {
    try {
      await locator.first().waitFor({ state: 'visible', timeout: timeoutMs });
    } catch (error) {
      throw new Error(`timed out after ${timeoutMs / 1000} s waiting for ${what}`, { cause: error });
    }
    return locator.first();
  }

  async gone(locator: Locator, what: string, timeoutMs = STEP_TIMEOUT_MS): Promise<void> {
    try {
      await locator.first().waitFor({ state: 'hidden', timeout: timeoutMs });
    } catch (error) {
      throw new Error(`timed out after ${timeoutMs / 1000} s waiting for ${what} to go away`, { cause: error });
    }
  }

  /** Saves `<artifacts>/<name>.png`: the whole window, or the smallest rectangle around `cropTo`, cut at `maxBottom` pixels. */
  async screenshot(name: string, cropTo: Locator[] = [], maxBottom?: number): Promise<string> {
    const file = path.join(this.artifacts, `${name}.png`);
    fs.mkdirSync(this.artifacts, { recursive: true });
    const boxes = (await Promise.all(cropTo.map((locator) => locator.first().boundingBox()))).filter((box) => box !== null);
    if (boxes.length === 0) {
      await this.page.screenshot({ path: file });
      return file;
    }
    const left = Math.min(...boxes.map((box) => box.x));
    const top = Math.min(...boxes.map((box) => box.y));
    const right = Math.max(...boxes.map((box) => box.x + box.width));
    const bottom = Math.min(Math.max(...boxes.map((box) => box.y + box.height)), maxBottom ?? Infinity);
    await this.page.screenshot({ path: file, clip: { x: left, y: top, width: right - left, height: bottom - top } });
    return file;
  }

  statusItem(pattern: RegExp): Locator {
    return this.page.locator('#workbench\\.parts\\.statusbar .statusbar-item').filter({ hasText: pattern });
  }

  async statusText(): Promise<string> {
    const item = this.page
      .locator('#workbench\\.parts\\.statusbar .statusbar-item')
      .filter({ hasText: /graycheck:/ })
      .first();
    return ((await item.textContent()) ?? '').trim();
  }

  /** Runs a command by its palette title, as a user would: F1, type, pick the row with exactly that label. */
  async runCommand(title: string): Promise<void> {
    await this.openQuickInput('>');
    await this.page.keyboard.type(title);
    const row = this.page.locator('.quick-input-widget .quick-input-list .monaco-list-row').filter({ hasText: title });
    await this.see(row, `the command palette row "${title}"`);
    await this.page.keyboard.press('Enter');
    await this.gone(
      this.page.locator('.quick-input-widget .quick-input-list .monaco-list-row').filter({ hasText: title }),
      `the command palette row "${title}"`,
    );
  }

  /** Opens a workspace file through Quick Open. */
  async openFile(relative: string): Promise<void> {
    await this.openQuickInput('');
    await this.page.keyboard.type(relative);
    const name = path.posix.basename(relative);
    await this.see(this.page.locator('.quick-input-widget .quick-input-list .monaco-list-row').filter({ hasText: name }), `Quick Open to list ${relative}`);
    await this.page.keyboard.press('Enter');
    await this.see(this.page.locator('.tabs-container .tab.active').filter({ hasText: name }), `the editor tab of ${relative}`);
    await this.see(this.page.locator('.editor-instance .monaco-editor.focused'), `the editor of ${relative} to take the focus`);
  }

  /** Puts the cursor at the start of a 1-based line of the active editor (Quick Open's `:line`). */
  async goToLine(line: number): Promise<void> {
    await this.openQuickInput(`:${line}`);
    await this.see(this.page.locator('.quick-input-widget .quick-input-list .monaco-list-row').filter({ hasText: `line ${line}` }), `"Go to line ${line}"`);
    await this.page.keyboard.press('Enter');
    await this.gone(this.page.locator('.quick-input-widget'), 'the Go to Line input');
    await this.see(this.page.locator('.editor-instance .monaco-editor.focused'), 'the editor to take the focus back after Go to Line');
  }

  /** F1, then replaces the palette's `>` with `prefix`: '' is file Quick Open, ':N' go to line, '>' commands. */
  private async openQuickInput(prefix: string): Promise<void> {
    const input = this.page.locator('.quick-input-widget .quick-input-box input');
    if (await this.page.locator('.quick-input-widget').isVisible()) {
      await this.page.keyboard.press('Escape');
      await this.gone(this.page.locator('.quick-input-widget'), 'the previous quick input');
    }
    await this.page.keyboard.press('F1');
    await this.see(input, 'the command palette input');
    await input.fill(prefix);
  }

  problemsPanel(): Locator {
    return this.page.locator('.markers-panel');
  }

  problemRows(text: string | RegExp): Locator {
    return this.page.locator('.markers-panel .monaco-list-row').filter({ hasText: text });
  }

  async showProblems(): Promise<void> {
    if (await this.problemsPanel().isVisible()) return;
    await this.runCommand('View: Focus Problems (Errors, Warnings, Infos)');
    await this.see(this.problemsPanel(), 'the Problems panel');
  }

  /** The workbench's problem counter in the status bar ("errors: N, warnings: M" in its aria-label). */
  async problemCounts(): Promise<{ errors: number; warnings: number }> {
    const label = (await this.page.locator('#status\\.problems a, #status\\.problems').first().getAttribute('aria-label')) ?? '';
    const number = (word: string): number =>
      Number(new RegExp(`(\\d+)\\s*${word}`, 'i').exec(label)?.[1] ?? new RegExp(`${word}\\w*:\\s*(\\d+)`, 'i').exec(label)?.[1] ?? NaN);
    return { errors: number('error'), warnings: number('warning') };
  }

  notification(text: string | RegExp): Locator {
    return this.page.locator('.notifications-toasts .notification-toast, .notifications-center .notification-list-item').filter({ hasText: text });
  }

  /** Closes every notification toast so the next step starts from a clean screen. */
  async clearNotifications(): Promise<void> {
    const toasts = this.page.locator('.notifications-toasts .notification-toast');
    if ((await toasts.count()) === 0) return;
    await this.runCommand('Notifications: Clear All Notifications');
    await this.gone(toasts, 'the notification toasts');
  }
}
