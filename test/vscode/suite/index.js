// Runs inside VS Code's extension host (started by test/vscode/runTest.mjs) on a temp repository with api/user.proto committed:
// the extension activates, its server starts, and deleting a field in the unsaved buffer yields a FIELD_NO_DELETE diagnostic.
'use strict';
const assert = require('node:assert/strict');
const path = require('node:path');
const vscode = require('vscode');

const WAIT_MS = 30_000;

function within(promise, what) {
  let timer;
  const timeout = new Promise((_, reject) => {
    timer = setTimeout(() => reject(new Error(`timed out after ${WAIT_MS / 1000}s waiting for ${what}`)), WAIT_MS);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

function diagnosticWithCode(uri, code) {
  const find = () =>
    vscode.languages.getDiagnostics(uri).find((diagnostic) => (typeof diagnostic.code === 'object' ? diagnostic.code.value : diagnostic.code) === code);
  return new Promise((resolve) => {
    const subscription = vscode.languages.onDidChangeDiagnostics((event) => {
      if (!event.uris.some((changed) => changed.toString() === uri.toString())) return;
      const found = find();
      if (found) {
        subscription.dispose();
        resolve(found);
      }
    });
  });
}

async function run() {
  const repository = process.env.GRAYCHECK_TEST_REPOSITORY;
  assert.ok(repository, 'GRAYCHECK_TEST_REPOSITORY names the workspace repository');

  const extension = vscode.extensions.getExtension('graycheck.graycheck');
  assert.ok(extension, 'the extension graycheck.graycheck is installed from the development path');
  const api = await within(Promise.resolve(extension.activate()), 'the extension to activate');
  await within(api.ready, 'the language server to start');
  assert.doesNotMatch(api.statusText(), /starting/);

  const commands = await vscode.commands.getCommands(true);
  for (const command of ['graycheck.checkWorkspace', 'graycheck.compareWith', 'graycheck.showBaseVersion', 'graycheck.showOutput']) {
    assert.ok(commands.includes(command), `${command} is registered`);
  }

  const uri = vscode.Uri.file(path.join(repository, 'api', 'user.proto'));
  const document = await vscode.workspace.openTextDocument(uri);
  await vscode.window.showTextDocument(document);
  assert.equal(document.languageId, 'proto');

  const emailLine = document
    .getText()
    .split('\n')
    .findIndex((line) => line.includes('email'));
  assert.ok(emailLine > 0, 'the committed proto has the email field');
  const reported = diagnosticWithCode(uri, 'FIELD_NO_DELETE');
  const edit = new vscode.WorkspaceEdit();
  edit.delete(uri, new vscode.Range(emailLine, 0, emailLine + 1, 0));
  assert.ok(await vscode.workspace.applyEdit(edit), 'the deletion applies to the buffer');

  const diagnostic = await within(reported, 'a FIELD_NO_DELETE diagnostic on api/user.proto after deleting the email field');
  assert.equal(diagnostic.source, 'graycheck');
  assert.match(diagnostic.message, /"email"/);
  assert.equal(document.isDirty, true, 'the check ran on the unsaved buffer');
}

module.exports = { run };
