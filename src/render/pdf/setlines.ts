/**
 * Setting short pieces of display type (titles, labels, imprint lines):
 * a string in a type spec, broken ragged or centred, as flow lines.
 */
import type { Text } from '../../model/types.js';
import { runContext, type LayoutContext } from './blocks.js';
import { flowLines, type FlowLine, type Mark } from './flow.js';
import { breakRuns, type Align } from './linebreak.js';
import { plainRuns, type Run } from './runs.js';
import type { TypeSpec } from './style.js';

export interface SetOptions {
  align?: Align;
  x?: number;
  width?: number;
  keepWithNext?: boolean;
  marks?: Mark[];
  text?: Text;
}

/** Sets a plain string; returns no lines for an empty string. */
export function setString(value: string, spec: TypeSpec, ctx: LayoutContext, o: SetOptions = {}): FlowLine[] {
  if (value.trim() === '') return [];
  return setRuns(plainRuns(value, spec, runContext(ctx, o.text)), spec, ctx, o);
}

/** Sets runs ragged (or centred) in a spec. */
export function setRuns(runs: Run[], spec: TypeSpec, ctx: LayoutContext, o: SetOptions = {}): FlowLine[] {
  const width = o.width ?? ctx.style.geometry.measure - (o.x ?? 0);
  const lines = breakRuns(runs, { width, align: o.align ?? 'left', lb: ctx.style.config.linebreak });
  return flowLines(lines, { x: o.x ?? 0, leading: spec.leading, size: spec.size, keepWithNext: o.keepWithNext, marks: o.marks });
}
