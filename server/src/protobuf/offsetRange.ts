// Ranges of parsed .proto declarations kept as two offsets and the file's line starts: line/character positions are
// computed only when someone reads `start` or `end`, so a googleapis-sized parse does not allocate three objects per range.
import type { Position, Range } from '../engine/range';

export class OffsetRange implements Range {
  constructor(
    private readonly lineStarts: readonly number[],
    readonly startOffset: number,
    readonly endOffset: number,
  ) {}

  get start(): Position {
    return positionIn(this.lineStarts, this.startOffset);
  }

  get end(): Position {
    return positionIn(this.lineStarts, this.endOffset);
  }

  // Findings and edits leave the process as JSON; they must carry positions, not offsets.
  toJSON(): Range {
    return { start: this.start, end: this.end };
  }
}

export function positionIn(lineStarts: readonly number[], offset: number): Position {
  let low = 0;
  let high = lineStarts.length - 1;
  while (low < high) {
    const middle = (low + high + 1) >> 1;
    if (lineStarts[middle] <= offset) low = middle;
    else high = middle - 1;
  }
  return { line: low, character: offset - lineStarts[low] };
}

/** A plain-object copy: what leaves the protobuf kind, so that nobody downstream depends on the lazy form. */
export function plainRange(range: Range): Range {
  const { start, end } = range;
  return { start: { line: start.line, character: start.character }, end: { line: end.line, character: end.character } };
}
