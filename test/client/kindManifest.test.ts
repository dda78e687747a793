// The extension's kind-dependent declarations come from registry.ts: the languages the client opens, the activation
// events, the "Show Base Version" menus and each kind's enable setting. `npm run sync-kinds` writes them.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import { CHECKERS } from '../../server/src/registry';
import { DEFAULT_KIND_ENABLE } from '../../server/src/protocol';
import { readSettings } from '../../server/src/lsp/settings';
import { GENERATED_CLIENT_FILE, generatedClientFile, manifestWithKinds, readManifest } from '../../scripts/kindManifest';

const SYNC = 'run "npm run sync-kinds" and commit the result';

test('client/src/kinds.generated.ts is what the registry gives', () => {
  assert.equal(fs.readFileSync(GENERATED_CLIENT_FILE, 'utf8'), generatedClientFile(CHECKERS), SYNC);
});

test("package.json's activation events, menus and kind settings are what the registry gives", () => {
  const manifest = readManifest();
  assert.deepEqual(manifest, manifestWithKinds(manifest, CHECKERS), SYNC);
});

test('every kind has an enable setting whose default is the server default, and the server reads it', () => {
  const properties = readManifest().contributes.configuration.properties;
  for (const checker of CHECKERS) {
    const setting = properties[`graycheck.${checker.kind}.enable`] as { default?: unknown } | undefined;
    assert.ok(setting, `graycheck.${checker.kind}.enable is contributed`);
    assert.equal(setting.default, DEFAULT_KIND_ENABLE);
    const kinds = CHECKERS.map((candidate) => candidate.kind);
    assert.equal(readSettings({ [checker.kind]: { enable: false } }, kinds).kinds[checker.kind].enable, false);
    assert.equal(readSettings({}, kinds).kinds[checker.kind].enable, DEFAULT_KIND_ENABLE);
  }
  const kindToggles = Object.keys(properties).filter((key) => /^graycheck\.[^.]+\.enable$/.test(key));
  assert.deepEqual(kindToggles.sort(), CHECKERS.map((checker) => `graycheck.${checker.kind}.enable`).sort(), 'no toggle for a kind that is not registered');
});
