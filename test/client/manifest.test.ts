// The extension manifest agrees with the code: settings defaults with the server's, commands with what the client registers,
// language and grammar paths with the files, and .vscodeignore with what the packaged extension needs.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { globToRegExp } from '../../server/src/engine/glob';
import { COMMANDS, DEFAULT_SETTINGS } from '../../server/src/protocol';

const ROOT = path.resolve(__dirname, '../..');
const manifest = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
const contributes = manifest.contributes;

test('every setting default equals the server default', () => {
  const properties = contributes.configuration.properties;
  const flatten = (prefix: string, value: object): Array<[string, unknown]> =>
    Object.entries(value).flatMap(([key, inner]) =>
      typeof inner === 'object' && inner !== null ? flatten(`${prefix}${key}.`, inner) : [[`${prefix}${key}`, inner] as [string, unknown]],
    );
  for (const [key, serverDefault] of flatten('graycheck.', DEFAULT_SETTINGS)) {
    assert.ok(properties[key], `${key} is contributed`);
    assert.deepEqual(properties[key].default, serverDefault, `${key} default`);
  }
  assert.deepEqual(properties['graycheck.trace.server'].enum, ['off', 'messages', 'verbose']);
});

test('every contributed command is in the Graycheck category, activates the extension and is registered by the client', () => {
  const source = fs.readFileSync(path.join(ROOT, 'client/src/commands.ts'), 'utf8');
  const ids = contributes.commands.map((command: { command: string }) => command.command).sort();
  assert.deepEqual(ids, ['graycheck.checkWorkspace', 'graycheck.compareWith', 'graycheck.showBaseVersion', 'graycheck.showOutput']);
  for (const command of contributes.commands) {
    assert.equal(command.category, 'Graycheck', command.command);
    assert.ok(manifest.activationEvents.includes(`onCommand:${command.command}`), `onCommand:${command.command}`);
    assert.ok(source.includes(`registerCommand('${command.command}'`), `${command.command} is registered in commands.ts`);
  }
  assert.ok(ids.includes(COMMANDS.checkWorkspace), 'the palette command has the server command name the status bar runs');
});

test('the proto language points at files that exist, with the grammar scope they declare', () => {
  const [language] = contributes.languages;
  assert.equal(language.id, 'proto');
  assert.deepEqual(language.extensions, ['.proto']);
  const configuration = JSON.parse(fs.readFileSync(path.join(ROOT, language.configuration), 'utf8'));
  assert.deepEqual(configuration.comments, { lineComment: '//', blockComment: ['/*', '*/'] });
  const [grammar] = contributes.grammars;
  const grammarFile = JSON.parse(fs.readFileSync(path.join(ROOT, grammar.path), 'utf8'));
  assert.equal(grammar.scopeName, 'source.proto');
  assert.equal(grammarFile.scopeName, grammar.scopeName);
  assert.equal(grammar.language, 'proto');
});

test('untrusted and virtual workspaces are declared', () => {
  assert.equal(manifest.capabilities.untrustedWorkspaces.supported, 'limited');
  assert.ok(manifest.capabilities.untrustedWorkspaces.description.length > 20);
  assert.equal(manifest.capabilities.virtualWorkspaces, false);
});

test('.vscodeignore ships the bundles, grammar and docs, and keeps sources, tests, maps and dependencies out', () => {
  const lines = fs
    .readFileSync(path.join(ROOT, '.vscodeignore'), 'utf8')
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line && !line.startsWith('#'));
  const excludes = lines.filter((line) => !line.startsWith('!')).map(globToRegExp);
  const includes = lines.filter((line) => line.startsWith('!')).map((line) => globToRegExp(line.slice(1)));
  // vsce's rule: out when an exclude matches and no `!` pattern does, in any order.
  const isShipped = (file: string) => !excludes.some((pattern) => pattern.test(file)) || includes.some((pattern) => pattern.test(file));
  for (const file of [
    'dist/extension.js',
    'dist/server.js',
    'syntaxes/proto.tmLanguage.json',
    'language-configuration.json',
    'server/docs/rules/protobuf/FIELD_NO_DELETE.md',
    'README.md',
    'LICENSE',
  ]) {
    assert.ok(isShipped(file), `${file} is shipped`);
  }
  for (const file of [
    'server/src/lsp/main.ts',
    'client/src/extension.ts',
    'test/grammar/proto.test.ts',
    'scripts/build.mjs',
    'bench/run.ts',
    'dist/extension.js.map',
    'dist/cli.js',
    'dist/cli-main.js',
    'node_modules/yaml/package.json',
    'tsconfig.json',
    '.vscode-test/x',
  ]) {
    assert.ok(!isShipped(file), `${file} is left out`);
  }
});
