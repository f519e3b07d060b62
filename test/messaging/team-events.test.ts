import { describe, expect, it } from 'vitest';
import { openTeamEvents, type TeamChangeEvent } from '../../messaging/team-events';

/** An EventSource the test drives: it records the URLs opened and delivers events on demand. */
class FakeSource {
  static opened: FakeSource[] = [];
  readonly CLOSED = 2;
  readyState = 0;
  onopen: (() => void) | null = null;
  onerror: (() => void) | null = null;
  private listeners = new Map<string, ((e: MessageEvent<string>) => void)[]>();
  closed = false;
  constructor(readonly url: string) {
    FakeSource.opened.push(this);
  }
  addEventListener(type: string, f: (e: MessageEvent<string>) => void) {
    this.listeners.set(type, [...(this.listeners.get(type) ?? []), f]);
  }
  emit(id: string, data: unknown) {
    for (const f of this.listeners.get('change') ?? [])
      f(new MessageEvent('change', { data: typeof data === 'string' ? data : JSON.stringify(data), lastEventId: id }));
  }
  fail() {
    this.readyState = this.CLOSED;
    this.onerror?.();
  }
  close() {
    this.closed = true;
  }
}

const tick = () => new Promise((r) => setTimeout(r, 0));
const change = (kind: string) => ({
  cursor: '1',
  caseId: 'c1',
  at: '2026-11-23T09:00:00.000Z',
  by: 'Anna',
  kind,
  text: 't',
  status: 'open',
  owner: null,
});

describe('side panel team events', () => {
  it('delivers checked changes, and after the stream closed for good resumes with a new ticket after the last change seen', async () => {
    FakeSource.opened = [];
    let tickets = 0;
    const got: TeamChangeEvent[] = [];
    const states: string[] = [];
    const close = openTeamEvents({
      onChange: (c) => got.push(c),
      onState: (s) => states.push(s),
      eventsUrl: async () => `http://127.0.0.1:9/api/events?ticket=t${++tickets}`,
      EventSource: FakeSource as unknown as typeof EventSource,
      retryMs: 1,
    });
    await tick();
    const first = FakeSource.opened[0]!;
    first.onopen?.();
    first.emit('7', change('status'));
    first.emit('8', '{"not":"a change"}');
    first.emit('9', 'not json');
    expect(got.map((c) => [c.remoteId, c.kind, c.by])).toEqual([['c1', 'status', 'Anna']]);
    first.fail();
    await new Promise((r) => setTimeout(r, 20));
    expect(FakeSource.opened[1]!.url).toBe('http://127.0.0.1:9/api/events?ticket=t2&since=9');
    expect(states).toEqual(['open', 'reconnecting']);
    close();
    expect(FakeSource.opened[1]!.closed).toBe(true);
  });

  it('says "unsupported" when the backend has no events (helpdesks: the panel polls instead)', async () => {
    FakeSource.opened = [];
    const states: string[] = [];
    openTeamEvents({
      onChange: () => {},
      onState: (s) => states.push(s),
      eventsUrl: async () => null,
      EventSource: FakeSource as unknown as typeof EventSource,
    });
    await tick();
    expect(states).toEqual(['unsupported']);
    expect(FakeSource.opened).toEqual([]);
  });
});
