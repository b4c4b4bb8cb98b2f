/**
 * The validators CI runs on every edition, wrapped for tests: Java epubcheck
 * (the authority), @likecoin/epubcheck-ts (pure JS, always available), Ace by
 * DAISY (accessibility, needs chromium), qpdf/poppler for PDFs, and our own
 * reading of an EPUB: strict XML parsing of every content document, internal
 * links, and its text for the word-fidelity check of /work/shared/tools/fidelity.py.
 *
 * A finding names the validator, the file inside the book and the message, so
 * a failing test says what to fix.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import posix from 'node:path/posix';
import { DOMParser, type Document, type Element, type Node } from '@xmldom/xmldom';
import JSZip from 'jszip';
import { normWords, stripMarkdown, wordDiff } from '../../src/cleaning/words.js';
import { REPO } from './project.js';

export interface Finding {
  validator: string;
  severity: string;
  id: string;
  message: string;
  /** File (inside the EPUB, or the PDF) and position, when the validator gives one. */
  where?: string;
}

export const formatFinding = (f: Finding) => `${f.validator} ${f.severity} ${f.id}${f.where ? ` at ${f.where}` : ''}: ${f.message}`;

// ---------------------------------------------------------------- tools present?

export const EPUBCHECK_JAR = process.env.EPUBCHECK_JAR ?? '/usr/share/java/epubcheck.jar';
export const CHROMIUM = process.env.PUPPETEER_EXECUTABLE_PATH ?? '/usr/bin/chromium';
const ACE_BIN = path.join(REPO, 'node_modules/@daisy/ace-cli/bin/ace.js');
/** Apache PDFBox Preflight (Debian libpdfbox2-java) and the jars it needs but Debian does not declare. */
export const PREFLIGHT_JARS = ['preflight', 'pdfbox2', 'fontbox2', 'xmpbox', 'commons-logging', 'javax.activation', 'jaxb-api'].map((j) => `/usr/share/java/${j}.jar`);
export const PREFLIGHT_INSTALL = 'apt-get install -y libpdfbox2-java libactivation-java libjaxb-api-java';

const runs = (cmd: string, args: string[]) => {
  const r = spawnSync(cmd, args, { encoding: 'utf8' });
  return !r.error && r.status === 0;
};

export const tools = {
  javaEpubcheck: fs.existsSync(EPUBCHECK_JAR) && runs('java', ['-version']),
  ace: fs.existsSync(ACE_BIN) && fs.existsSync(CHROMIUM),
  qpdf: runs('qpdf', ['--version']),
  pdffonts: runs('pdffonts', ['-v']),
  pdftotext: runs('pdftotext', ['-v']),
  preflight: PREFLIGHT_JARS.every((j) => fs.existsSync(j)) && runs('java', ['-version']),
};

/**
 * Locally a missing tool skips its check with a logged reason; under CI
 * (`CI` set) the check runs and fails, so a CI image without the tool cannot
 * pass silently.
 */
export function skipUnlessTool(name: keyof typeof tools, install: string): boolean {
  if (tools[name] || process.env.CI) return false;
  console.warn(`[validators] ${name} is not available here; its checks are skipped (install: ${install}). In CI they fail instead.`);
  return true;
}

export function requireTool(name: keyof typeof tools, install: string): void {
  if (!tools[name]) throw new Error(`${name} is required in CI but missing (install: ${install})`);
}

// ---------------------------------------------------------------- EPUB validators

/** Java epubcheck: every fatal, error and warning (infos and usage notes are not findings). */
export function javaEpubcheck(epubFile: string): Finding[] {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'epubcheck-'));
  try {
    const json = path.join(tmp, 'report.json');
    const r = spawnSync('java', ['-jar', EPUBCHECK_JAR, epubFile, '--json', json], { encoding: 'utf8', maxBuffer: 64 << 20 });
    if (!fs.existsSync(json)) throw new Error(`epubcheck did not run (exit ${r.status}): ${r.stderr || r.error?.message}`);
    const report = JSON.parse(fs.readFileSync(json, 'utf8')) as {
      messages: { ID: string; severity: string; message: string; locations?: { path?: string; line?: number; column?: number }[] }[];
    };
    return report.messages
      .filter((m) => ['FATAL', 'ERROR', 'WARNING'].includes(m.severity))
      .map((m) => {
        const loc = m.locations?.[0];
        return { validator: 'epubcheck', severity: m.severity, id: m.ID, message: m.message, ...(loc?.path ? { where: `${loc.path}:${loc.line ?? '?'}:${loc.column ?? '?'}` } : {}) };
      });
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}

/** @likecoin/epubcheck-ts: errors and warnings. */
export async function epubcheckTs(bytes: Uint8Array): Promise<Finding[]> {
  const { EpubCheck } = await import('@likecoin/epubcheck-ts');
  const result = await EpubCheck.validate(bytes);
  return result.messages
    .filter((m) => ['fatal', 'error', 'warning'].includes(String(m.severity).toLowerCase()))
    .map((m) => ({
      validator: 'epubcheck-ts',
      severity: String(m.severity),
      id: m.id,
      message: m.message,
      ...(m.location ? { where: `${m.location.path}:${m.location.line ?? '?'}` } : {}),
    }));
}

interface AceAssertion {
  'earl:testSubject'?: { url?: string };
  'earl:test'?: { 'dct:title'?: string; 'earl:impact'?: string; 'dct:description'?: string };
  'earl:result'?: { 'earl:outcome'?: string; 'earl:pointer'?: { css?: string[] } };
  assertions?: AceAssertion[];
}

/**
 * Ace by DAISY with `-E` (exit 2 when the check fails). Run from the package
 * root so .puppeteerrc.cjs (Debian chromium) is found; every failed assertion
 * is a finding named by its axe/Ace rule id.
 */
export function ace(epubFile: string): Finding[] {
  const out = fs.mkdtempSync(path.join(os.tmpdir(), 'ace-'));
  try {
    const r = spawnSync(process.execPath, [ACE_BIN, '-E', '-s', '-f', '-o', out, epubFile], {
      cwd: REPO,
      encoding: 'utf8',
      env: { ...process.env, PUPPETEER_EXECUTABLE_PATH: CHROMIUM },
      timeout: 300_000,
    });
    const reportFile = path.join(out, 'report.json');
    if (!fs.existsSync(reportFile)) throw new Error(`Ace did not produce a report (exit ${r.status}): ${(r.stderr || r.stdout || r.error?.message || '').trim().slice(0, 2000)}`);
    const report = JSON.parse(fs.readFileSync(reportFile, 'utf8')) as { 'earl:result': { 'earl:outcome': string }; assertions: AceAssertion[] };
    const findings: Finding[] = [];
    const visit = (a: AceAssertion, doc: string) => {
      const subject = a['earl:testSubject']?.url ?? doc;
      if (a['earl:result']?.['earl:outcome'] === 'fail' && a['earl:test']) {
        const t = a['earl:test'];
        findings.push({
          validator: 'ace',
          severity: t['earl:impact'] ?? 'fail',
          id: t['dct:title'] ?? '?',
          message: t['dct:description'] ?? '',
          where: `${subject} ${(a['earl:result']['earl:pointer']?.css ?? []).slice(0, 1).join(' ')}`.trim(),
        });
      }
      for (const child of a.assertions ?? []) visit(child, subject);
    };
    for (const a of report.assertions ?? []) visit(a, '');
    if (report['earl:result']['earl:outcome'] !== 'pass' && findings.length === 0) {
      findings.push({ validator: 'ace', severity: 'fail', id: 'outcome', message: 'Ace reports a failure without a failed assertion' });
    }
    if (r.status !== 0 && r.status !== 2) findings.push({ validator: 'ace', severity: 'error', id: `exit-${r.status}`, message: (r.stderr || '').trim().slice(0, 500) });
    return findings;
  } finally {
    fs.rmSync(out, { recursive: true, force: true });
  }
}

// ---------------------------------------------------------------- PDF validators

export function qpdfCheck(pdfFile: string): Finding[] {
  const r = spawnSync('qpdf', ['--check', pdfFile], { encoding: 'utf8' });
  // Exit 0 is clean; 3 means warnings; 2 errors.
  if (r.status === 0) return [];
  return [{ validator: 'qpdf', severity: r.status === 3 ? 'warning' : 'error', id: `exit-${r.status}`, message: `${r.stdout}\n${r.stderr}`.trim().slice(0, 2000), where: path.basename(pdfFile) }];
}

export interface PdfFont {
  name: string;
  type: string;
  embedded: boolean;
}

/** pdffonts' table; `emb` is the third column from the right of the fixed-width layout. */
export function pdfFonts(pdfFile: string): PdfFont[] {
  const r = spawnSync('pdffonts', [pdfFile], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`pdffonts failed: ${r.stderr}`);
  const lines = r.stdout.split('\n');
  const rule = lines.findIndex((l) => l.startsWith('---'));
  return lines
    .slice(rule + 1)
    .filter((l) => l.trim())
    .map((l) => {
      // name type encoding emb sub uni object ID — name has no spaces; type may ("Type 1C", "CID TrueType").
      const cols = l.trim().split(/\s+/);
      const emb = cols[cols.length - 5];
      return { name: cols[0]!, type: cols.slice(1, cols.length - 6).join(' '), embedded: emb === 'yes' };
    });
}

export function pdfFontFindings(pdfFile: string): Finding[] {
  return pdfFonts(pdfFile)
    .filter((f) => !f.embedded)
    .map((f) => ({ validator: 'pdffonts', severity: 'error', id: 'not-embedded', message: `font ${f.name} (${f.type}) is not embedded`, where: path.basename(pdfFile) }));
}

/**
 * The text of a PDF as pdftotext gives it, with line-end hyphenation rejoined
 * (fidelity.py's pdf_text). `heads` are the running heads the book can carry
 * (its title, its texts' titles): poppler ignores /Artifact marks, so heads and
 * folios at the top and foot of a page are removed here, or a word hyphenated across
 * a page turn ("keiner-" | head | "lei") would not be rejoined.
 */
export function pdfText(pdfFile: string, heads: string[] = [], o: { raw?: boolean } = {}): string {
  // raw: in content-stream order, without poppler's layout guesses (see test/fuzz/build.test.ts).
  const r = spawnSync('pdftotext', ['-enc', 'UTF-8', ...(o.raw ? ['-raw'] : []), pdfFile, '-'], { encoding: 'utf8', maxBuffer: 256 << 20 });
  if (r.status !== 0) throw new Error(`pdftotext failed: ${r.stderr}`);
  const isHead = (line: string): boolean => {
    const t = line.replace(/^\d+\s*|\s*\d+$/g, '').trim();
    if (t === '') return /^\d+$/.test(line.trim());
    return heads.some((h) => h === t || (t.endsWith('…') && h.startsWith(t.slice(0, -1).trim())));
  };
  const pages = r.stdout.split('\f').map((page) => {
    const lines = page.split('\n');
    while (lines.length && (lines[0]!.trim() === '' || isHead(lines[0]!))) lines.shift();
    // A folio at the foot (the a4 template) ends the page's text.
    while (lines.length && (lines[lines.length - 1]!.trim() === '' || isHead(lines[lines.length - 1]!))) lines.pop();
    return lines.join('\n');
  });
  return pages.join('\n').replace(/([\p{L}\p{N}_])[-\u00ad]\s*\n\s*([\p{L}\p{N}_])/gu, '$1$2');
}

// ---------------------------------------------------------------- our own EPUB reading

const XHTML_NS = 'http://www.w3.org/1999/xhtml';

export interface EpubBook {
  /** Every entry of the zip with its bytes. */
  entries: Map<string, Buffer>;
  /** Zip entry names in archive order. */
  order: string[];
  opfPath: string;
  /** Content documents in spine order (zip paths). */
  spine: string[];
  /** Every XHTML document in the manifest, parsed strictly (zip path → DOM). */
  documents: Map<string, Document>;
  opf: Document;
  /** Problems found while reading: malformed XML, broken links, missing files. */
  findings: Finding[];
}

/** Parses XML strictly: any warning or error of the parser is a finding (and an error stops it). */
export function parseXmlStrict(xml: string, where: string, findings: Finding[]): Document | undefined {
  try {
    const doc = new DOMParser({
      onError: (level, message) => {
        if (level === 'warning') findings.push({ validator: 'xml', severity: 'warning', id: 'xml-warning', message, where });
        else throw new Error(message);
      },
    }).parseFromString(xml, 'text/xml');
    return doc;
  } catch (e) {
    findings.push({ validator: 'xml', severity: 'error', id: 'not-well-formed', message: (e as Error).message.split('\n')[0]!, where });
    return undefined;
  }
}

const elements = (node: Node): Element[] => {
  const out: Element[] = [];
  const walk = (n: Node) => {
    for (let c = n.firstChild; c; c = c.nextSibling) {
      if (c.nodeType === 1) {
        out.push(c as Element);
        walk(c);
      }
    }
  };
  walk(node);
  return out;
};

/** Reads an EPUB: zip entries, OPF, spine, and every content document parsed strictly, with internal links checked. */
export async function readEpub(bytes: Uint8Array): Promise<EpubBook> {
  const zip = await JSZip.loadAsync(bytes);
  const entries = new Map<string, Buffer>();
  const order: string[] = [];
  for (const [name, file] of Object.entries(zip.files)) {
    order.push(name);
    if (!file.dir) entries.set(name, await file.async('nodebuffer'));
  }
  const findings: Finding[] = [];
  const text = (name: string) => entries.get(name)?.toString('utf8') ?? '';
  const container = parseXmlStrict(text('META-INF/container.xml'), 'META-INF/container.xml', findings);
  const opfPath = container ? (elements(container).find((e) => e.localName === 'rootfile')?.getAttribute('full-path') ?? '') : '';
  const opf = parseXmlStrict(text(opfPath), opfPath, findings) ?? new DOMParser().parseFromString('<package/>', 'text/xml');
  const base = posix.dirname(opfPath);
  const items = new Map<string, { href: string; mediaType: string }>();
  for (const el of elements(opf)) {
    if (el.localName === 'item') items.set(el.getAttribute('id') ?? '', { href: posix.join(base, el.getAttribute('href') ?? ''), mediaType: el.getAttribute('media-type') ?? '' });
  }
  const spine = elements(opf)
    .filter((e) => e.localName === 'itemref')
    .map((e) => items.get(e.getAttribute('idref') ?? '')?.href ?? '');
  const documents = new Map<string, Document>();
  for (const { href, mediaType } of items.values()) {
    if (!entries.has(href)) findings.push({ validator: 'epub', severity: 'error', id: 'missing-resource', message: `manifest names ${href}, which is not in the zip`, where: opfPath });
    else if (mediaType === 'application/xhtml+xml') {
      const doc = parseXmlStrict(text(href), href, findings);
      if (doc) documents.set(href, doc);
    }
  }
  // Internal links: file in the zip, fragment an id of that document.
  const idsOf = new Map([...documents].map(([name, doc]) => [name, new Set(elements(doc).flatMap((e) => (e.getAttribute('id') ? [e.getAttribute('id')!] : [])))]));
  for (const [name, doc] of documents) {
    for (const el of elements(doc)) {
      for (const attr of ['href', 'src']) {
        const value = el.getAttribute(attr);
        if (value === null || value === '' || /^[a-z][a-z0-9+.-]*:/i.test(value)) continue;
        if (el.localName === 'link' && attr === 'href' && !value.endsWith('.xhtml')) {
          if (!entries.has(posix.join(posix.dirname(name), value))) findings.push({ validator: 'links', severity: 'error', id: 'broken-link', message: `${value} is not in the book`, where: name });
          continue;
        }
        const [file, fragment] = value.split('#', 2) as [string, string | undefined];
        const target = file ? posix.normalize(posix.join(posix.dirname(name), decodeURIComponent(file))) : name;
        if (!entries.has(target)) findings.push({ validator: 'links', severity: 'error', id: 'broken-link', message: `<${el.localName} ${attr}="${value}"> points at a file not in the book`, where: name });
        else if (fragment && !idsOf.get(target)?.has(decodeURIComponent(fragment))) {
          findings.push({ validator: 'links', severity: 'error', id: 'broken-fragment', message: `<${el.localName} ${attr}="${value}">: no element with id "${fragment}" in ${target}`, where: name });
        }
      }
    }
  }
  return { entries, order, opfPath, spine, documents, opf, findings };
}

/** Visible text of a content document's body, block elements separated by newlines. */
export function textOfDocument(doc: Document): string {
  const body = elements(doc).find((e) => e.localName === 'body' && (e.namespaceURI === XHTML_NS || !e.namespaceURI));
  if (!body) return '';
  const parts: string[] = [];
  const walk = (n: Node) => {
    for (let c = n.firstChild; c; c = c.nextSibling) {
      if (c.nodeType === 3 || c.nodeType === 4) parts.push(c.nodeValue ?? '');
      else if (c.nodeType === 1) {
        walk(c);
        if (/^(p|h[1-6]|li|div|section|header|blockquote|br|figure|ol|ul|nav)$/.test((c as Element).localName ?? '')) parts.push('\n');
      }
    }
  };
  walk(body);
  return parts.join('');
}

/** The text of the spine (what a reader reads), in order. */
export function spineText(book: EpubBook): string {
  return book.spine.map((name) => (book.documents.get(name) ? textOfDocument(book.documents.get(name)!) : '')).join('\n');
}

/** Elements, attributes and URLs that must never reach an output: active content. */
export function activeContent(book: EpubBook): Finding[] {
  const findings: Finding[] = [];
  for (const [name, doc] of book.documents) {
    for (const el of elements(doc)) {
      const tag = (el.localName ?? '').toLowerCase();
      if (['script', 'iframe', 'object', 'embed', 'form', 'input', 'button', 'base', 'meta'].includes(tag) && !(tag === 'meta' && el.getAttribute('charset'))) {
        findings.push({ validator: 'safety', severity: 'error', id: 'active-element', message: `<${tag}> in the output`, where: name });
      }
      for (let i = 0; i < el.attributes.length; i++) {
        const a = el.attributes.item(i)!;
        if (/^on/i.test(a.localName ?? a.name)) findings.push({ validator: 'safety', severity: 'error', id: 'event-handler', message: `${a.name}="${a.value}" on <${tag}>`, where: name });
        if (/^\s*(javascript|vbscript|data):/i.test(a.value) && ['href', 'src', 'xlink:href', 'action', 'formaction'].includes(a.name.toLowerCase())) {
          findings.push({ validator: 'safety', severity: 'error', id: 'script-url', message: `${a.name}="${a.value}" on <${tag}>`, where: name });
        }
        if (a.name.toLowerCase() === 'style') findings.push({ validator: 'safety', severity: 'error', id: 'inline-style', message: `style="${a.value}" on <${tag}>`, where: name });
      }
    }
  }
  // Raw bytes too, for anything a parser might not surface (CDATA, comments, other files).
  for (const [name, bytes] of book.entries) {
    if (!/\.(xhtml|opf|ncx|css|html?)$/.test(name)) continue;
    const s = bytes.toString('utf8');
    if (/<script\b/i.test(s)) findings.push({ validator: 'safety', severity: 'error', id: 'script-tag', message: '"<script" in the raw file', where: name });
    if (/<[a-z][^>]*\son[a-z]+\s*=/i.test(s)) findings.push({ validator: 'safety', severity: 'error', id: 'event-handler-raw', message: 'an on…= attribute in a raw tag', where: name });
    if (/(href|src)\s*=\s*["']?\s*javascript:/i.test(s)) findings.push({ validator: 'safety', severity: 'error', id: 'script-url-raw', message: 'a javascript: URL in an attribute', where: name });
  }
  return findings;
}

/** Every lang / xml:lang value must be a well-formed BCP 47 tag (epubcheck RSC-005, Ace valid-lang). */
export function languageFindings(book: EpubBook): Finding[] {
  const tag = /^[a-zA-Z]{2,3}(-[a-zA-Z]{4})?(-([a-zA-Z]{2}|\d{3}))?(-([a-zA-Z\d]{5,8}|\d[a-zA-Z\d]{3}))*$/;
  const findings: Finding[] = [];
  for (const [name, doc] of book.documents) {
    for (const el of elements(doc)) {
      for (const attr of ['lang', 'xml:lang']) {
        const v = el.getAttribute(attr);
        if (v !== null && !tag.test(v)) findings.push({ validator: 'lang', severity: 'error', id: 'invalid-lang', message: `${attr}="${v}" on <${el.localName}>`, where: name });
      }
    }
  }
  return findings;
}

// ---------------------------------------------------------------- word fidelity

/**
 * Zero-width format characters (ZWSP, ZWNJ, ZWJ, LRM, RLM, word joiner, BOM)
 * draw nothing: a renderer may drop them, and "a\u200db" reads as one word.
 * fidelity.py's measure would split there, so both sides lose them first.
 */
const invisible = (s: string) => s.replace(/[\u200b-\u200f\u2060\ufeff]/g, '');

/** Words of Markdown sources (bodies and notes, front matter removed), as fidelity.py counts them. */
export function sourceWords(markdown: string[]): string[] {
  // Reference links (`[text][ref]`, `[ref]: https://…`) are not text; fidelity.py's sources have none.
  const withoutDefinitions = (src: string) => src.replace(/^ {0,3}\[(?!\^)[^\]]+\]:[ \t]*\S+.*$/gm, '').replace(/\[([^\]]*)\]\[[^\]]*\]/g, '$1');
  return markdown.flatMap((src) => normWords(invisible(stripMarkdown(withoutDefinitions(src.replace(/\r\n?/g, '\n').replace(/^\ufeff/, ''))))));
}

/** Source words missing from `outputText` (as a multiset): word → how many occurrences are missing. */
export function missingWords(markdown: string[], outputText: string): Map<string, number> {
  // Source underscores are Markdown (stripMarkdown drops them); one left visible in an output is not part of a word.
  const diff = wordDiff(sourceWords(markdown), normWords(invisible(outputText).replace(/_/g, ' ')));
  for (const [w, n] of diff) if (n < 0) diff.delete(w);
  return diff;
}

export const describeMissing = (missing: Map<string, number>, limit = 15) =>
  [...missing].sort((a, b) => b[1] - a[1]).slice(0, limit).map(([w, n]) => `${w}×${n}`).join(', ');

// ---------------------------------------------------------------- PDF/A

/**
 * Apache PDFBox Preflight, PDF/A-1b: every error it reports ("1.4.9 : Outlines
 * invalid, …"). It prints a verdict line first; an empty list means "valid".
 */
export function preflightA1b(pdfFile: string): Finding[] {
  const r = spawnSync('java', ['-cp', PREFLIGHT_JARS.join(':'), 'org.apache.pdfbox.preflight.Validator_A1b', pdfFile], { encoding: 'utf8', maxBuffer: 16 << 20 });
  const out = `${r.stdout}${r.stderr}`;
  if (/is a valid PDF\/A-1b file/.test(out)) return [];
  if (!/is not a valid PDF\/A-1b file/.test(out)) throw new Error(`Preflight did not run (exit ${r.status}): ${out.slice(0, 500) || r.error?.message}`);
  return out
    .split('\n')
    .map((l) => /^\s*([\d.]+)\s*:\s*(.+)$/.exec(l))
    .filter((m): m is RegExpExecArray => m !== null)
    .map((m) => ({ validator: 'preflight', severity: 'ERROR', id: m[1]!, message: m[2]!.trim(), where: path.basename(pdfFile) }));
}

/** The XMP packet of a PDF (pdfkit writes it uncompressed), or undefined. */
export function pdfXmp(pdf: Buffer): string | undefined {
  const s = pdf.toString('utf8');
  const start = s.indexOf('<?xpacket begin');
  const endTag = '<?xpacket end="w"?>';
  const end = s.indexOf(endTag, start);
  return start >= 0 && end > start ? s.slice(start, end + endTag.length) : undefined;
}
