/** The version `edition --version` prints: the one in the package's own package.json, wherever it is installed. */
import fs from 'node:fs';
import path from 'node:path';
import { PACKAGE_ROOT } from '../util/package-root.js';

export function packageVersion(): string {
  return (JSON.parse(fs.readFileSync(path.join(PACKAGE_ROOT, 'package.json'), 'utf8')) as { version: string }).version;
}
