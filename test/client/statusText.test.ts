// The status bar text and tooltip for each client phase and server status.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { describeStatus } from '../../client/src/statusText';
import type { BaseInfo, StatusParams } from '../../server/src/protocol';

const ORIGIN_MAIN: BaseInfo = {
  ref: 'auto',
  commit: '3f2a1b2c4d5e6f708192a3b4c5d6e7f8091a2b3c',
  description: 'merge-base with origin/main',
  shortName: 'origin/main',
};

function status(overrides: Partial<StatusParams>): StatusParams {
  return { state: 'ready', base: ORIGIN_MAIN, breakingCount: 0, warningCount: 0, ...overrides };
}

test('a ready server shows the base and the breaking count', () => {
  const view = describeStatus('running', status({ breakingCount: 2, warningCount: 1 }));
  assert.equal(view.text, '$(error) graycheck: vs origin/main · 2');
  assert.equal(view.opensOutput, false);
  assert.match(view.tooltip, /merge-base with origin\/main \(3f2a1b2c4d5e\)/);
  assert.match(view.tooltip, /chosen automatically/);
  assert.match(view.tooltip, /2 breaking findings, 1 warning\b/);
});

test('no breaking findings shows a check mark and no count', () => {
  assert.equal(describeStatus('running', status({})).text, '$(check) graycheck: vs origin/main');
});

test('a base the user named is described as set, not automatic', () => {
  const view = describeStatus('running', status({ base: { ...ORIGIN_MAIN, ref: 'v1.2.0', shortName: 'v1.2.0', description: 'tag v1.2.0' } }));
  assert.equal(view.text, '$(check) graycheck: vs v1.2.0');
  assert.match(view.tooltip, /Base set to "v1\.2\.0"/);
});

test('checking keeps the base and the last count with a spinner', () => {
  assert.equal(describeStatus('running', status({ state: 'checking', breakingCount: 3 })).text, '$(sync~spin) graycheck: vs origin/main · 3');
});

test('an error shows its message in the tooltip and clicking opens the output', () => {
  const view = describeStatus('running', status({ state: 'error', base: undefined, message: 'not a git repository: /tmp/x' }));
  assert.equal(view.text, '$(error) graycheck: error');
  assert.match(view.tooltip, /^not a git repository: \/tmp\/x/);
  assert.equal(view.isProblem, true);
  assert.equal(view.opensOutput, true);
});

test('an untrusted workspace says so', () => {
  const view = describeStatus('running', status({ state: 'untrusted', base: undefined }));
  assert.equal(view.text, '$(shield) graycheck: untrusted');
  assert.match(view.tooltip, /runs no git/);
});

test('the text changes from starting once the client has started, before any status arrives', () => {
  assert.match(describeStatus('starting', undefined).text, /starting/);
  assert.equal(describeStatus('running', undefined).text, 'graycheck: ready');
});

test('a stopped server is a problem whatever the last status said', () => {
  const view = describeStatus('stopped', status({ breakingCount: 4 }));
  assert.equal(view.text, '$(error) graycheck: stopped');
  assert.equal(view.opensOutput, true);
});
