import { describe, expect, it } from 'vitest';
import { ContractCaseSchema } from '../../../contract/cases';
import { ChangeSchema, EventsTicketAnswerSchema } from '../../../contract/team';
import { addAgent, call, createBody } from '../fixtures';
import { useBackend, type Backend, type Target } from '../targets';

/** Reads server-sent events from a stream until `count` change events came (or the time is up). */
export async function readEvents(res: Response, count: number, ms = 10_000) {
  const reader = res.body!.getReader();
  const events: { id: string; data: unknown }[] = [];
  let text = '';
  const deadline = Date.now() + ms;
  // One read at a time: a read still pending when the wait ran out is waited on again, not lost.
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

/**
 * Server-sent events of the change feed. With two instances the stream is held by one and the
 * writes alternate between both: every change still arrives, once, in the feed's order.
 */
export function eventsSuite(target: Target) {
  describe(`${target.name}: server-sent events`, () => {
    const ctx = useBackend(target);
    const create = (be: Backend, token: string, n: number) =>
      call(be, 'POST', '/api/cases', {
        token,
        body: createBody(n),
        headers: { 'Idempotency-Key': crypto.randomUUID() },
      });

    it('streams changes to a ticket holder as they happen, and resumes after Last-Event-ID', async () => {
      const be = await ctx.start();
      const anna = await addAgent(be, 'Anna');
      const ticket = EventsTicketAnswerSchema.parse(
        (await call(be, 'POST', '/api/events/ticket', { token: anna })).body,
      ).ticket;
      const stream = await fetch(`${be.url}/api/events?ticket=${encodeURIComponent(ticket)}`);
      expect([stream.status, stream.headers.get('content-type')]).toEqual([200, 'text/event-stream; charset=utf-8']);
      const reading = readEvents(stream, 2);
      const c = ContractCaseSchema.parse((await create(be, anna, 1)).body);
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

    it('sends every change of many concurrent writers once, in increasing cursor order', async () => {
      const be = await ctx.start();
      const [anna, bram] = [await addAgent(be, 'Anna'), await addAgent(be, 'Bram')];
      const stream = await fetch(`${be.url}/api/events?since=0`, { headers: { Authorization: `Bearer ${anna}` } });
      const reading = readEvents(stream, 40, 60_000);
      await Promise.all(Array.from({ length: 20 }, (_, i) => create(be, i % 2 ? anna : bram, 100 + i)));
      // 20 creates (one change each), then a status change on each case: 40 changes.
      const feed = await call(be, 'GET', '/api/changes?since=0&limit=1000');
      const ids = (feed.body as { changes: { caseId: string }[] }).changes.map((x) => x.caseId);
      await Promise.all(
        ids.map((id, i) =>
          call(be, 'PATCH', `/api/cases/${id}`, { token: i % 2 ? anna : bram, body: { status: 'open' } }),
        ),
      );
      const events = await reading;
      const cursors = events.map((e) => Number(e.id));
      expect(events).toHaveLength(40);
      expect(new Set(cursors).size).toBe(40);
      expect([...cursors].sort((a, b) => a - b)).toEqual(cursors);
      expect(events.map((e) => ChangeSchema.parse(e.data).kind).filter((k) => k === 'status')).toHaveLength(20);
    }, 90_000);

    it('refuses a forged or expired ticket', async () => {
      const be = await ctx.start({ ticketMs: 50 });
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
}
