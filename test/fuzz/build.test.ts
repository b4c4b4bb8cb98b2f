/**
 * Property-based test of the whole pipeline, through the library API: random
 * Markdown with footnotes, emphasis, quotes (straight and typographic),
 * lists, block quotes, headings, hard breaks and odd Unicode (combining
 * marks, RTL marks, ZWJ sequences, emoji, soft hyphens, no-break spaces).
 *
 * For every input the build either succeeds or throws an InputError (never
 * anything else); a successful build's EPUB has only well-formed content
 * documents (strict XML parser) whose internal links all resolve, carries no
 * active content, and holds every word of the input (the multiset measure of
 * /work/shared/tools/fidelity.py). The PDF, once the renderer exists, must
 * hold every word too (pdftotext).
 *
 * `npm test` runs FUZZ_RUNS (default 150) EPUB cases and a tenth as many
 * PDF cases; FUZZ_RUNS=2000 npx vitest run test/fuzz for a longer run;
 * FUZZ_SEED=… replays a failure; the default seed is fixed, FUZZ_SEED=random explores.
 */
import fs from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildEdition } from '../../src/edition/build.js';
import { InputError, formatMessage } from '../../src/model/messages.js';
import { TempProject, source } from '../helpers/project.js';
import { activeContent, describeMissing, formatFinding, languageFindings, missingWords, pdfText, readEpub, spineText, tools } from '../helpers/validators.js';

const RUNS = Number(process.env.FUZZ_RUNS ?? 150);
const PDF_RUNS = Math.max(10, Math.round(RUNS / 10));
// A fixed seed by default, so `npm test` and CI check the same cases every time (a red CI run
// must mean a change broke something, not that the dice found an old case); FUZZ_SEED=random
// explores, FUZZ_SEED=n replays.
const SEED = process.env.FUZZ_SEED === 'random' ? undefined : Number(process.env.FUZZ_SEED ?? 20261201);

// ---------------------------------------------------------------- generators

const GERMAN = ['Arbeiter', 'und', 'Bauern', 'die', 'Räte', 'Macht', 'übernommen', 'Straße', 'größer', 'Ökonomie', 'Genossen', 'Frieden', 'Land', 'Brot', 'Krieg', 'Sowjets', 'ẞ', 'Lenin', 'Partei', 'z', 'B', 'S', '1917', '298', '10000', 'Nr', 'geht’s', "gibt's", 'Tom', 'Jerry'];
const ODD = [
  'Cafe\u0301', // combining acute
  'n\u0303o', // combining tilde with no precomposed form after NFC? (ñ exists; still exercises NFC)
  'q\u0307u', // combining dot above: no precomposed q̇
  'ab\u200Fcd', // RTL mark inside a word
  '\u200Fשלום', // Hebrew after an RTL mark
  'مرحبا',
  'Ленин',
  'Tro\u00ADtzki', // soft hyphen
  '👨\u200D👩\u200D👧', // ZWJ family
  '✊🏽', // emoji with skin tone
  'a\u200Db', // ZWJ inside letters
  'Ω≈ç',
  'ﬁnden', // ligature
  '1\u00A0000', // NBSP inside a number
  'Rosa\u00A0Luxemburg', // NBSP between words
  'Karl\u202FMarx', // narrow NBSP
  '½',
  '𝔐𝔞𝔯𝔵', // astral letters
  '&', // bare ampersand
  '—',
];

const word = fc.oneof({ weight: 6, arbitrary: fc.constantFrom(...GERMAN) }, { weight: 2, arbitrary: fc.constantFrom(...ODD) });
const words = (min: number, max: number) => fc.array(word, { minLength: min, maxLength: max }).map((w) => w.join(' '));

interface Notes {
  /** Labels that get a definition. */
  defined: string[];
}

const LABELS = ['1', '2', '3', 'a', 'b', 'x-y', 'Anm', '10'];

/** An inline fragment; `[^label]` references come from the defined labels (or, rarely, an undefined one). */
const inline = fc.oneof(
  { weight: 8, arbitrary: words(1, 5) },
  { weight: 2, arbitrary: words(1, 3).map((w) => `*${w}*`) },
  { weight: 1, arbitrary: words(1, 3).map((w) => `**${w}**`) },
  { weight: 1, arbitrary: words(1, 3).map((w) => `_${w}_`) },
  { weight: 2, arbitrary: words(1, 4).map((w) => `"${w}"`) },
  { weight: 1, arbitrary: words(1, 4).map((w) => `„${w}“`) },
  { weight: 1, arbitrary: words(1, 3).map((w) => `'${w}'`) },
  { weight: 1, arbitrary: words(1, 3).map((w) => `‚${w}‘`) },
  { weight: 1, arbitrary: words(1, 3).map((w) => `»${w}«`) },
  { weight: 2, arbitrary: fc.constantFrom(...LABELS).map((l) => `\u0000REF${l}\u0000`) },
  { weight: 1, arbitrary: fc.constantFrom('  \n', '\\\n') }, // hard breaks
  // Raw HTML and links as real texts have them: harmless tags map onto the model, the rest stays text or is refused.
  {
    weight: 1,
    arbitrary: fc.tuple(
      fc.constantFrom(
        '<span lang="en">$</span>', '<span lang="ru-Latn">$</span>', '<span lang="x y">$</span>', '<span lang=\'"><b>\'>$</span>', '<span>$</span>',
        '<em onclick="alert(1)">$</em>', '<i>$</i>', '<b>$</b>', '<sup>$</sup>', '<sub>$</sub>', '<small>$</small>', '<font color="red">$</font>',
        '$<br>', '$<br/>', '<!-- Kommentar -->$', '<img src="x" onerror="alert(1)">$', '<a href="javascript:alert(1)">$</a>',
        '[$](https://example.org/a?b=1&c=2)', '[$](javascript:alert(1))', '[$](mailto:a@example.org)', '<https://example.org> $', '[$][ref]',
      ),
      words(1, 3),
    ).map(([tpl, w]) => tpl.replace('$', w)),
  },
  { weight: 1, arbitrary: fc.constantFrom(' -- ', '...', ' – ', ' - ', '!', '?', ',', '.', ':', ';') },
);

const line = fc.array(inline, { minLength: 1, maxLength: 8 }).map((parts) => parts.join(' ').replace(/^\s+|\s+$/g, '').replace(/\n\s*$/, '') || 'Wort');

const block = fc.oneof(
  { weight: 6, arbitrary: line },
  { weight: 1, arbitrary: fc.tuple(fc.integer({ min: 1, max: 3 }), words(1, 4)).map(([d, w]) => `${'#'.repeat(d)} ${w}`) },
  { weight: 1, arbitrary: fc.array(line.map((l) => l.replace(/\n/g, ' ')), { minLength: 1, maxLength: 4 }).map((items) => items.map((i) => `- ${i}`).join('\n')) },
  { weight: 1, arbitrary: fc.array(line.map((l) => l.replace(/\n/g, ' ')), { minLength: 1, maxLength: 4 }).map((items) => items.map((i, n) => `${n + 1}. ${i}`).join('\n')) },
  { weight: 1, arbitrary: line.map((l) => l.split('\n').map((x) => `> ${x}`).join('\n')) },
);

/** A whole document: blocks, then definitions for every referenced label (plus, sometimes, an unused or a missing one). */
const documentArb = fc
  .record({
    blocks: fc.array(block, { minLength: 1, maxLength: 12 }),
    unused: fc.boolean(),
    dropOne: fc.integer({ min: 0, max: 19 }), // 1 in 20 documents lose a definition → note-undefined
    forbidden: fc.tuple(fc.integer({ min: 0, max: 29 }), fc.constantFrom('<script>alert(1)</script>', 'x <iframe src="x"></iframe> y', '<style>p{}</style>')), // 1 in 30 → html-forbidden
    noteBodies: fc.array(line.map((l) => l.replace(/\n/g, ' ')), { minLength: LABELS.length + 1, maxLength: LABELS.length + 1 }),
    title: words(1, 4),
  })
  .map(({ blocks, unused, dropOne, forbidden, noteBodies, title }) => {
    if (forbidden[0] === 0) blocks.splice(blocks.length >> 1, 0, forbidden[1]);
    let body = blocks.join('\n\n');
    const refs = new Set<string>();
    body = body.replace(/\u0000REF([^\u0000]+)\u0000/g, (_, l: string) => {
      refs.add(l);
      return `[^${l}]`;
    });
    const notes: Notes = { defined: [...refs] };
    if (dropOne === 0 && notes.defined.length) notes.defined.pop();
    if (unused) notes.defined.push('unbenutzt');
    // A reference inside a note points at another note of the text (one that has a definition), or is dropped.
    const inNote = (text: string) => text.replace(/\u0000REF([^\u0000]+)\u0000/g, (_, l: string) => (notes.defined.includes(l) ? `[^${l}]` : ''));
    const defs = notes.defined.map((l, i) => `[^${l}]: ${inNote(noteBodies[i % noteBodies.length]!)}`);
    return { title, body: `${body}\n\n${defs.join('\n\n')}\n\n[ref]: https://example.org/ref\n` };
  });

// ---------------------------------------------------------------- the property

let project: TempProject;
beforeAll(() => {
  project = new TempProject({}, 'edition-fuzz-');
});
afterAll(() => project?.remove());

const stats = { ok: 0, inputError: 0, maxBytes: 0, rules: new Map<string, number>(), ignorable: new Set<string>() };

async function buildOnce(doc: { title: string; body: string }, formats: ('epub' | 'pdf')[]) {
  const md = source({ title: doc.title.replace(/\s+/g, ' ').trim() || 'Fuzz', author: 'Fuzz' }, doc.body);
  fs.writeFileSync(project.path('sources/fuzz.md'), md);
  stats.maxBytes = Math.max(stats.maxBytes, Buffer.byteLength(md));
  try {
    const result = await buildEdition(
      { manifest: { title: 'Fuzz', texts: ['fuzz'], formats }, slug: 'fuzz' },
      { sourcesDir: project.path('sources'), outDir: project.path('out'), projectRoot: project.dir, sourceDateEpoch: 0 },
    );
    stats.ok++;
    return { md, result };
  } catch (e) {
    if (e instanceof InputError) {
      stats.inputError++;
      for (const m of e.messages) {
        stats.rules.set(m.rule, (stats.rules.get(m.rule) ?? 0) + 1);
        const cp = m.rule === 'pdf-glyph' ? /U\+([0-9A-F]{4,6})/i.exec(m.reason)?.[1] : undefined;
        if (cp && /^(00AD|200[B-F]|2060|FEFF|FE0[0-9A-F])$/i.test(cp)) stats.ignorable.add(`U+${cp.toUpperCase()}`);
      }
      // Expected problems carry a position in the source.
      for (const m of e.messages) expect(formatMessage(m), 'an InputError names file:line:col').toMatch(/^.+:\d+:\d+: error: .+ \[[a-z0-9-]+\]$/);
      return undefined;
    }
    throw new Error(`not an InputError for this input:\n${md}\n---\n${e instanceof Error ? e.stack : String(e)}`);
  }
}

describe('fuzz: random Markdown through the whole pipeline', () => {
  it(`EPUB: only InputErrors; well-formed, linked, safe, every word kept (${RUNS} runs)`, async () => {
    await fc.assert(
      fc.asyncProperty(documentArb, async (doc) => {
        const built = await buildOnce(doc, ['epub']);
        if (!built) return;
        const book = await readEpub(fs.readFileSync(project.path('out/fuzz.epub')));
        expect(book.findings.map(formatFinding), built.md).toEqual([]);
        expect([...activeContent(book), ...languageFindings(book)].map(formatFinding), built.md).toEqual([]);
        const missing = missingWords([built.md], spineText(book));
        expect(describeMissing(missing), `words of the source missing from the EPUB\n${built.md}`).toBe('');
      }),
      { numRuns: RUNS, ...(SEED !== undefined ? { seed: SEED } : {}) },
    );
    console.log(`[fuzz] EPUB: ${RUNS} runs, ${stats.ok} built, ${stats.inputError} InputErrors (${[...stats.rules].map(([r, n]) => `${r} ×${n}`).join(', ')}), largest source ${stats.maxBytes} bytes`);
    // The generator must mostly produce buildable texts, or the property says little.
    expect(stats.ok).toBeGreaterThan(RUNS * 0.6);
  }, 600_000);

  it.skipIf(!tools.pdftotext)(
    `PDF: only InputErrors, every word kept (${PDF_RUNS} runs)`,
    async () => {
      const before = { ok: stats.ok, glyph: stats.rules.get('pdf-glyph') ?? 0 };
      await fc.assert(
        fc.asyncProperty(documentArb, async (doc) => {
          // A plain title: a glyph missing from the title has no position in the body to report.
          const built = await buildOnce({ ...doc, title: 'Fuzz' }, ['pdf']);
          if (!built) return;
          const text = pdfText(path.join(project.path('out'), 'fuzz.pdf'));
          const missing = missingWords([built.md], text);
          // Words of digits alone ("298", "½") cannot be told from what the PDF adds around them:
          // pdfText drops a line of digits at a page's top or foot as a folio, and pdftotext glues
          // a superscript note number to the numeral before it ("½1"). Both were so before the
          // fallback fonts; they show now that most PDF cases build (issue 11).
          for (const w of [...missing.keys()]) if (/^\p{N}+$/u.test(w)) missing.delete(w);
          // pdftotext's layout mode guesses word gaps per line and reads a line of two single
          // letters ("B B", "z S") as one word, although the PDF sets a full word space there; its
          // raw mode (content order) reads them apart. A word is missing only if both readings lack it.
          if (missing.size) {
            const raw = missingWords([built.md], pdfText(path.join(project.path('out'), 'fuzz.pdf'), [], { raw: true }));
            for (const w of [...missing.keys()]) if (!raw.has(w)) missing.delete(w);
          }
          expect(describeMissing(missing), `words of the source missing from the PDF\n${built.md}`).toBe('');
        }),
        { numRuns: PDF_RUNS, ...(SEED !== undefined ? { seed: SEED } : {}) },
      );
      console.log(`[fuzz] PDF: ${PDF_RUNS} runs, ${stats.ok - before.ok} built, ${(stats.rules.get('pdf-glyph') ?? 0) - before.glyph} glyph errors; ignorable characters reported: ${[...stats.ignorable].join(' ') || 'none'}`);
      // Invisible format characters (RLM, ZWJ, soft hyphen) need no glyph: a font never has one to draw.
      expect([...stats.ignorable], 'pdf-glyph errors for default-ignorable code points').toEqual([]);
      // Every character the generator uses (Hebrew, Arabic, Cyrillic, emoji, Fraktur letters) is in
      // the default fallback chain (issue 11): no glyph errors, and most texts build; the rest end in
      // the InputErrors the generator provokes on purpose (undefined notes, forbidden HTML).
      expect((stats.rules.get('pdf-glyph') ?? 0) - before.glyph, 'pdf-glyph errors').toBe(0);
      expect(stats.ok - before.ok).toBeGreaterThan(PDF_RUNS * 0.6);
    },
    600_000,
  );
});
