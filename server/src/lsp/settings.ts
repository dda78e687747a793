// `graycheck` settings as the client sends them, checked field by field: a wrong type falls back to the default, never throws.
import { DEFAULT_SETTINGS, type GraycheckSettings } from '../protocol';

export function readSettings(raw: unknown): GraycheckSettings {
  const value = isRecord(raw) ? raw : {};
  const toggle = (key: 'protobuf' | 'openapi' | 'metrics') => {
    const section = value[key];
    return { enable: isRecord(section) && typeof section.enable === 'boolean' ? section.enable : DEFAULT_SETTINGS[key].enable };
  };
  const debounceMs = value.debounceMs;
  return {
    enable: typeof value.enable === 'boolean' ? value.enable : DEFAULT_SETTINGS.enable,
    base: typeof value.base === 'string' ? value.base.trim() : DEFAULT_SETTINGS.base,
    protobuf: toggle('protobuf'),
    openapi: toggle('openapi'),
    metrics: toggle('metrics'),
    debounceMs: typeof debounceMs === 'number' && Number.isFinite(debounceMs) && debounceMs >= 0 ? debounceMs : DEFAULT_SETTINGS.debounceMs,
  };
}

/** '' and 'auto' both mean "let the repository decide" (its .graycheck.yaml base, then auto). */
export function isAutoBase(base: string | undefined): boolean {
  return base === undefined || base === '' || base === 'auto';
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
