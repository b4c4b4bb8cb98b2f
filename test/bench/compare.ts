/**
 * The lines under the table that answer issue 9's targets: start-up against
 * bare node, edition against pandoc and pdflatex (medians of alternating
 * runs), cost per MB from 10× to 50× (linear?), what the cache saves and
 * what tagging the PDF costs.
 */
import { fmt, pagesPerSecond, type CaseKey, type CaseResult } from './table.js';

const find = (results: readonly CaseResult[], key: CaseKey) =>
  results.find((r) => r.summary && (Object.keys(key) as (keyof CaseKey)[]).every((k) => r[k] === key[k]));

/** "edition 2.6× faster" or "edition 1.8× slower": a ratio below 1 read the way round a user says it. */
export function speedUp(ratio: number): string {
  return ratio >= 1 ? `edition ${fmt(ratio, 1)}× faster` : `edition ${fmt(1 / ratio, 1)}× slower`;
}

const scaleName = (scale: number | 'selections') => (scale === 'selections' ? '100 selections' : `×${scale}`);

/** Every comparison the results allow; a pair with a missing side is left out. */
export function comparisonLines(results: readonly CaseResult[]): string[] {
  const lines: string[] = [];
  const named = (name: string) => results.find((r) => r.name === name && r.summary);
  const [bare, help] = [named('node -e 0'), named('edition --help')];
  if (bare?.summary && help?.summary) {
    lines.push(`start-up: edition --help ${fmt(help.summary.median)} s = ${fmt(help.summary.median / bare.summary.median, 1)}× node -e 0 (${fmt(bare.summary.median)} s; target ≤ 3×)`);
  }
  const scales = [...new Set(results.map((r) => r.scale).filter((s): s is number => typeof s === 'number'))];
  for (const scale of scales) {
    const epub = find(results, { tool: 'edition', scale, format: 'epub', mode: 'cold' });
    const pandoc = find(results, { tool: 'pandoc', scale, format: 'epub' });
    if (epub?.summary && pandoc?.summary) {
      lines.push(`${scaleName(scale)} EPUB: edition ${fmt(epub.summary.median)} s, pandoc ${fmt(pandoc.summary.median)} s: ${speedUp(pandoc.summary.median / epub.summary.median)}`);
    }
    const pdf = find(results, { tool: 'edition', scale, format: 'pdf', mode: 'cold' });
    const latex = find(results, { tool: 'pdflatex', scale, format: 'pdf' });
    const [ours, theirs] = [pdf && pagesPerSecond(pdf), latex && pagesPerSecond(latex)];
    if (pdf?.summary && latex?.summary && ours !== undefined && theirs !== undefined) {
      lines.push(`${scaleName(scale)} PDF: edition ${fmt(ours, 1)} pages/s (${pdf.pages} pages, ${fmt(pdf.summary.median)} s), pandoc + pdflatex ${fmt(theirs, 1)} pages/s (${latex.pages} pages, ${fmt(latex.summary.median)} s): ${fmt(ours / theirs, 1)}× per page, ${fmt(latex.summary.median / pdf.summary.median, 1)}× in time`);
    }
  }
  lines.push(...linearity(results));
  lines.push(...cacheLines(results));
  const tagged = find(results, { tool: 'api', mode: 'tagged' });
  const untagged = find(results, { tool: 'api', mode: 'untagged' });
  if (tagged?.summary && untagged?.summary) {
    const dt = tagged.summary.median - untagged.summary.median;
    const size = tagged.outBytes && untagged.outBytes ? ` and ${fmt(((tagged.outBytes - untagged.outBytes) / tagged.outBytes) * 100, 0)} % of its size` : '';
    lines.push(`tagging (PDF/UA structure): ${fmt(dt)} s = ${fmt((dt / tagged.summary.median) * 100, 0)} % of the ×${tagged.scale} PDF's time (API, medians)${size}`);
  }
  return lines;
}

/** Seconds per source MB (cold medians) at 10× and 50×; a ratio near 1 is linear, below 1 means a fixed cost spread thinner. */
export function linearity(results: readonly CaseResult[]): string[] {
  const lines: string[] = [];
  for (const [tool, format, label] of [['edition', 'epub', 'edition EPUB'], ['edition', 'pdf', 'edition PDF'], ['pandoc', 'epub', 'pandoc EPUB'], ['pdflatex', 'pdf', 'pandoc + pdflatex']] as const) {
    const key = (scale: number) => (tool === 'edition' ? { tool, scale, format, mode: 'cold' as const } : { tool, scale, format });
    const [a, b] = [find(results, key(10)), find(results, key(50))];
    if (!a?.summary || !b?.summary || !a.sourceBytes || !b.sourceBytes) continue;
    const [ca, cb] = [a.summary.median / (a.sourceBytes / 1e6), b.summary.median / (b.sourceBytes / 1e6)];
    lines.push(`linearity, ${label}: ${fmt(ca)} s/MB at ×10, ${fmt(cb)} s/MB at ×50 (×50/×10 = ${fmt(cb / ca)})`);
  }
  return lines;
}

/** Warm (and one-source-edited) rebuilds against the cold build of the same case. */
export function cacheLines(results: readonly CaseResult[]): string[] {
  const lines: string[] = [];
  for (const cold of results.filter((r) => r.tool === 'edition' && r.mode === 'cold' && r.summary)) {
    const base = { tool: 'edition' as const, scale: cold.scale!, format: cold.format! };
    const parts = (['no-cache', 'warm', 'edited'] as const)
      .map((mode) => [mode, find(results, { ...base, mode })] as const)
      .filter(([, r]) => r?.summary)
      .map(([mode, r]) => `${mode === 'edited' ? 'one source edited' : mode} ${fmt(r!.summary!.median)} s (${fmt(r!.summary!.median / cold.summary!.median)}×)`);
    if (parts.length) lines.push(`cache, ${scaleName(cold.scale!)} ${cold.format!.toUpperCase()}: cold ${fmt(cold.summary!.median)} s; ${parts.join('; ')}`);
  }
  return lines;
}
