// `graycheck` settings as the client sends them, checked field by field: a wrong type falls back to the default, never throws.
import { DEFAULT_KIND_ENABLE, DEFAULT_SETTINGS, type GraycheckSettings } from '../protocol';

/** `kinds` names the registered kinds, whose `graycheck.<kind>.enable` toggles are read. */
export function readSettings(raw: unknown, kinds: readonly string[]): GraycheckSettings {
  const value = isRecord(raw) ? raw : {};
  const debounceMs = value.debounceMs;
  const toggles: GraycheckSettings['kinds'] = {};
  for (const kind of kinds) {
    const section = value[kind];
    toggles[kind] = { enable: isRecord(section) && typeof section.enable === 'boolean' ? section.enable : DEFAULT_KIND_ENABLE };
  }
  return {
    enable: typeof value.enable === 'boolean' ? value.enable : DEFAULT_SETTINGS.enable,
    base: typeof value.base === 'string' ? value.base.trim() : DEFAULT_SETTINGS.base,
    debounceMs: typeof debounceMs === 'number' && Number.isFinite(debounceMs) && debounceMs >= 0 ? debounceMs : DEFAULT_SETTINGS.debounceMs,
    kinds: toggles,
  };
}

export function isKindEnabledInSettings(settings: GraycheckSettings, kind: string): boolean {
  return settings.kinds[kind]?.enable ?? DEFAULT_KIND_ENABLE;
}

/** '' and 'auto' both mean "let the repository decide" (its .graycheck.yaml base, then auto). */
export function isAutoBase(base: string | undefined): boolean {
  return base === undefined || base === '' || base === 'auto';
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
