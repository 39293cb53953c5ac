/**
 * MOUNT POINT for impediment provisioning (issue 6). The impediment engineer provides
 * `static/src/views/admin/ProvisioningSection.tsx` exporting `ProvisioningSection()` (creates the
 * Impediment issue type and escalation-level field). When that file lands, render it here:
 *
 *   import { ProvisioningSection } from './ProvisioningSection';
 *   return <ProvisioningSection />;
 *
 * Until then this renders nothing, so the page never imports a file that does not exist.
 */
export function ProvisioningSlot() {
  return null;
}
