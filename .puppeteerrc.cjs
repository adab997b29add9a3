// Quire drives the system's Chromium (Debian's /usr/bin/chromium or QUIRE_CHROMIUM);
// puppeteer must not try to download a browser of its own at install time.
module.exports = { skipDownload: true };
