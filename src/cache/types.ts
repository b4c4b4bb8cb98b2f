/**
 * The content cache as the pipeline sees it: pure results (a parsed text, a
 * typeset text) kept between runs under a key that is a hash of everything
 * they depend on. The store behind it (.edition-cache/, `--no-cache`) is
 * src/cache/store.ts; the pipeline only asks and offers.
 *
 * A namespace separates kinds of results ("parse", "typeset"); a key must
 * already include the tool version, the source's bytes and every setting the
 * result depends on, so that a hit is always right and a cached build is
 * byte-identical to a cold one.
 */
export interface ContentCache {
  get(namespace: string, key: string): Buffer | undefined;
  set(namespace: string, key: string, value: Buffer): void;
}
