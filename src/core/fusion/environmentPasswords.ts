/**
 * Hands Fusion connection passwords to the extension without a prompt, for headless setups and
 * the demo: a JSON object of connection name → password. The extension moves them into
 * SecretStorage; the variable's content is never logged.
 */
export const PASSWORDS_VARIABLE = 'OEW_FUSION_PASSWORDS';

/** The passwords the environment hands over; nothing when the variable is absent or not a JSON object. */
export function passwordsFromEnvironment(env: NodeJS.ProcessEnv): Map<string, string> {
  try {
    const given = JSON.parse(env[PASSWORDS_VARIABLE] ?? '{}') as unknown;
    if (typeof given !== 'object' || given === null || Array.isArray(given)) {
      return new Map();
    }
    return new Map(Object.entries(given).filter((e): e is [string, string] => typeof e[1] === 'string'));
  } catch {
    return new Map();
  }
}
