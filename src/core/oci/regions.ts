import * as common from 'oci-common';

/** Every region this SDK version knows, for a region picker. */
export function knownRegions(): string[] {
  return common.Region.values()
    .map((region) => region.regionId)
    .sort();
}

/** The region id of a region key such as "IAD" (a tenancy's homeRegionKey), from the SDK's own table. */
export function regionIdOfKey(key: string): string | undefined {
  const code = key.toLowerCase();
  return common.Region.values().find((region) => region.regionCode === code)?.regionId;
}
