import { describe, expect, it } from 'vitest';
import {
  getComposeIdFilePath,
  getDebugPackagesDir,
  getDebugRepositoryDir,
  getDebugTreeDir,
  getIsoDir,
  getLogDir,
  getLogFilePath,
  getMetadataPath,
  getOsTreeDir,
  getPackagesDir,
  getRelativeVariantPath,
  getRepositoryDir,
  getStatusFilePath,
  getWorkDir,
  type VariantRef,
} from '@compose/compose-info';

const TOP = '/srv/composes/DP-1.0-20261122.t.0';
const SERVER: VariantRef = { id: 'Server', uid: 'Server', type: 'variant' };
const ADDON: VariantRef = { id: 'ResilientStorage', uid: 'Server-ResilientStorage', type: 'addon', parent: 'Server' };
const OPTIONAL: VariantRef = { id: 'optional', uid: 'Server-optional', type: 'optional', parent: 'Server' };

describe('compose layout', () => {
  it('places variant trees as Pungi does', () => {
    expect(getOsTreeDir(TOP, SERVER, 'x86_64')).toBe(`${TOP}/compose/Server/x86_64/os`);
    expect(getOsTreeDir(TOP, SERVER, 'src')).toBe(`${TOP}/compose/Server/source/tree`);
    expect(getPackagesDir(TOP, SERVER, 'x86_64')).toBe(`${TOP}/compose/Server/x86_64/os/Packages`);
    expect(getRepositoryDir(TOP, SERVER, 'source')).toBe(`${TOP}/compose/Server/source/tree`);
    expect(getDebugTreeDir(TOP, SERVER, 'x86_64')).toBe(`${TOP}/compose/Server/x86_64/debug/tree`);
    expect(getDebugPackagesDir(TOP, SERVER, 'x86_64')).toBe(`${TOP}/compose/Server/x86_64/debug/tree/Packages`);
    expect(getDebugTreeDir(TOP, SERVER, 'src')).toBeUndefined();
    expect(getIsoDir(TOP, SERVER, 'x86_64')).toBe(`${TOP}/compose/Server/x86_64/iso`);
    expect(getIsoDir(TOP, SERVER, 'src')).toBe(`${TOP}/compose/Server/source/iso`);
  });

  it('puts addons inside their parent tree and gives them no ISOs', () => {
    expect(getOsTreeDir(TOP, ADDON, 'x86_64')).toBe(`${TOP}/compose/Server/x86_64/os`);
    expect(getPackagesDir(TOP, ADDON, 'x86_64')).toBe(`${TOP}/compose/Server/x86_64/os/addons/ResilientStorage`);
    expect(getRepositoryDir(TOP, ADDON, 'x86_64')).toBe(`${TOP}/compose/Server/x86_64/os/addons/ResilientStorage`);
    expect(getDebugRepositoryDir(TOP, ADDON, 'x86_64')).toBe(`${TOP}/compose/Server/x86_64/debug/tree/addons/ResilientStorage`);
    expect(getIsoDir(TOP, ADDON, 'x86_64')).toBeUndefined();
  });

  it('gives optional variants their own tree and ISOs only on request', () => {
    expect(getOsTreeDir(TOP, OPTIONAL, 'x86_64')).toBe(`${TOP}/compose/Server-optional/x86_64/os`);
    expect(getIsoDir(TOP, OPTIONAL, 'x86_64')).toBeUndefined();
    expect(getIsoDir(TOP, OPTIONAL, 'x86_64', { createOptionalIsos: true })).toBe(`${TOP}/compose/Server-optional/x86_64/iso`);
    expect(getRelativeVariantPath('source_packages', OPTIONAL, 'x86_64')).toBe('Server-optional/source/tree/Packages');
  });

  it('names metadata, logs, work and top-level files', () => {
    expect(getMetadataPath(TOP)).toBe(`${TOP}/compose/metadata`);
    expect(getMetadataPath(TOP, 'rpms.json')).toBe(`${TOP}/compose/metadata/rpms.json`);
    expect(getLogDir(TOP)).toBe(`${TOP}/logs/global`);
    expect(getLogDir(TOP, 'x86_64')).toBe(`${TOP}/logs/x86_64`);
    expect(getLogFilePath(TOP, 'x86_64', 'createrepo-Server.rpm')).toBe(`${TOP}/logs/x86_64/createrepo-Server.rpm.x86_64.log`);
    expect(getLogFilePath(TOP, undefined, 'pungi.log')).toBe(`${TOP}/logs/global/pungi.global.log`);
    expect(getWorkDir(TOP)).toBe(`${TOP}/work/global`);
    expect(getWorkDir(TOP, 's390x')).toBe(`${TOP}/work/s390x`);
    expect(getStatusFilePath(TOP)).toBe(`${TOP}/STATUS`);
    expect(getComposeIdFilePath(TOP)).toBe(`${TOP}/COMPOSE_ID`);
  });
});
