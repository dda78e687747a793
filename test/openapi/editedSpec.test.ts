// Reading a description after an edit by parsing only the edited entry (editedSpec.ts) must give what a full parse
// gives: the same tree, node for node and offset for offset, and the same verdict on a text that does not parse.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { isMap, isPair, isScalar, isSeq } from 'yaml';
import { child, parseSpecFile, sharedSpecFile, type SpecFile } from '../../server/src/openapi/document';

/** A description of our own with what makes YAML parsing context-dependent: block and folded scalars, flow maps and
 *  sequences, comments, quoted keys, an anchor with aliases, and deep nesting. */
function description(schemas: number): string {
  const lines = ['openapi: 3.0.3', "info: { title: Garden, version: '1' }", 'paths:'];
  for (let index = 0; index < schemas; index++) {
    lines.push(
      `  /plants/${index}:`,
      '    get:',
      `      summary: Plant ${index}`,
      '      description: |',
      `        Returns plant ${index}.`,
      '',
      '        Pages are numbered from one.',
      '      parameters:',
      '        - { name: page, in: query, schema: { type: integer, minimum: 1 } }',
      '      responses:',
      "        '200':",
      '          description: >-',
      '            the plant,',
      '            folded',
      '          content:',
      '            application/json:',
      `              schema: { $ref: '#/components/schemas/Plant${index}' }`,
    );
  }
  lines.push('components:', '  schemas:');
  for (let index = 0; index < schemas; index++) {
    lines.push(
      `    Plant${index}:`,
      '      type: object',
      '      required: [name]',
      '      # the name is what gardeners call it',
      '      properties:',
      '        name:',
      '          type: string',
      '          maxLength: 40',
      `        "height cm": { type: number, minimum: 0 }`,
      '        tags:',
      '          type: array',
      '          items:',
      '            type: string',
      '            enum: [shade, sun]',
    );
  }
  lines.push('  x-shared:', '    base: &shared', '      type: object', '    again: *shared', '    later:', '      nested: *shared');
  return `${lines.join('\n')}\n`;
}

/** The tree as data: kind, style, value and offsets of every node. */
function shape(node: unknown): unknown {
  if (node === null || node === undefined) return null;
  if (isPair(node)) return [shape(node.key), shape(node.value)];
  if (isScalar(node)) return ['scalar', node.value, node.type, node.range];
  if (isMap(node)) return ['map', Boolean(node.flow), node.range, node.items.map(shape)];
  if (isSeq(node)) return ['seq', Boolean(node.flow), node.range, node.items.map(shape)];
  return ['other', String(node)];
}

function assertSameAsFullParse(file: SpecFile, text: string, what: string): void {
  const full = parseSpecFile(file.path, text);
  assert.equal(file.unreadable === undefined, full.unreadable === undefined, `${what}: ${file.unreadable ?? 'readable'} / ${full.unreadable ?? 'readable'}`);
  if (full.unreadable === undefined) assert.deepEqual(shape(file.root), shape(full.root), what);
}

test('typing into a schema reads only the edited entry, and gives what a full parse gives at every keystroke', () => {
  const path = 'typed/openapi.yaml';
  const text = description(40);
  const first = sharedSpecFile(path, text);
  const at = text.indexOf('        name:\n', text.indexOf('    Plant20:'));
  const typed = '        nickname:\n          type: string\n          description: What the neighbours say.\n';
  let last = first;
  for (let length = 1; length <= typed.length; length++) {
    const next = text.slice(0, at) + typed.slice(0, length) + text.slice(at);
    last = sharedSpecFile(path, next);
    assertSameAsFullParse(last, next, `after ${JSON.stringify(typed.slice(0, length))}`);
  }
  assert.equal(last.unreadable, undefined);
  // What comes before the edit is shared with the first parse: it was not parsed again.
  assert.equal(child(last.root, 'paths'), child(first.root, 'paths'));
  assert.equal(child(last.root, 'info'), child(first.root, 'info'));
});

test('seeded random edits (typing, deleting, joining lines) agree with a full parse, the anchored entry included', () => {
  const text = description(24);
  let seed = 7;
  const random = () => (seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff;
  const snippets = ['x', ' ', ':', '\n', '  ', '- a', '"', '{', ']', '# note', '        extra:\n          type: integer\n', '&b', '*shared', '\t'];
  for (let round = 0; round < 4; round++) {
    const path = `random-${round}/openapi.yaml`;
    let current = text;
    sharedSpecFile(path, current);
    for (let step = 0; step < 30; step++) {
      const offset = Math.floor(random() * current.length);
      const choice = random();
      const next =
        choice < 0.6
          ? current.slice(0, offset) + snippets[Math.floor(random() * snippets.length)] + current.slice(offset)
          : current.slice(0, offset) + current.slice(offset + 1 + Math.floor(random() * 12));
      assertSameAsFullParse(sharedSpecFile(path, next), next, `round ${round}, step ${step}, at ${offset}`);
      // Keep typing on from the edit half the time; otherwise go back to the text that parsed.
      if (random() < 0.5) current = next;
    }
  }
});

test('an edit inside an anchored mapping, and one that empties a mapping, are read in full', () => {
  const text = description(3);
  const path = 'anchored/openapi.yaml';
  sharedSpecFile(path, text);
  const inAnchor = text.replace('    base: &shared\n      type: object\n', '    base: &shared\n      type: object\n      title: Shared\n');
  assertSameAsFullParse(sharedSpecFile(path, inAnchor), inAnchor, 'inside the anchored mapping');
  const emptied = inAnchor.replace(/ {6}required: \[name\]\n/, '');
  assertSameAsFullParse(sharedSpecFile(path, emptied), emptied, 'a line deleted');
  const noTags = emptied.replace('        tags:\n          type: array\n          items:\n            type: string\n            enum: [shade, sun]\n', '');
  assertSameAsFullParse(sharedSpecFile(path, noTags), noTags, 'the last entry of a mapping deleted');
});

test('a half-typed line makes the file unreadable, and the next keystroke that mends it reads it again', () => {
  const text = description(5);
  const path = 'half/openapi.yaml';
  sharedSpecFile(path, text);
  const at = text.indexOf('          maxLength: 40\n') + '          maxLength: 40'.length;
  const broken = `${text.slice(0, at)}\n          pattern: "[a-z${text.slice(at)}`;
  const unreadable = sharedSpecFile(path, broken);
  assert.match(unreadable.unreadable ?? '', /^not valid YAML \(line \d+: /);
  assert.equal(parseSpecFile(path, broken).unreadable === undefined, false);
  const mended = `${text.slice(0, at)}\n          pattern: "[a-z]+"${text.slice(at)}`;
  assertSameAsFullParse(sharedSpecFile(path, mended), mended, 'mended');
});

test('a line added at the end of one entry is not read as the start of the next one', () => {
  const before = 'paths:\n  /pets:\n    post:\n      tags:\n        - dogs\n      responses:\n        default: { description: ok }\n';
  const path = 'boundary/openapi.yaml';
  sharedSpecFile(path, before);
  // The added item shares its first spaces with the `responses:` line, which is where a text comparison puts the edit.
  const after = before.replace('        - dogs\n', '        - dogs\n        - cats\n');
  assertSameAsFullParse(sharedSpecFile(path, after), after, 'an item added');
  const pasted = after.replace('      responses:\n', '      summary: Adds a pet\n      responses:\n');
  assertSameAsFullParse(sharedSpecFile(path, pasted), pasted, 'a key added before the next one');
});
