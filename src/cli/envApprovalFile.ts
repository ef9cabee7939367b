import { promises as fs } from 'fs';
import * as os from 'os';
import * as path from 'path';
import { EnvApprovals } from '../core/variables/envApprovals';
import { envReferences } from '../core/variables/variables';

/**
 * The command line's record of approved files, in the user's own config folder, never in the
 * workspace (where git would share it, and a pull could approve a file for everyone).
 */
export class EnvApprovalFile {
  private constructor(
    private readonly file: string,
    private readonly approvals: EnvApprovals,
  ) {}

  static async open(env: Readonly<Record<string, string | undefined>>): Promise<EnvApprovalFile> {
    const dir = env.XDG_CONFIG_HOME || path.join(os.homedir(), '.config');
    const file = path.join(dir, 'oew', 'env-approvals.json');
    let entries: unknown = {};
    try {
      entries = JSON.parse(await fs.readFile(file, 'utf8'));
    } catch {
      // No approvals yet, or a file damaged by hand: nothing is approved, and asking again is safe.
    }
    return new EnvApprovalFile(file, new EnvApprovals(entries));
  }

  /**
   * Whether `text`, read from `source`, may expand `{{env:…}}`: yes when every name it uses was
   * approved before, or when the user approves now (`--allow-env`), which is recorded.
   */
  async allows(source: string, text: string, approveNow: boolean): Promise<boolean> {
    const key = path.resolve(source);
    const missing = this.approvals.missing(key, text, envReferences(text));
    if (!missing.length) {
      return true;
    }
    if (!approveNow) {
      return false;
    }
    this.approvals.approve(key, text, missing);
    await fs.mkdir(path.dirname(this.file), { recursive: true });
    await fs.writeFile(this.file, JSON.stringify(this.approvals, null, 2) + '\n', { mode: 0o600 });
    return true;
  }
}
