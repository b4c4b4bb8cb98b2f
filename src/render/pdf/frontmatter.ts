/**
 * Front matter: half-title (page 1), its blank back, title page (page 3) and
 * the imprint on the back of the title page. These pages carry neither
 * running heads nor page numbers.
 */
import type { Edition } from '../../model/types.js';
import { textsOf } from '../../model/types.js';
import type { Labels } from '../../templates/labels.js';
import type { LayoutContext } from './blocks.js';
import type { FlowItem } from './flow.js';
import { setString } from './setlines.js';
import { formatIsoDate } from '../../util/dates.js';
import { mm } from './style.js';
import { bookAuthors, creditsOf } from '../../model/credits.js';

/** Joins names the way the language does: "A, B und C". */
export function joinNames(names: string[], lang: string): string {
  if (names.length === 0) return '';
  const and = lang.startsWith('de') ? 'und' : lang.startsWith('fr') ? 'et' : 'and';
  return names.length === 1 ? names[0]! : `${names.slice(0, -1).join(', ')} ${and} ${names[names.length - 1]}`;
}

/** Half-title, title page and imprint. */
export function frontMatter(edition: Edition, labels: Labels, ctx: LayoutContext): FlowItem[] {
  const tp = ctx.style.config.titlePage;
  const meta = edition.meta;
  const out: FlowItem[] = [];
  const sink = mm(tp.sink);

  out.push({ kind: 'break', odd: true, first: 'plain', rest: 'plain' });
  out.push({ kind: 'space', height: sink, keep: true });
  out.push(...setString(meta.title, tp.halfTitle, ctx, { align: 'center', marks: [{ kind: 'dest', name: 'half-title' }] }));

  out.push({ kind: 'break', odd: true, first: 'plain', rest: 'plain' });
  // The book's own author above its title; an anthology names its editors below instead (src/model/credits.ts).
  const authors = bookAuthors(creditsOf(edition));
  const authorSpec = tp.authors ?? tp.editors;
  out.push({ kind: 'space', height: authors.length ? Math.max(0, sink - authorSpec.leading * 2) : sink, keep: true });
  if (authors.length) {
    out.push(...setString(joinNames(authors, meta.lang), authorSpec, ctx, { align: 'center' }));
    out.push({ kind: 'space', height: authorSpec.leading, keep: true });
  }
  out.push(...setString(meta.title, tp.title, ctx, { align: 'center', marks: [{ kind: 'dest', name: 'title-page' }, { kind: 'outline', title: labels.titlePage, level: 0 }] }));
  if (meta.subtitle) {
    out.push({ kind: 'space', height: tp.subtitle.leading * 0.5 });
    out.push(...setString(meta.subtitle, tp.subtitle, ctx, { align: 'center' }));
  }
  if (meta.editors.length > 0) {
    out.push({ kind: 'space', height: tp.editors.leading * 2 });
    out.push(...setString(`${labels.editedBy} ${joinNames(meta.editors, meta.lang)}`, tp.editors, ctx, { align: 'center' }));
  }
  if (meta.publisher) {
    out.push({ kind: 'space', height: 0, fill: true });
    out.push(...setString(meta.publisher, tp.publisher, ctx, { align: 'center' }));
  }

  out.push(...imprint(edition, labels, ctx));
  return out;
}

/** The imprint: set at the foot of the title page's back. */
function imprint(edition: Edition, labels: Labels, ctx: LayoutContext): FlowItem[] {
  const spec = ctx.style.config.imprint;
  const meta = edition.meta;
  const out: FlowItem[] = [{ kind: 'break', odd: false, first: 'plain', rest: 'plain' }, { kind: 'space', height: 0, fill: true }];
  const para = (s: string, marks?: { kind: 'dest'; name: string }[]): void => {
    out.push(...setString(s, spec, ctx, { marks }));
    out.push({ kind: 'space', height: spec.leading * 0.6 });
  };
  const first = [meta.publisher, meta.date ? formatIsoDate(meta.date, meta.lang) : undefined].filter(Boolean).join(', ');
  if (first) para(first, [{ kind: 'dest', name: 'imprint' }]);
  if (meta.editors.length > 0) para(`${labels.editedBy} ${joinNames(meta.editors, meta.lang)}`);
  const texts = textsOf(edition);
  if (texts.length > 0) {
    out.push(...setString(`${labels.sources}:`, { ...spec, style: 'italic' }, ctx, { keepWithNext: true }));
    for (const t of texts) {
      const line = t.meta.source ? `${t.meta.title}: ${t.meta.source}` : t.meta.title;
      out.push(...setString(line, spec, ctx, { text: t }));
    }
    out.push({ kind: 'space', height: spec.leading * 0.6 });
  }
  if (meta.rights) para(meta.rights);
  if (meta.isbn) para(`ISBN ${meta.isbn}`);
  // Remove the trailing space so the imprint ends on the last line of the block.
  if (out[out.length - 1]?.kind === 'space') out.pop();
  return out;
}
