// protoc's default JSON name (ToJsonName): each underscore dropped, the character after it upper-cased.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { defaultJsonName } from '../../server/src/protobuf/model';

test('default JSON names as protoc makes them', () => {
  const cases: Record<string, string> = {
    name: 'name',
    message_retention_duration: 'messageRetentionDuration',
    foo__bar: 'fooBar',
    _leading: 'Leading',
    trailing_: 'trailing',
    trailing__: 'trailing',
    a_1b: 'a1b',
    with_Capital: 'withCapital',
    ___: '',
    x_y_z: 'xYZ',
  };
  for (const [name, json] of Object.entries(cases)) assert.equal(defaultJsonName(name), json, name);
});
