/**
 * Stand-in for `@atlaskit/feature-gate-js-client` (aliased in vite.config.mts). Atlaskit components ask
 * it for feature gates through `@atlaskit/platform-feature-flags`; the real client only answers once a
 * product calls `FeatureGates.initialize(...)` with Statsig credentials, which never happens inside a
 * Forge Custom UI iframe. Uninitialised, the real client answers exactly what this one does (gates off,
 * experiments at their defaults, "not initialised"), so the components behave the same, and the bundle
 * sheds the Statsig client (~290 KB of source) that every view would otherwise download.
 */
type Listener = () => void;

const noop = (): void => undefined;
const unsubscribe = (): Listener => noop;

/** What `getExperiment`/`getLayer` return uninitialised: every parameter at its default. */
const emptyConfig = {
  get: <T>(_parameter: string, defaultValue: T): T => defaultValue,
  getValue: <T>(_parameter: string, defaultValue: T): T => defaultValue,
  value: {},
};

const FeatureGates = {
  checkGate: (_gate: string, _options?: unknown): boolean => false,
  isGateExists: (_gate: string): boolean => false,
  isExperimentExists: (_experiment: string): boolean => false,
  getExperimentValue: <T>(_experiment: string, _parameter: string, defaultValue: T, _options?: unknown): T =>
    defaultValue,
  getExperiment: (_experiment: string, _options?: unknown) => emptyConfig,
  getLayer: (_layer: string, _options?: unknown) => emptyConfig,
  getLayerValue: <T>(_layer: string, _parameter: string, defaultValue: T, _options?: unknown): T =>
    defaultValue,
  initializeCalled: (): boolean => false,
  initializeCompleted: (): boolean => false,
  waitUntilInitializeCompleted: (): Promise<void> => Promise.resolve(),
  initialize: (): Promise<void> => Promise.resolve(),
  initializeWithProvider: (): Promise<void> => Promise.resolve(),
  initializeFromValues: (): Promise<void> => Promise.resolve(),
  manuallyLogGateExposure: noop,
  manuallyLogExperimentExposure: noop,
  manuallyLogLayerExposure: noop,
  shutdownStatsig: noop,
  overrideGate: noop,
  clearGateOverride: noop,
  overrideConfig: noop,
  clearConfigOverride: noop,
  setOverrides: noop,
  getOverrides: () => ({ gates: {}, configs: {}, layers: {} }),
  clearAllOverrides: noop,
  isCurrentUser: (): boolean => false,
  onGateUpdated: unsubscribe,
  onExperimentValueUpdated: unsubscribe,
  onAnyUpdated: unsubscribe,
  updateUser: (): Promise<void> => Promise.resolve(),
  updateUserWithProvider: (): Promise<void> => Promise.resolve(),
  updateUserWithValues: (): Promise<void> => Promise.resolve(),
  getPackageVersion: (): string => 'forge-custom-ui-stub',
  getTargetApp: (): string | undefined => undefined,
};

export default FeatureGates;
