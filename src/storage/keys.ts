/**
 * Every storage key the app uses, versioned so that a new shape gets a new key and an upgrade never
 * misreads an old value. Keys match Forge's pattern /^(?!\s+$)[a-zA-Z0-9:._\s-#]+$/.
 */
export const STORAGE_KEYS = {
  programSettings: 'settings:program:v1',
  lifecycle: 'app:lifecycle:v1',
  programSummary: 'program:summary:v1',
} as const;
