/** The version `edition --version` prints: the one in the package's own package.json, wherever it is installed. */
import { PACKAGE_VERSION } from '../util/package-root.js';

export function packageVersion(): string {
  return PACKAGE_VERSION;
}
