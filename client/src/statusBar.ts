// The status bar item: base and breaking count, a spinner while checking; clicking runs the workspace check.
import * as vscode from 'vscode';
import { describeStatus, type ClientPhase } from './statusText';
import type { StatusParams } from '../../server/src/protocol';

export class StatusBar implements vscode.Disposable {
  private readonly item = vscode.window.createStatusBarItem('graycheck.status', vscode.StatusBarAlignment.Left, 0);

  constructor() {
    this.item.name = 'Graycheck';
    this.update('starting', undefined);
    this.item.show();
  }

  /** The text shown now; the extension's API exposes it so end-to-end tests can wait on it. */
  get text(): string {
    return this.item.text;
  }

  update(phase: ClientPhase, status: StatusParams | undefined): void {
    const view = describeStatus(phase, status);
    this.item.text = view.text;
    this.item.tooltip = view.tooltip;
    this.item.command = view.opensOutput ? 'graycheck.showOutput' : 'graycheck.checkWorkspace';
    this.item.backgroundColor = view.isProblem ? new vscode.ThemeColor('statusBarItem.errorBackground') : undefined;
  }

  dispose(): void {
    this.item.dispose();
  }
}
