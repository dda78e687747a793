// The seeded mutation generator's fixed set (issue 11): real proto trees (googleapis, protobuf, envoy) changed at random,
// in the working tree or staged, every trial exact against the real buf. `npm run agreement -- --trials N --seed S` runs
// any other seeds.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { isExact, report, runTrials, setupOf } from './mutations/agreement';
import { mutate, Random } from './mutations/mutate';
import { loadCorpus, TREE_NAMES } from './mutations/corpus';

const FIXED_SEEDS = { first: 1, count: 18 };

test('the generator is reproducible: a seed makes the same changes every time', () => {
  const corpus = loadCorpus();
  const editable = Object.keys(corpus).sort();
  assert.deepEqual(mutate(corpus, 7, editable), mutate(corpus, 7, editable));
  assert.notDeepEqual(mutate(corpus, 7, editable).changes, mutate(corpus, 8, editable).changes);
  assert.deepEqual(
    [1, 2, 3].map(() => new Random(42).below(1000)),
    [1, 2, 3].map(() => new Random(42).below(1000)),
  );
});

test('the fixed seeds draw every tree and both modes', () => {
  const setups = Array.from({ length: FIXED_SEEDS.count }, (_, index) => setupOf(FIXED_SEEDS.first + index));
  assert.deepEqual(new Set(setups.map((setup) => setup.tree)), new Set(TREE_NAMES));
  assert.deepEqual(new Set(setups.map((setup) => setup.mode)), new Set(['working tree', 'staged']));
});

test(`mutation trials ${FIXED_SEEDS.first}–${FIXED_SEEDS.first + FIXED_SEEDS.count - 1} agree with buf exactly`, { timeout: 600_000 }, async () => {
  const trials = await runTrials(FIXED_SEEDS);
  const compiling = trials.filter((trial) => trial.compiles);
  assert.ok(compiling.length >= FIXED_SEEDS.count / 2, `most trials compile (${compiling.length} of ${trials.length})`);
  assert.ok(
    compiling.some((trial) => trial.buf.length > 0),
    'buf reports something in some trial',
  );
  assert.deepEqual(
    compiling.filter((trial) => !isExact(trial)).map((trial) => trial.seed),
    [],
    report(trials),
  );
});
