/** The Jira emulator: a stateful stand-in for Jira Cloud (platform v3 + Software agile 1.0). */
export {
  startEmulator,
  type Exchange,
  type RunningEmulator,
  type EmulatorOptions,
  type EmulatorStats,
} from './http/start-emulator';
export { FaultInjector, type FaultRule } from './http/faults';
export { EmulatorState } from './state/emulator-state';
export { loadDataset, DatasetError, type Dataset } from './dataset/load-dataset';
export { demoProgram } from './demo/demo-program';
export { syntheticProgram } from './synthetic/synthetic-program';
