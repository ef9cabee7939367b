// ESLint flat config: type-aware typescript-eslint rules, and the walls between layers: no
// VS Code API in the pure ones, no import cycle, no feature reaching into another's internals.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import importX, { createNodeResolver } from 'eslint-plugin-import-x';

const FEATURES = [
  'tenancy',
  'rules',
  'conditions',
  'filters',
  'fusion',
  'sender',
  'inbox',
  'localEmulator',
  'help',
  'eventTests',
];

/**
 * The layers, as import-x zones: the core imports only itself; the emulator and the CLI the
 * core; protocol (shared with the webviews) the core; the platform the core and protocol;
 * a feature anything of those, and of another feature only what that one's index.ts exports.
 */
function layerZones() {
  const only = (target, allowed, message) => ({
    target: `./src/${target}`,
    from: './src',
    except: allowed.map((a) => `./${a}`),
    message,
  });
  return [
    only('core', ['core'], 'The core is pure Node: it imports only the core.'),
    only('emulator', ['core', 'emulator'], 'The emulator imports only the core.'),
    { target: './src/emulator/services', from: './src/emulator/http', message: 'Services know nothing of HTTP.' },
    { target: './src/emulator/store', from: './src/emulator/services', message: 'The store holds data, not logic.' },
    { target: './src/emulator/store', from: './src/emulator/http', message: 'The store holds data, not logic.' },
    only('cli', ['core', 'emulator', 'cli'], 'The CLI imports only the core and the emulator.'),
    only('protocol', ['core', 'protocol'], 'Webview messages import only the core.'),
    only('platform', ['core', 'protocol', 'platform', 'emulator'], 'The platform imports no feature.'),
    {
      target: './webview',
      from: './src',
      except: ['./protocol', './core'],
      message: 'A webview imports only protocol and core.',
    },
    ...FEATURES.flatMap((feature) =>
      FEATURES.filter((other) => other !== feature).map((other) => ({
        target: `./src/${feature}`,
        from: `./src/${other}`,
        except: ['./index.ts'],
        message: `Import what ${other} exports from its index.ts, not its internals.`,
      })),
    ),
  ];
}

export default tseslint.config(
  { ignores: ['dist/', 'out/', 'node_modules/', 'test-results/', '.vscode-test/'] },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': ['error', { checksVoidReturn: { arguments: false } }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', ignoreRestSiblings: true }],
      eqeqeq: ['error', 'always'],
    },
  },
  {
    files: ['src/core/**/*.ts', 'src/emulator/**/*.ts', 'src/cli/**/*.ts', 'src/protocol/**/*.ts', 'webview/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { paths: [{ name: 'vscode', message: 'This layer is pure: adapt it in the VS Code layer.' }] },
      ],
    },
  },
  {
    files: ['src/**/*.ts', 'webview/**/*.ts', 'scripts/**/*.ts', 'test/**/*.ts'],
    plugins: { 'import-x': importX },
    settings: {
      'import-x/extensions': ['.ts', '.js'],
      'import-x/parsers': { '@typescript-eslint/parser': ['.ts'] },
      'import-x/resolver-next': [createNodeResolver({ extensions: ['.ts', '.js', '.json', '.node'] })],
    },
    rules: {
      'import-x/no-cycle': ['error', { ignoreExternal: true }],
      'import-x/no-restricted-paths': ['error', { zones: layerZones() }],
    },
  },
  {
    files: ['src/**/*.ts', 'webview/**/*.ts', 'scripts/**/*.ts'],
    rules: { 'max-lines': ['error', { max: 400 }] },
  },
  {
    files: ['**/*.mjs', '**/*.js'],
    ...tseslint.configs.disableTypeChecked,
    languageOptions: {
      ...tseslint.configs.disableTypeChecked.languageOptions,
      globals: { console: 'readonly', process: 'readonly' },
    },
  },
);
