// The seeded mutation generator's fixed set (issue 11): real googleapis packages changed at random, every trial exact
// against the real buf. `npm run agreement -- --trials N --seed S` runs any other seeds.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { isExact, report, runTrials } from './mutations/agreement';
import { mutate, Random } from './mutations/mutate';
import { loadCorpus } from './mutations/corpus';

const FIXED_SEEDS = { first: 1, count: 24 };

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

test(
  `mutation trials ${FIXED_SEEDS.first}–${FIXED_SEEDS.first + FIXED_SEEDS.count - 1} on googleapis agree with buf exactly`,
  { timeout: 180_000 },
  async () => {
    const trials = await runTrials(FIXED_SEEDS.first, FIXED_SEEDS.count);
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
  },
);
