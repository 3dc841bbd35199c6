/** A rule's level, or `[level, ...options]`, as in an ESLint config. */
export type RuleSetting = 'off' | 'warn' | 'error' | 0 | 1 | 2 | [('off' | 'warn' | 'error' | 0 | 1 | 2), ...unknown[]];

/** The `asyncGuard.*` settings, as the server reads them (`workspace/configuration`). */
export interface Settings {
  enable: boolean;
  run: 'onType' | 'onSave';
  typeAware: 'auto' | 'on' | 'off';
  /** Per-rule level and options, by rule name without the plugin prefix (`no-sync-in-async`). */
  rules: Record<string, RuleSetting>;
  /** Files larger than this many bytes (UTF-16 length) are skipped. */
  maxFileSize: number;
  /** In a trusted workspace, let the project's `eslint.config.*` decide levels and options. */
  useESLintConfig: boolean;
  /** The function refactor: public functions keep a callback adapter, or return promises (`--api` of the CLI). */
  conversionApi: 'callback' | 'promise' | 'dual';
  /** The function refactor also converts functions that call back synchronously on some paths (`--defer-sync-callbacks`). */
  conversionDeferSyncCallbacks: boolean;
}

export const DEFAULT_SETTINGS: Settings = {
  enable: true,
  run: 'onType',
  typeAware: 'auto',
  rules: {},
  maxFileSize: 1_000_000,
  useESLintConfig: false,
  conversionApi: 'callback',
  conversionDeferSyncCallbacks: false,
};

/**
 * Accepts whatever a client sends (Neovim users write these by hand) and keeps only well-formed values.
 * The settings one source gives (`initializationOptions`, a pulled or pushed
 * configuration): only its well-formed keys, so a later source overrides an
 * earlier one key by key. Accepts `{ asyncGuard: { … } }` and the flat form.
 */
export function readSettingsLayer(raw: unknown): Partial<Settings> {
  const value = isRecord(raw) && isRecord(raw.asyncGuard) ? raw.asyncGuard : isRecord(raw) ? raw : {};
  const layer: Partial<Settings> = {};
  if (typeof value.enable === 'boolean') layer.enable = value.enable;
  if (value.run === 'onSave' || value.run === 'onType') layer.run = value.run;
  if (value.typeAware === 'on' || value.typeAware === 'off' || value.typeAware === 'auto') layer.typeAware = value.typeAware;
  if (isRecord(value.rules)) layer.rules = normalizeRules(value.rules);
  if (typeof value.maxFileSize === 'number' && Number.isFinite(value.maxFileSize) && value.maxFileSize > 0) layer.maxFileSize = value.maxFileSize;
  if (typeof value.useESLintConfig === 'boolean') layer.useESLintConfig = value.useESLintConfig;
  if (value.conversionApi === 'callback' || value.conversionApi === 'promise' || value.conversionApi === 'dual') layer.conversionApi = value.conversionApi;
  if (typeof value.conversionDeferSyncCallbacks === 'boolean') layer.conversionDeferSyncCallbacks = value.conversionDeferSyncCallbacks;
  return layer;
}

/** Defaults, then each layer in order (later wins, key by key). */
export function layerSettings(...layers: Partial<Settings>[]): Settings {
  return Object.assign({ ...DEFAULT_SETTINGS }, ...layers) as Settings;
}

function normalizeRules(raw: Record<string, unknown>): Record<string, RuleSetting> {
  const rules: Record<string, RuleSetting> = {};
  for (const [name, setting] of Object.entries(raw)) {
    const level = Array.isArray(setting) ? (setting[0] as unknown) : setting;
    if (!isLevel(level)) continue;
    rules[name.replace(/^async-guard\//, '')] = setting as RuleSetting;
  }
  return rules;
}

function isLevel(value: unknown): boolean {
  return value === 'off' || value === 'warn' || value === 'error' || value === 0 || value === 1 || value === 2;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
