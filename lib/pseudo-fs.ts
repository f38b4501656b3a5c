import { statfs } from 'node:fs/promises';

/** Filesystems that only look like directories (procfs, sysfs, …): files written there vanish or hang. */
const PSEUDO_FS: Record<number, string> = {
  0x9fa0: 'procfs',
  0x62656572: 'sysfs',
  0x1cd1: 'devpts',
  0x27e0eb: 'cgroup',
  0x63677270: 'cgroup2',
  0x64626720: 'debugfs',
  0x74726163: 'tracefs',
  0x73636673: 'securityfs',
  0xcafe4a11: 'bpf',
};

/**
 * The name of the pseudo filesystem an existing `path` is on, or undefined for a real one. Checked
 * before writing: node's recursive mkdir never returns on /proc.
 */
export async function pseudoFilesystem(path: string): Promise<string | undefined> {
  return PSEUDO_FS[(await statfs(path)).type];
}
