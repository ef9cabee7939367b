import { promises as fs } from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as vscode from 'vscode';
import { multiStepInput } from '../../platform/multiStepInput';
import { UserError } from '../../core/errors/userError';
import { checkKeyFile } from '../../core/ociConfig/checkKeyFile';
import { configCandidates } from '../../core/ociConfig/locateConfig';
import { DEFAULT_PROFILE } from '../../core/ociConfig/parseConfig';
import {
  checkFingerprint,
  checkProfileName,
  checkRegion,
  checkTenancyOcid,
  checkUserOcid,
  renderProfile,
} from '../../core/ociConfig/profileShapes';
import { tenancyCommand } from '../tenancyContext';

/**
 * Creates the OCI config file through guided input, or adds a profile to the existing one.
 * The file is created with owner-only permissions, as the OCI CLI does, because it names the key.
 */
export const createConfigFile = tenancyCommand({
  id: 'oew.tenancy.createConfigFile',
  args: [],
  run: async (ctx) => {
    await ctx.tenancy.refresh();
    const state = ctx.tenancy.state!;
    if (state.kind === 'malformed') {
      throw new UserError(
        vscode.l10n.t(
          '{0} has an error at line {1}, so a profile added to it could not be used.',
          state.file.path,
          state.error.line,
        ),
        vscode.l10n.t('Fix that line first ("Open OCI Config File"), then add the profile.'),
      );
    }
    if (state.kind === 'unreadable') {
      throw new UserError(state.message, vscode.l10n.t('Fix the file, then try again.'));
    }
    const file = state.kind === 'loaded' ? state.file.path : configCandidates(ctx.tenancy.settings)[0].path;
    const existing = new Set(state.kind === 'loaded' ? state.profiles.map((p) => p.name) : []);
    const title =
      state.kind === 'loaded' ? vscode.l10n.t('Add a profile to {0}', file) : vscode.l10n.t('Create {0}', file);
    const home = os.homedir();
    const values = await multiStepInput([
      {
        title,
        prompt: vscode.l10n.t('Profile name'),
        value: existing.has(DEFAULT_PROFILE) ? '' : DEFAULT_PROFILE,
        validate: (v) => checkProfileName(v, existing),
      },
      {
        title,
        prompt: vscode.l10n.t('Tenancy OCID'),
        placeholder: 'ocid1.tenancy.oc1..aaaa…',
        validate: checkTenancyOcid,
      },
      { title, prompt: vscode.l10n.t('User OCID'), placeholder: 'ocid1.user.oc1..aaaa…', validate: checkUserOcid },
      { title, prompt: vscode.l10n.t('API key fingerprint'), placeholder: 'aa:bb:cc:…', validate: checkFingerprint },
      {
        title,
        prompt: vscode.l10n.t('Path of the API signing key (private key, .pem)'),
        value: '~/.oci/oci_api_key.pem',
        validate: (v) => checkKeyFile(v, home),
      },
      { title, prompt: vscode.l10n.t('Region identifier'), placeholder: 'us-ashburn-1', validate: checkRegion },
    ]);
    if (!values) {
      return;
    }
    const [name, tenancy, user, fingerprint, keyFile, region] = values;
    // Re-read just before writing, so an edit made while the user was typing is kept.
    const current = await fs.readFile(file, 'utf8').catch((err: NodeJS.ErrnoException) => {
      if (err.code === 'ENOENT') {
        return '';
      }
      throw err;
    });
    await fs.mkdir(path.dirname(file), { recursive: true, mode: 0o700 });
    await fs.writeFile(file, renderProfile({ name, tenancy, user, fingerprint, keyFile, region }, current), {
      mode: 0o600,
    });
    ctx.log.info(`Profile ${name} written to ${file}.`);
    await ctx.tenancy.refresh();
    void vscode.window.showInformationMessage(vscode.l10n.t('Profile {0} was added to {1}.', name, file));
  },
});
