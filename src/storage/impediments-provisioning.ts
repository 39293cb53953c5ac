/** The last impediment provisioning run, for the admin page (one versioned key). */
import { ProvisioningStatusSchema, type ProvisioningStatus } from '../shared/impediment-contract';
import { readStored, writeStored } from './stored-json';

export const PROVISIONING_KEY = 'impediments:provisioning:v1';

export const NOT_RUN: ProvisioningStatus = {
  state: 'not-run',
  startedAt: null,
  finishedAt: null,
  attempts: 0,
  issueType: null,
  field: null,
  changes: [],
  problems: [],
};

export async function readProvisioning(): Promise<ProvisioningStatus> {
  return (await readStored(PROVISIONING_KEY, ProvisioningStatusSchema)) ?? NOT_RUN;
}

export function writeProvisioning(status: ProvisioningStatus): Promise<void> {
  return writeStored(PROVISIONING_KEY, ProvisioningStatusSchema, status);
}
