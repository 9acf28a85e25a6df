// Test support shared by several projects' tests (never imported by shipped code):
// a loopback static HTTP server and throwaway GnuPG keys for signing RPMs with rpmsign.
export { startStaticServer } from './static-server.js';
export type { StaticServer, Override } from './static-server.js';
export { createTestKey, signCopies, stopGpgAgent, locateGpg } from './gpg-signing.js';
export type { TestKey } from './gpg-signing.js';
export { startFakeKojiHub } from './koji/fake-koji-hub.js';
export type { FakeKojiHub, Interception, RecordedCall } from './koji/fake-koji-hub.js';
export { makeFakeKoji, PRIMARY_KEY, SECONDARY_KEY } from './koji/fake-koji-data.js';
export type { FakeKoji, FakeBuild, FakeRpm, FakeTag, FakeListing } from './koji/fake-koji-data.js';
export { dumpPythonFault } from './koji/python-marshal.js';
export { prepareDummyCompose, prepareNextDummyCompose, toolBin, REPO_ROOT, DUMMY_FIXTURES, DUMMY_REFERENCE } from './dummy-compose.js';
export type { DummyCompose } from './dummy-compose.js';
