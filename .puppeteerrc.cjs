/**
 * Puppeteer (pulled in by @daisy/ace-cli for the accessibility check) uses
 * Debian's chromium instead of downloading its own browser: nothing but the
 * npm registry is reachable, and `npm install` must work on a fresh machine.
 * CI installs it with `apt-get install -y chromium` (see .ci/run).
 */
module.exports = {
  skipDownload: true,
  chrome: { skipDownload: true },
  'chrome-headless-shell': { skipDownload: true },
  firefox: { skipDownload: true },
  executablePath: process.env.PUPPETEER_EXECUTABLE_PATH || '/usr/bin/chromium',
};
