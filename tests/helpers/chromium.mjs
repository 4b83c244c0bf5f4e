// How every browser test and the browser bench start Chromium: Debian's
// /usr/bin/chromium (CHROMIUM_PATH to override), headless, with background
// networking off so nothing reaches out of this machine. Never downloads a
// browser. Plain data, so a script can import it before playwright-core.
export const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
export const LAUNCH_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

