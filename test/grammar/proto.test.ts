// Tokenizes protos with the real TextMate engine (vscode-textmate + oniguruma) and checks the scopes the grammar assigns.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as oniguruma from 'vscode-oniguruma';
import * as textmate from 'vscode-textmate';

const ROOT = path.resolve(__dirname, '../..');
const GRAMMAR_FILE = path.join(ROOT, 'syntaxes/proto.tmLanguage.json');

interface Token {
  text: string;
  line: number;
  scopes: string[];
}

let grammarPromise: Promise<textmate.IGrammar> | undefined;

function loadGrammar(): Promise<textmate.IGrammar> {
  grammarPromise ??= (async () => {
    const wasm = fs.readFileSync(require.resolve('vscode-oniguruma/release/onig.wasm'));
    await oniguruma.loadWASM(wasm.buffer.slice(wasm.byteOffset, wasm.byteOffset + wasm.byteLength));
    const registry = new textmate.Registry({
      onigLib: Promise.resolve({
        createOnigScanner: (patterns: string[]) => new oniguruma.OnigScanner(patterns),
        createOnigString: (text: string) => new oniguruma.OnigString(text),
      }),
      loadGrammar: async (scopeName: string) =>
        scopeName === 'source.proto' ? textmate.parseRawGrammar(fs.readFileSync(GRAMMAR_FILE, 'utf8'), GRAMMAR_FILE) : null,
    });
    const grammar = await registry.loadGrammar('source.proto');
    if (!grammar) throw new Error('source.proto did not load from syntaxes/proto.tmLanguage.json');
    return grammar;
  })();
  return grammarPromise;
}

async function tokenize(text: string): Promise<Token[]> {
  const grammar = await loadGrammar();
  const tokens: Token[] = [];
  let stack = textmate.INITIAL;
  text.split('\n').forEach((line, index) => {
    const result = grammar.tokenizeLine(line, stack);
    for (const token of result.tokens) tokens.push({ text: line.slice(token.startIndex, token.endIndex), line: index, scopes: token.scopes });
    stack = result.ruleStack;
  });
  return tokens;
}

/** The innermost scope of the token whose text is exactly `text` (its `nth` occurrence, 0-based). */
function scopeOf(tokens: Token[], text: string, nth = 0): string {
  const matching = tokens.filter((token) => token.text.trim() === text);
  const token = matching[nth];
  if (!token) throw new Error(`no token "${text}" (occurrence ${nth}) among: ${tokens.map((t) => JSON.stringify(t.text)).join(' ')}`);
  return token.scopes[token.scopes.length - 1]!;
}

function scopesOf(tokens: Token[], text: string, nth = 0): string[] {
  const token = tokens.filter((candidate) => candidate.text.trim() === text)[nth];
  if (!token) throw new Error(`no token "${text}"`);
  return token.scopes;
}

const USER = `syntax = "proto3";

package acme.user.v1;

import "google/protobuf/timestamp.proto";
import public "acme/common.proto";

option java_package = "com.acme.user.v1";
option (acme.file_owner) = "identity";

// A person who can sign in.
message User {
  string name = 1;
  optional int64 age = 2 [deprecated = true, json_name = "years"];
  repeated .acme.common.Address addresses = 3;
  map<string, Role> roles = 4;
  /* where they are */
  oneof contact {
    string email = 5;
    Phone phone = 6 [(acme.field_rule).pattern = "^\\\\+", (acme.sensitive) = true];
  }
  reserved 7, 9 to 11, 100 to max;
  reserved "legacy", "old_name";
  message Phone { string number = 1; }
  double score = 12 [default = inf];
}

enum Role {
  option allow_alias = true;
  ROLE_UNSPECIFIED = 0;
  ROLE_ADMIN = 1 [deprecated = true];
  ROLE_NEGATIVE = -1;
}

service UserService {
  option deprecated = false;
  rpc GetUser(GetUserRequest) returns (User);
  rpc WatchUsers(stream WatchRequest) returns (stream .acme.user.v1.User) {
    option idempotency_level = NO_SIDE_EFFECTS;
  }
}
`;

test('keywords of declarations and statements get keyword and storage scopes', async () => {
  const tokens = await tokenize(USER);
  assert.equal(scopeOf(tokens, 'syntax'), 'keyword.other.syntax.proto');
  assert.equal(scopeOf(tokens, 'package'), 'keyword.other.package.proto');
  assert.equal(scopeOf(tokens, 'import'), 'keyword.other.import.proto');
  assert.equal(scopeOf(tokens, 'public'), 'storage.modifier.import.proto');
  assert.equal(scopeOf(tokens, 'option'), 'keyword.other.option.proto');
  assert.equal(scopeOf(tokens, 'message'), 'storage.type.message.proto');
  assert.equal(scopeOf(tokens, 'enum'), 'storage.type.enum.proto');
  assert.equal(scopeOf(tokens, 'service'), 'storage.type.service.proto');
  assert.equal(scopeOf(tokens, 'rpc'), 'keyword.other.rpc.proto');
  assert.equal(scopeOf(tokens, 'returns'), 'keyword.other.returns.proto');
  assert.equal(scopeOf(tokens, 'stream'), 'storage.modifier.stream.proto');
  assert.equal(scopeOf(tokens, 'oneof'), 'keyword.other.oneof.proto');
  assert.equal(scopeOf(tokens, 'map'), 'storage.type.map.proto');
  assert.equal(scopeOf(tokens, 'reserved'), 'keyword.other.reserved.proto');
  assert.equal(scopeOf(tokens, 'to'), 'keyword.other.to.proto');
  assert.equal(scopeOf(tokens, 'max'), 'keyword.other.max.proto');
  assert.equal(scopeOf(tokens, 'optional'), 'storage.modifier.label.proto');
  assert.equal(scopeOf(tokens, 'repeated'), 'storage.modifier.label.proto');
});

test('declared names, type references and scalar types are told apart', async () => {
  const tokens = await tokenize(USER);
  assert.equal(scopeOf(tokens, 'acme.user.v1'), 'entity.name.namespace.proto');
  assert.equal(scopeOf(tokens, 'User'), 'entity.name.type.message.proto');
  assert.equal(scopeOf(tokens, 'Role'), 'entity.name.type.proto', 'the map value type is a reference');
  assert.equal(scopeOf(tokens, 'Role', 1), 'entity.name.type.enum.proto');
  assert.equal(scopeOf(tokens, 'UserService'), 'entity.name.type.service.proto');
  assert.equal(scopeOf(tokens, 'GetUser'), 'entity.name.function.rpc.proto');
  assert.equal(scopeOf(tokens, 'GetUserRequest'), 'entity.name.type.proto');
  assert.equal(scopeOf(tokens, '.acme.user.v1.User'), 'entity.name.type.proto');
  assert.equal(scopeOf(tokens, '.acme.common.Address'), 'entity.name.type.proto');
  assert.equal(scopeOf(tokens, 'Phone'), 'entity.name.type.proto');
  assert.equal(scopeOf(tokens, 'Phone', 1), 'entity.name.type.message.proto', 'the nested message declaration');
  assert.equal(scopeOf(tokens, 'string'), 'support.type.scalar.proto');
  assert.equal(scopeOf(tokens, 'int64'), 'support.type.scalar.proto');
  assert.equal(scopeOf(tokens, 'contact'), 'variable.other.oneof.proto');
});

test('field names and numbers, and enum values, get their scopes', async () => {
  const tokens = await tokenize(USER);
  assert.equal(scopeOf(tokens, 'name'), 'variable.other.field.proto');
  assert.equal(scopeOf(tokens, 'addresses'), 'variable.other.field.proto');
  assert.equal(scopeOf(tokens, 'roles'), 'variable.other.field.proto');
  assert.equal(scopeOf(tokens, 'email'), 'variable.other.field.proto');
  assert.equal(scopeOf(tokens, '3'), 'constant.numeric.integer.proto');
  assert.equal(scopeOf(tokens, '100'), 'constant.numeric.integer.proto');
  assert.equal(scopeOf(tokens, 'ROLE_ADMIN'), 'variable.other.enummember.proto');
  assert.equal(scopeOf(tokens, '-1'), 'constant.numeric.integer.proto');
  const scopes = scopesOf(tokens, 'name');
  assert.ok(scopes.includes('meta.message.proto'), `field inside the message: ${scopes.join(' ')}`);
});

test('strings, comments and constants get their scopes', async () => {
  const tokens = await tokenize(USER);
  assert.equal(scopeOf(tokens, 'proto3'), 'string.quoted.double.proto');
  assert.equal(scopeOf(tokens, 'google/protobuf/timestamp.proto'), 'string.quoted.double.proto');
  assert.equal(scopeOf(tokens, 'legacy'), 'string.quoted.double.proto');
  assert.equal(scopeOf(tokens, '\\\\'), 'constant.character.escape.proto');
  assert.equal(scopeOf(tokens, 'A person who can sign in.'), 'comment.line.double-slash.proto');
  assert.equal(scopeOf(tokens, 'where they are'), 'comment.block.proto');
  assert.equal(scopeOf(tokens, 'true'), 'constant.language.boolean.proto');
  assert.equal(scopeOf(tokens, 'false'), 'constant.language.boolean.proto');
  assert.equal(scopeOf(tokens, 'inf'), 'constant.language.proto');
});

test('option names, custom options in parentheses and option values are scoped', async () => {
  const tokens = await tokenize(USER);
  assert.equal(scopeOf(tokens, 'java_package'), 'variable.other.option.proto');
  assert.equal(scopeOf(tokens, 'acme.file_owner'), 'entity.other.attribute-name.custom.proto');
  assert.equal(scopeOf(tokens, '('), 'punctuation.definition.option.begin.proto');
  assert.equal(scopeOf(tokens, 'deprecated'), 'variable.other.option.proto', 'a field option in brackets');
  assert.ok(scopesOf(tokens, 'deprecated').includes('meta.field-options.proto'));
  assert.equal(scopeOf(tokens, 'acme.field_rule'), 'entity.other.attribute-name.custom.proto');
  assert.equal(scopeOf(tokens, 'pattern'), 'variable.other.option.proto', 'a sub-field after a custom option');
  assert.equal(scopeOf(tokens, 'acme.sensitive'), 'entity.other.attribute-name.custom.proto');
  assert.equal(scopeOf(tokens, 'allow_alias'), 'variable.other.option.proto');
  assert.equal(scopeOf(tokens, 'NO_SIDE_EFFECTS'), 'variable.other.constant.proto');
  assert.equal(scopeOf(tokens, 'default'), 'variable.other.option.proto');
});

test('editions, proto2 groups, extensions and extend blocks are scoped', async () => {
  const tokens = await tokenize(`edition = "2023";
option features.field_presence = IMPLICIT;
message Legacy {
  required string id = 1;
  optional group Result = 2 {
    required string url = 3;
  }
  extensions 100 to 199, 500 to max [verification = UNVERIFIED];
}
extend Legacy {
  optional int32 rank = 100;
}
message Config { option (acme.aggregate) = { name: "x" limits { max: 3 } }; float ratio = 1 [default = -1.5e3]; }
`);
  assert.equal(scopeOf(tokens, 'edition'), 'keyword.other.syntax.proto');
  assert.equal(scopeOf(tokens, 'features'), 'variable.other.option.proto');
  assert.equal(scopeOf(tokens, 'field_presence'), 'variable.other.option.proto');
  assert.equal(scopeOf(tokens, 'required'), 'storage.modifier.label.proto');
  assert.equal(scopeOf(tokens, 'group'), 'storage.type.group.proto');
  assert.equal(scopeOf(tokens, 'Result'), 'entity.name.type.group.proto');
  assert.equal(scopeOf(tokens, 'url'), 'variable.other.field.proto', 'a field inside the group body');
  assert.equal(scopeOf(tokens, 'extensions'), 'keyword.other.extensions.proto');
  assert.equal(scopeOf(tokens, 'max'), 'keyword.other.max.proto');
  assert.equal(scopeOf(tokens, 'verification'), 'variable.other.option.proto');
  assert.equal(scopeOf(tokens, 'extend'), 'keyword.other.extend.proto');
  assert.equal(scopeOf(tokens, 'Legacy', 1), 'entity.name.type.proto', 'the extended message is a reference');
  assert.equal(scopeOf(tokens, 'rank'), 'variable.other.field.proto');
  assert.equal(scopeOf(tokens, 'limits'), 'variable.other.property.proto', 'a key in an aggregate option value');
  assert.equal(scopeOf(tokens, '-1.5e3'), 'constant.numeric.float.proto');
  assert.equal(scopeOf(tokens, 'ratio'), 'variable.other.field.proto');
});

test('a field whose name is a keyword is still a field', async () => {
  const tokens = await tokenize('message Envelope {\n  string message = 1;\n  int32 max = 2;\n  bool option = 3;\n}\n');
  assert.equal(scopeOf(tokens, 'message', 1), 'variable.other.field.proto');
  assert.equal(scopeOf(tokens, 'max'), 'variable.other.field.proto');
  assert.equal(scopeOf(tokens, 'option'), 'variable.other.field.proto');
});

test('a half-typed file still tokenizes, and an unclosed string or option does not swallow what follows', async () => {
  const tokens = await tokenize(`syntax = "proto3
package acme.v1;
option java_package = "x"
message User {
  string name = 1;
  repeated str
  int32 age = 2;
  rpc
  message Dra`);
  assert.equal(scopeOf(tokens, 'package'), 'keyword.other.package.proto', 'the unclosed string ended with its line');
  assert.equal(scopeOf(tokens, 'message'), 'storage.type.message.proto', 'the option without ";" ended before the next statement');
  assert.equal(scopeOf(tokens, 'User'), 'entity.name.type.message.proto');
  assert.equal(scopeOf(tokens, 'repeated'), 'storage.modifier.label.proto');
  assert.equal(scopeOf(tokens, 'age'), 'variable.other.field.proto');
  assert.equal(scopeOf(tokens, 'Dra'), 'entity.name.type.message.proto');
  assert.equal(
    tokens
      .filter((token) => token.line === 8)
      .map((token) => token.text)
      .join(''),
    '  message Dra',
  );
});

test('every line of an empty or whitespace-only file tokenizes without error', async () => {
  const tokens = await tokenize('\n   \n\t\n');
  assert.ok(tokens.every((token) => token.scopes[0] === 'source.proto'));
});
