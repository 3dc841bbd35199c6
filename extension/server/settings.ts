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
}

export const DEFAULT_SETTINGS: Settings = {
  enable: true,
  run: 'onType',
  typeAware: 'auto',
  rules: {},
  maxFileSize: 1_000_000,
  useESLintConfig: false,
};

/** Accepts whatever a client sends (Neovim users write these by hand) and keeps only well-formed values. */
export function normalizeSettings(raw: unknown): Settings {
  const value = isRecord(raw) ? raw : {};
  return {
    enable: typeof value.enable === 'boolean' ? value.enable : DEFAULT_SETTINGS.enable,
    run: value.run === 'onSave' || value.run === 'onType' ? value.run : DEFAULT_SETTINGS.run,
    typeAware: value.typeAware === 'on' || value.typeAware === 'off' || value.typeAware === 'auto' ? value.typeAware : DEFAULT_SETTINGS.typeAware,
    rules: isRecord(value.rules) ? normalizeRules(value.rules) : {},
    maxFileSize:
      typeof value.maxFileSize === 'number' && Number.isFinite(value.maxFileSize) && value.maxFileSize > 0
        ? value.maxFileSize
        : DEFAULT_SETTINGS.maxFileSize,
    useESLintConfig: typeof value.useESLintConfig === 'boolean' ? value.useESLintConfig : DEFAULT_SETTINGS.useESLintConfig,
  };
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
