// Feature resolution as other rules use it: syntax defaults, inheritance file → message → oneof → field and enum,
// and the proto2/proto3 meanings of labels, groups and `packed`.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { resolvedEnumFeatures, resolvedFieldFeatures, resolvedMessageFeatures } from '../../server/src/protobuf/features';
import { buildFile, ProtoImage } from '../../server/src/protobuf/model';

function load(text: string) {
  const file = buildFile('x.proto', 'x.proto', text);
  const image = new ProtoImage([file]);
  const message = (name: string) => file.messages.find((item) => item.nestedName === name)!;
  const field = (messageName: string, name: string) => {
    const owner = message(messageName);
    return resolvedFieldFeatures(
      owner.fields.find((item) => item.name === name)!,
      owner,
      image,
    );
  };
  return { file, message, field, enumNamed: (name: string) => resolvedEnumFeatures(file.enums.find((item) => item.nestedName === name)!) };
}

test('proto3 fields have implicit presence unless optional, in a oneof or message-typed; repeated scalars are packed unless told not to be', () => {
  const { field } = load(
    'syntax = "proto3";\npackage p;\nmessage M {\n  int32 a = 1;\n  optional int32 b = 2;\n  oneof o { int32 c = 3; }\n  M d = 4;\n  repeated int32 e = 5 [packed = false];\n  repeated int32 f = 6;\n}\n',
  );
  assert.equal(field('M', 'a').fieldPresence.value, 'IMPLICIT');
  assert.equal(field('M', 'b').fieldPresence.value, 'EXPLICIT');
  assert.equal(field('M', 'c').fieldPresence.value, 'EXPLICIT');
  assert.equal(field('M', 'd').fieldPresence.value, 'EXPLICIT');
  assert.equal(field('M', 'e').repeatedFieldEncoding.value, 'EXPANDED');
  assert.equal(field('M', 'f').repeatedFieldEncoding.value, 'PACKED');
  assert.equal(field('M', 'a').utf8Validation.value, 'VERIFY');
});

test('proto2 required is LEGACY_REQUIRED, a group is DELIMITED, packed = true packs, enums are closed', () => {
  const { field, enumNamed, message } = load(
    'syntax = "proto2";\npackage p;\nmessage M {\n  required int32 a = 1;\n  optional group G = 2 { optional int32 x = 1; }\n  repeated int32 r = 3 [packed = true];\n  enum E { E_ZERO = 0; }\n}\n',
  );
  assert.equal(field('M', 'a').fieldPresence.value, 'LEGACY_REQUIRED');
  assert.equal(field('M', 'g').messageEncoding.value, 'DELIMITED');
  assert.equal(field('M', 'r').repeatedFieldEncoding.value, 'PACKED');
  assert.equal(enumNamed('M.E').enumType.value, 'CLOSED');
  assert.equal(resolvedMessageFeatures(message('M')).jsonFormat.value, 'LEGACY_BEST_EFFORT');
});

test('edition features are inherited from the nearest level that sets them, and remember where', () => {
  const { field, enumNamed, message } = load(
    'edition = "2023";\npackage p;\noption features.field_presence = IMPLICIT;\noption features.enum_type = CLOSED;\n' +
      'message M {\n  option features.json_format = LEGACY_BEST_EFFORT;\n  int32 a = 1;\n  int32 b = 2 [features.field_presence = EXPLICIT];\n' +
      '  message N { string s = 1; }\n  enum E { option features = { enum_type: OPEN }; E_ZERO = 0; }\n}\nenum F { F_ZERO = 0; }\n',
  );
  const presence = field('M', 'a').fieldPresence;
  assert.equal(presence.value, 'IMPLICIT');
  assert.equal(presence.level, 'file');
  assert.deepEqual(
    [presence.setBy?.start, presence.setBy?.end],
    [
      { line: 2, character: 0 },
      { line: 2, character: 42 },
    ],
  );
  assert.equal(field('M', 'b').fieldPresence.level, 'field');
  assert.equal(field('M', 'b').fieldPresence.value, 'EXPLICIT');
  assert.equal(resolvedMessageFeatures(message('M.N')).jsonFormat.value, 'LEGACY_BEST_EFFORT');
  assert.equal(resolvedMessageFeatures(message('M.N')).jsonFormat.level, 'message');
  assert.equal(enumNamed('M.E').enumType.value, 'OPEN');
  assert.equal(enumNamed('M.E').jsonFormat.value, 'LEGACY_BEST_EFFORT');
  assert.equal(enumNamed('F').enumType.value, 'CLOSED');
  assert.equal(enumNamed('F').jsonFormat.value, 'ALLOW');
});

test('a value a feature does not have is marked unknown rather than guessed', () => {
  const { enumNamed } = load('edition = "2023";\npackage p;\nenum F { option features.enum_type = CLOS; F_ZERO = 0; }\n');
  assert.equal(enumNamed('F').enumType.isUnknown, true);
});
