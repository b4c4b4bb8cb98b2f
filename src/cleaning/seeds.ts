/**
 * The recipe of each seed: the editor's decisions that no general rule can
 * make (titles, what is metadata or junk, broken lines, verse). Everything
 * named here must be found in the seed, or cleaning stops.
 */
import type { SeedRecipe } from './clean.js';

export const leninAufruf: SeedRecipe = {
  seed: '000_2f9e59acdd16dd5e.txt',
  frontMatter: {
    id: 'lenin-1917-zk-aufruf',
    title: 'An alle Parteimitglieder und an alle werktätigen Klassen Rußlands',
    subtitle: 'Vom Zentralkomitee der SDAPR(B) – Schluss des Aufrufs',
    author: 'W. I. Lenin',
    date: '1917-11',
    lang: 'de',
    source: 'W. I. Lenin, Werke, Dietz Verlag Berlin 1961, Bd. 26, S. 298–302',
    tags: ['lenin', '1917', 'oktoberrevolution', 'dokument'],
    'unanchored-notes': ['1', '2'],
  },
  comments: {
    title:
      'The seed is only the closing part of the appeal and starts mid-sentence; title from the full\n' +
      'appeal ("Vom Zentralkomitee der SDAPR(B). An alle Parteimitglieder …"), subtitle says which part.',
    date: 'Month only: Russia still used the old calendar in November 1917 (see note 1), so a day would be ambiguous.',
    source: 'The seed\'s own source line ("W.I. Lenin, Werke, … Bd.26, S. 298-302"), moved here from the body.',
    'unanchored-notes': "Notes 1 and 2 (OCR'd ¹) and ²)) are the edition's notes; their marks stood in the missing part of the appeal.",
  },
  metadataLines: ['W.I. Lenin, Werke, Dietz Verlag Berlin 1961, Bd.26, S. 298-302'],
  notes: {
    // The OCR read the superscript ¹ as an apostrophe. A line without a mark
    // ("Nach langen Schwankungen …") continues note 1: it goes on about the Left SRs.
    mark: /^(['²])\)\s*/,
    labels: { "'": '1', '²': '2' },
  },
  headings: false,
  keepEmphasis: true,
  startsMidSentence: true,
};

export const roteArmeeKomintern: SeedRecipe = {
  seed: '002_10cefb8d0ef24683.txt',
  frontMatter: {
    id: 'rote-armee-komintern-lenins-letzter-kampf',
    title: 'Rote Armee, Kommunistische Internationale und Lenins letzter Kampf',
    lang: 'de',
    source: 'Artikel aus der Zeitschrift des Kollektivs, übernommen von dessen Website (ohne Verfasserangabe)',
    tags: ['rote-armee', 'komintern', 'buergerkrieg', 'nep', 'buerokratie', 'trotzki', 'lenin'],
  },
  comments: {
    title:
      'The seed has no title line. Title from its content: the Red Army in the civil war, the first four\n' +
      'congresses of the Communist International, the isolated revolution (NEP, bureaucracy), Lenin\'s last struggle.',
    author: 'No author: the text names none and the seed carries no byline; an invented one would be worse than none.',
    date: 'No date: the article does not date itself; the newest work it cites is from 2009 (note 21), a lower bound only.',
  },
  firstJunkLine: 'Kontakt',
  notes: { heading: 'Anmerkungen:', mark: /^\[(\d+)\]\s*/ },
  seams: [
    {
      after: 'von der faktischen Beteiligung an der Leitung des Landes ausgeschaltet.',
      action: 'split',
      why:
        'Inside the Trotzki quotation: the sentence is complete and the next one turns from the demobilised army ' +
        'to the petty-bourgeois strata, a new thought; every other paragraph end in this seed has a separator, so one was lost here.',
    },
    {
      after: 'indem er erklärte, Stalin sei',
      action: 'join',
      why: 'The sentence runs on into the quotation ("Stalin sei „zu grob …"): a broken line, not a paragraph break.',
    },
  ],
  verses: [{ first: '„Wir stimmen mit den Eisenbahnern von Rjasan', last: 'Verkauft Lenin nicht!' }],
  headings: true,
};

export const SEEDS: readonly SeedRecipe[] = [leninAufruf, roteArmeeKomintern];
