// One way to tell the user something failed: one message, with a button that opens the Graycheck output.
import * as vscode from 'vscode';

export const SHOW_OUTPUT = 'Show Output';

export function showFailure(message: string, output: vscode.OutputChannel): void {
  output.appendLine(`[client] ${message}`);
  void vscode.window.showErrorMessage(message, SHOW_OUTPUT).then((choice) => {
    if (choice === SHOW_OUTPUT) output.show();
  });
}

export function errorText(error: unknown): string {
  if (error instanceof Error) return error.message;
  if (typeof error === 'object' && error !== null && 'message' in error && typeof error.message === 'string') return error.message;
  return String(error);
}
