// node-fetch 2 (under oci-common) falls back to whatwg-url only where Node's `url` has no URL
// class, which no Node this runs on lacks; the real package brings 280 KB of IDNA tables that
// every load of dist/oci.js would parse for nothing.
import { URL, URLSearchParams } from 'url';

// node-fetch's ES module entry imports the package's default export.
export default { URL, URLSearchParams };
