/**
 * Puppeteer (pulled in by @daisy/ace-cli for the accessibility check) uses
 * Debian's chromium instead of downloading its own browser.
 * CI installs it with `apt-get install -y chromium` (see .ci/run).
 */
module.exports = {
  skipDownload: true,
  executablePath: process.env.PUPPETEER_EXECUTABLE_PATH || '/usr/bin/chromium',
};
