import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sqlite from 'node-sqlite3-wasm';
import { afterEach, describe, expect, it } from 'vitest';
import { ChangeSchema, EventsTicketAnswerSchema, LookupAnswerSchema } from '../../contract/team';
import { ContractCaseSchema } from '../../contract/cases';
import { runCommand } from '../../server/cli';
import { SqliteStore } from '../../server/sqlite/store';
import { addAgent, call, createBody, sampleMention, startBackend, TOKEN, type Running } from './fixtures';

let be: Running | undefined;
afterEach(async () => {
  await be?.close();
  be = undefined;
});

/** Reads server-sent events from a stream until `count` change events came (or the time is up). */
async function readEvents(res: Response, count: number, ms = 5000) {
  const reader = res.body!.getReader();
  const events: { id: string; data: unknown }[] = [];
  let text = '';
  const deadline = Date.now() + ms;
  // One read at a time: a read left behind by the 200 ms wait still receives its chunk, and a new
  // read beside it would lose that chunk (seen as a missing event on a loaded machine).
  let pending: ReturnType<typeof reader.read> | null = null;
  while (events.length < count && Date.now() < deadline) {
    pending ??= reader.read();
    const next = await Promise.race([pending, new Promise<null>((r) => setTimeout(() => r(null), 200))]);
    if (!next) continue;
    pending = null;
    if (next.done) break;
    text += new TextDecoder().decode(next.value);
    let end;
    while ((end = text.indexOf('\n\n')) >= 0) {
      const block = text.slice(0, end);
      text = text.slice(end + 2);
      const id = /^id: (.*)$/m.exec(block)?.[1];
      const data = /^data: (.*)$/m.exec(block)?.[1];
      if (id && data) events.push({ id, data: JSON.parse(data) });
    }
  }
  await reader.cancel();
  return events;
}

const create = (token: string, n: number) =>
  call(be!, 'POST', '/api/cases', {
    token,
    body: createBody(n),
    headers: { 'Idempotency-Key': crypto.randomUUID() },
  });

describe('reference backend: server-sent events', () => {
  it('streams changes to a ticket holder as they happen, and resumes after Last-Event-ID', async () => {
    be = await startBackend();
    const anna = await addAgent(be, 'Anna');
    const ticket = EventsTicketAnswerSchema.parse(
      (await call(be, 'POST', '/api/events/ticket', { token: anna })).body,
    ).ticket;
    const stream = await fetch(`${be.url}/api/events?ticket=${encodeURIComponent(ticket)}`);
    expect([stream.status, stream.headers.get('content-type')]).toEqual([200, 'text/event-stream; charset=utf-8']);
    const reading = readEvents(stream, 2);
    const c = ContractCaseSchema.parse((await create(anna, 1)).body);
    await call(be, 'PATCH', `/api/cases/${c.id}`, { token: anna, body: { status: 'open' } });
    const events = await reading;
    expect(events.map((e) => ChangeSchema.parse(e.data)).map((x) => [x.kind, x.by, x.caseId])).toEqual([
      ['created', 'Anna', c.id],
      ['status', 'Anna', c.id],
    ]);
    // A reconnecting EventSource sends the last id it saw: it gets what came after.
    await call(be, 'PATCH', `/api/cases/${c.id}`, { token: anna, body: { owner: 'Anna' } });
    const resumed = await fetch(`${be.url}/api/events`, {
      headers: { Authorization: `Bearer ${anna}`, 'Last-Event-ID': events[0]!.id },
    });
    const again = await readEvents(resumed, 2);
    expect(again.map((e) => ChangeSchema.parse(e.data).kind)).toEqual(['status', 'owner']);
  });

  it('refuses a forged or expired ticket', async () => {
    be = await startBackend({}, undefined, { ticketMs: 50 });
    const anna = await addAgent(be, 'Anna');
    const { ticket } = EventsTicketAnswerSchema.parse(
      (await call(be, 'POST', '/api/events/ticket', { token: anna })).body,
    );
    const [payload] = ticket.split('.');
    expect((await fetch(`${be.url}/api/events?ticket=${payload}.forged`)).status).toBe(401);
    await new Promise((r) => setTimeout(r, 80));
    expect((await fetch(`${be.url}/api/events?ticket=${encodeURIComponent(ticket)}`)).status).toBe(401);
    expect((await fetch(`${be.url}/api/events`)).status).toBe(401);
  });
});

describe('reference backend: team commands and older data folders', () => {
  it('add-agent prints a token that the server accepts; while it runs, adds through it with --url', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cc-backend-'));
    const lines: string[] = [];
    expect(await runCommand('add-agent', 'Anna', { data: dir, token: TOKEN }, (l) => lines.push(l))).toBe(0);
    expect(lines[0]).toMatch(/Agent "Anna" added/);
    const token = lines[1]!;
    expect(await runCommand('add-agent', 'anna', { data: dir, token: TOKEN }, () => {})).toBe(1);
    be = await startBackend({}, dir);
    expect((await call(be, 'GET', '/api/me', { token })).body).toMatchObject({ agent: { name: 'Anna' } });
    const held: string[] = [];
    expect(await runCommand('add-agent', 'Bram', { data: dir, token: TOKEN }, (l) => held.push(l))).toBe(1);
    expect(held.join('\n')).toMatch(/--url/);
    const remote: string[] = [];
    expect(await runCommand('add-agent', 'Bram', { data: dir, url: be.url, token: TOKEN }, (l) => remote.push(l))).toBe(
      0,
    );
    expect((await call(be, 'GET', '/api/me', { token: remote[1]! })).body).toMatchObject({ agent: { name: 'Bram' } });
    expect(await runCommand('add-group', 'Billing', { data: dir, url: be.url, token: TOKEN }, () => {})).toBe(0);
    const listed: string[] = [];
    await runCommand('list-agents', undefined, { data: dir, url: be.url, token: TOKEN }, (l) => listed.push(l));
    expect(listed).toEqual(['agent  Anna', 'agent  Bram', 'group  Billing']);
  });

  it('opens a data folder written by the first server: its cases are found by post, the older one keeps the post', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cc-backend-'));
    const old = new sqlite.Database(join(dir, 'cases.sqlite'));
    old.exec(`CREATE TABLE cases (id TEXT PRIMARY KEY, idempotency_key TEXT NOT NULL UNIQUE, body_hash TEXT NOT NULL,
        json TEXT NOT NULL, created_at TEXT NOT NULL);
      CREATE TABLE mentions (case_id TEXT NOT NULL, url_key TEXT NOT NULL, platform TEXT NOT NULL, handle TEXT);
      CREATE TABLE patches (idempotency_key TEXT PRIMARY KEY, case_id TEXT NOT NULL);`);
    const oldCase = (id: string, at: string) => ({
      id,
      status: 'open',
      owner: 'Joost',
      category: 'outage',
      severity: 'high',
      mentions: [sampleMention(1)],
      history: [{ at, by: 'Sanne', kind: 'created', text: 'Captured' }],
      createdAt: at,
      updatedAt: at,
      idempotencyKey: crypto.randomUUID(),
    });
    for (const [id, at] of [
      ['newer', '2026-11-02T09:00:00.000Z'],
      ['older', '2026-11-01T09:00:00.000Z'],
    ] as const)
      old.run('INSERT INTO cases VALUES (?, ?, ?, ?, ?)', [
        id,
        crypto.randomUUID(),
        'h',
        JSON.stringify(oldCase(id, at)),
        at,
      ]);
    old.close();
    const store = new SqliteStore(dir);
    await store.close();
    be = await startBackend({}, dir);
    const found = LookupAnswerSchema.parse(
      (await call(be, 'POST', '/api/lookup', { body: { posts: [sampleMention(1).url], authors: ['x:marloesdv'] } }))
        .body,
    );
    // The case holding the post comes first, then the author's others.
    expect(found.cases.map((c) => [c.id, c.matched])).toEqual([
      ['older', ['post', 'author']],
      ['newer', ['author']],
    ]);
    const joined = ContractCaseSchema.parse((await create(TOKEN, 1)).body);
    expect([joined.id, joined.existing]).toEqual(['older', true]);
  });
});
