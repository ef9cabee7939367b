/** The real VS Code the tests run in: code-server 4.139.1 ships VS Code 1.139.1. */
export const CODE_SERVER_VERSION = '4.139.1';
/** code-server requires Node 24; it is used only to install and run code-server. */
export const NODE24_VERSION = '24.21.0';
export const DEBIAN_PACKAGES = ['chromium', 'libkrb5-dev'];
/** The fuzz layer's reference XPath engine: libxml2 through lxml, run by Debian's /usr/bin/python3. */
export const FUZZ_DEBIAN_PACKAGES = ['python3-lxml'];
export const CHROMIUM = '/usr/bin/chromium';
