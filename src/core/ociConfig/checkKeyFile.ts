import { createPrivateKey } from 'crypto';
import { promises as fs } from 'fs';
import { expandHome } from './expandHome';

/**
 * Checks that a key_file value names a readable PEM private key. The key's content is read
 * only to look at its header line, and never leaves this function.
 */
export async function checkKeyFile(value: string, home: string): Promise<string | undefined> {
  const file = expandHome(value.trim(), home);
  if (!file) {
    return 'Enter the path of the API signing key, such as ~/.oci/oci_api_key.pem.';
  }
  let head: string;
  try {
    const handle = await fs.open(file, 'r');
    try {
      const { buffer, bytesRead } = await handle.read(Buffer.alloc(200), 0, 200, 0);
      head = buffer.subarray(0, bytesRead).toString('latin1');
    } finally {
      await handle.close();
    }
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    return code === 'ENOENT'
      ? `No file at ${file}.`
      : code === 'EISDIR'
        ? `${file} is a folder: enter the path of the .pem file in it.`
        : `${file} cannot be read (${code}).`;
  }
  if (/-----BEGIN [A-Z ]*PUBLIC KEY-----/.test(head)) {
    return `${file} is a public key: key_file must name the private key (the one you did not upload).`;
  }
  return /-----BEGIN [A-Z ]*PRIVATE KEY-----/.test(head)
    ? undefined
    : `${file} is not a PEM private key (it should start with -----BEGIN PRIVATE KEY-----).`;
}

/** Whether a PEM private key is encrypted: checked before opening, as OpenSSL reports a missing pass phrase as an unrelated error. */
export function isEncryptedPem(pem: string): boolean {
  return /ENCRYPTED PRIVATE KEY|Proc-Type: 4,ENCRYPTED/.test(pem);
}

/** Whether `passphrase` (or none) opens a PEM private key. */
export function opensKey(pem: string, passphrase: string | undefined): boolean {
  try {
    createPrivateKey({ key: pem, format: 'pem', passphrase });
    return true;
  } catch {
    return false;
  }
}
