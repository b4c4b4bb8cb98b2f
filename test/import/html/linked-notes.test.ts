import { describe, expect, it } from 'vitest';
import { importFiles } from '../../../src/import/import.js';
import { TempProject } from '../../helpers/project.js';

describe('notes linked by their targets', () => {
  it('pandoc/WordPress footnotes in one page: references, notes, backlinks dropped, unreferenced kept', () => {
    const p = new TempProject();
    try {
      const file = p.write(
        'a.html',
        '<!DOCTYPE html><html lang="en"><body><main><h1>A Title</h1><p>One<sup><a href="#fn1" class="footnote-ref" id="fnref1">1</a></sup> and two<a href="#fn2" role="doc-noteref" id="r2">[2]</a>.</p></main>' +
          '<section class="footnotes" role="doc-endnotes"><hr/><ol><li id="fn1"><p>First note. <a href="#fnref1" class="footnote-back">↩︎</a></p></li><li id="fn2"><p>Second.</p><p>Its second paragraph.</p></li><li id="fn3"><p>Nobody cites me.</p></li></ol></section></body></html>',
      );
      const { markdown, report } = importFiles({ files: [file] });
      expect(markdown).toContain('One[^1] and two[^2].');
      expect(markdown).toContain('[^1]: First note.\n\n[^2]: Second.\n\n    Its second paragraph.\n\n[^3]: Nobody cites me.');
      expect(markdown).toMatch(/^title: "A Title"$/m);
      expect(markdown).toMatch(/^lang: "en"$/m);
      expect(markdown).toMatch(/^unanchored-notes: \["3"\]$/m);
      expect(report.counts.get('notes-linked-by-target')).toBe(3);
      expect(markdown).not.toContain('↩');
    } finally {
      p.remove();
    }
  });
});
