import * as common from 'oci-common';

/** Every region this SDK version knows, for a region picker. */
export function knownRegions(): string[] {
  return common.Region.values()
    .map((region) => region.regionId)
    .sort();
}
