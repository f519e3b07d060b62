import Dexie from 'dexie';
import { describe, expect, it } from 'vitest';
import { CaptureDb } from '../../storage/db';
import { storageProblem } from '../../storage/errors';
import { ProblemError } from '../../domain/problem';

// IndexedDB failures reach the agent as sentences that say what to do, and lose nothing.
describe('storage errors', () => {
  it('a database already upgraded by a newer version of the extension (a rollback) still opens with its data', async () => {
    const name = `newer-${crypto.randomUUID()}`;
    const newer = new Dexie(name);
    newer.version(90).stores({
      mentions: 'id, urlKey, [platform+postId], authorKey, threadKey, caseId, capturedAt, extraIndex',
      cases: 'id, &idempotencyKey, createdAt, updatedAt, status, syncState',
      outbox: '++id, caseId, nextAttemptAt, state',
      identities: 'authorKey, groupId',
    });
    await newer.open();
    await newer.table('cases').add({
      id: 'kept',
      idempotencyKey: '7b0c9e2e-3c1f-4f9a-9d0e-2f6b1b2a9c11',
      updatedAt: '2026-11-01T00:00:00.000Z',
    });
    newer.close();

    // Dexie 4 opens the installed (higher) version rather than failing: nothing is lost on a rollback.
    const db = new CaptureDb(name);
    await db.open();
    expect(await db.cases.get('kept')).toMatchObject({ id: 'kept' });
    expect(await db.cases.orderBy('updatedAt').count()).toBe(1);
    db.close();
  });

  it('a version conflict or a blocked upgrade is a problem code the pages word', () => {
    for (const name of ['VersionError', 'DatabaseClosedError', 'BlockedError']) {
      expect(storageProblem(Object.assign(new Error('x'), { name }))).toEqual({ code: 'storage_blocked', params: {} });
    }
  });

  it('names a full disk, a constraint and an aborted write by code, and keeps other problems', () => {
    expect(storageProblem(Object.assign(new Error('x'), { name: 'QuotaExceededError' })).code).toBe('storage_full');
    expect(storageProblem({ name: 'AbortError', message: 'tx', inner: { name: 'QuotaExceededError' } }).code).toBe(
      'storage_full',
    );
    expect(storageProblem(Object.assign(new Error('Key already exists'), { name: 'ConstraintError' })).code).toBe(
      'storage_duplicate',
    );
    expect(storageProblem(Object.assign(new Error('tx aborted'), { name: 'AbortError' }))).toEqual({
      code: 'storage_refused',
      params: { detail: 'AbortError' },
    });
    expect(storageProblem(new ProblemError('case_not_found', { caseId: 'c9' }))).toEqual({
      code: 'case_not_found',
      params: { caseId: 'c9' },
    });
    expect(storageProblem(new Error('odd'))).toEqual({ code: 'unexpected', params: { detail: 'odd' } });
  });
});
