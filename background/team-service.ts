import { authorKey } from '../domain/author-key';
import type { Mention } from '../domain/mention';
import { authorKeysFromUrl } from '../domain/page-authors';
import type { Settings } from '../domain/settings';
import type { Roster, TeamCase, TeamHistoryEntry, TeamState } from '../domain/team';
import { parseTeamCaseId, teamCaseId, type HandoffTarget, type OnThis, type TeamCaseView } from '../domain/team-view';
import { postKey } from '../domain/team-keys';
import type { CaptureDb } from '../storage/db';
import { handOff } from '../storage/hand-off';
import { expandAuthorKeys } from '../storage/identities';
import { linkedCases } from '../storage/linked-cases';
import type { Adapter, TeamKeys } from '../sync/adapter';
import { adoptTeamCase } from './team-adopt';
import { logAsHistory, mergeViews, onThis } from './team-merge';
import { ProblemError } from '../domain/problem';

/** The backend for team reads, or why there is none (problem null: no backend configured). */
export type TeamBackend = { adapter: Adapter } | { problem: string | null };

export interface TeamDeps {
  db: CaptureDb;
  backend(): Promise<TeamBackend>;
  settings(): Promise<Settings>;
  /** Drains the outbox now (an action on a case is queued there). */
  requestSync(): void;
  now?: () => number;
  /** Keeps the backend's answer to "who am I" across restarts of the worker (storage.session). */
  remember?(identity: Identity & { backend: string }): Promise<void>;
  recall?(): Promise<(Identity & { backend: string }) | null>;
}

export interface TeamOptions {
  /** Longest a panel view waits for the team (then: "team view unavailable", local cases shown). */
  lookupBudgetMs: number;
  /** Longest the popup's open waits for the team's case of the post. */
  openBudgetMs: number;
  /** How long a lookup's answer is reused. */
  lookupTtlMs: number;
  rosterTtlMs: number;
  meTtlMs: number;
  /** The panel's poll of the cases on screen when the backend sends no events. */
  pollMs: number;
}

export const TEAM_DEFAULTS: TeamOptions = {
  lookupBudgetMs: 1500,
  openBudgetMs: 800,
  lookupTtlMs: 15_000,
  rosterTtlMs: 5 * 60_000,
  meTtlMs: 10 * 60_000,
  pollMs: 30_000,
};

export interface Identity {
  id: string | null;
  name: string | null;
  /** `backend`: the backend says who the credentials belong to; `settings`: the options' name. */
  source: 'backend' | 'settings' | null;
}

export type TakeResult =
  | { status: 'taken'; caseId: string; owner: string; previous: string | null }
  | { status: 'owned-by-other'; owner: string; since: string | null }
  | { status: 'unchecked'; message: string }
  | { status: 'need-agent-name' };

export type HandoffResult =
  { status: 'handed'; caseId: string; owner: string | null; ownerGroup: string | null } | { status: 'need-agent-name' };

/** How long a post the team was found to hold is remembered for a save that follows. */
const KNOWN_POST_MS = 2 * 60_000;
/** Answers kept at most (each page viewed adds one). */
const CACHE_MAX = 200;

class BudgetError extends Error {
  override name = 'TimeoutError';
}

/**
 * The team in the background: the team's cases for a page or a post merged with this browser's,
 * a case's history, the roster, who the agent is, and the actions where ownership is a team fact.
 * Every read has a time budget and a short cache; a backend that cannot be reached gives a
 * `unavailable` state (never a thrown error), and local cases are always answered.
 */
export class TeamService {
  private readonly cache = new Map<string, { at: number; value: Promise<unknown> }>();
  /** Posts the team was found to hold (post key → team case id), for a save that follows a check. */
  private readonly posts = new Map<string, { id: string; at: number }>();
  private readonly opts: TeamOptions;
  private readonly now: () => number;

  constructor(
    private readonly deps: TeamDeps,
    opts: Partial<TeamOptions> = {},
  ) {
    this.opts = { ...TEAM_DEFAULTS, ...opts };
    this.now = deps.now ?? Date.now;
  }

  /** Forget cached answers (after an action of this agent, a change in the feed, new settings). */
  invalidate(): void {
    this.cache.clear();
    this.posts.clear();
  }

  /** New settings or credentials: who the agent is must be asked again too. */
  reset(): void {
    this.invalidate();
    this.known = null;
  }

  private cached<T>(key: string, ttl: number, fresh: boolean, work: () => Promise<T>): Promise<T> {
    const hit = this.cache.get(key);
    if (!fresh && hit && this.now() - hit.at < ttl) return hit.value as Promise<T>;
    // Every page viewed adds a lookup: the oldest answers go first.
    for (const k of this.cache.keys()) if (this.cache.size >= CACHE_MAX) this.cache.delete(k);
    const value = work();
    this.cache.set(key, { at: this.now(), value });
    value.catch(() => this.cache.get(key)?.value === value && this.cache.delete(key));
    return value;
  }

  private within<T>(ms: number, work: Promise<T>): Promise<T> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new BudgetError(`The team backend did not answer within ${ms} ms`)), ms);
      work.then(
        (v) => (clearTimeout(timer), resolve(v)),
        (e: unknown) => (clearTimeout(timer), reject(e)),
      );
    });
  }

  private unavailable(e: unknown): TeamState {
    return { state: 'unavailable', message: e instanceof Error ? e.message : String(e) };
  }

  private async adapter(): Promise<{ adapter: Adapter } | { state: TeamState }> {
    const b = await this.deps.backend();
    if ('adapter' in b) return b;
    return { state: b.problem ? { state: 'unavailable', message: b.problem } : { state: 'off' } };
  }

  /** Who the agent is: the backend's answer for these credentials, else the name in the options. */
  async identity(): Promise<Identity> {
    const b = await this.deps.backend();
    if ('adapter' in b) {
      try {
        const me = await this.within(
          this.opts.lookupBudgetMs,
          this.cached('me', this.opts.meTtlMs, false, () => b.adapter.team.me()),
        );
        if (me) {
          const known = { id: me.id, name: me.name, source: 'backend' as const };
          this.known = { ...known, backend: b.adapter.kind };
          void this.deps.remember?.(this.known);
          return known;
        }
      } catch {
        // The options' name is the next best; the backend's answer is asked again next time.
      }
    }
    return this.fromSettings();
  }

  private known: (Identity & { backend: string }) | null = null;

  private async fromSettings(): Promise<Identity> {
    const name = (await this.deps.settings()).agentName.trim();
    return name ? { id: null, name, source: 'settings' } : { id: null, name: null, source: null };
  }

  /** The identity without waiting for the backend: what it said last (a save must not wait on the network). */
  private async lastIdentity(): Promise<Identity> {
    const b = await this.deps.backend();
    if (!('adapter' in b)) return this.fromSettings();
    this.known ??= (await this.deps.recall?.()) ?? null;
    if (this.known?.backend === b.adapter.kind) return this.known;
    void this.identity().catch(() => {});
    return this.fromSettings();
  }

  /**
   * Who acts and whether changes are queued for a backend: what every write needs. The agent is the
   * backend's name for the token, else the options' name, else "agent" (only take and hand-off,
   * where the name becomes the owner, refuse to go on without one).
   */
  async actor(): Promise<{ agent: string; syncEnabled: boolean }> {
    const [me, syncEnabled] = await Promise.all([this.lastIdentity(), this.syncEnabled()]);
    return { agent: me.name ?? 'agent', syncEnabled };
  }

  /** The cases linked to a page: this browser's and the team's, merged. */
  async linked(
    url: string,
    fresh = false,
  ): Promise<{ cases: TeamCaseView[]; team: TeamState; nextPollMs: number | null; me: string | null }> {
    const { db } = this.deps;
    const fromUrl = authorKeysFromUrl(url);
    const [local, got, me] = await Promise.all([linkedCases(db, url, fromUrl), this.adapter(), this.identity()]);
    if (!('adapter' in got))
      return { cases: mergeViews(local, [], null, me.name), team: got.state, nextPollMs: null, me: me.name };
    // A browser page, a file, the new tab: nothing the team can hold.
    if (!/^https?:\/\//i.test(url))
      return {
        cases: mergeViews(local, [], null, me.name),
        team: { state: 'ok', fetchedAt: this.now() },
        nextPollMs: null,
        me: me.name,
      };
    // Authors of the captures of this post or thread count as seen on the page, with their linked identities.
    const seen = local.flatMap((l) =>
      l.reasons.some((r) => r !== 'author') ? l.mentions.flatMap((m) => (m.authorKey ? [m.authorKey] : [])) : [],
    );
    const keys: TeamKeys = {
      posts: [url],
      threads: [url],
      authors: await expandAuthorKeys(db, [...new Set([...fromUrl, ...seen])]),
    };
    const { adapter } = got;
    let team: TeamCase[] = [];
    let state: TeamState;
    try {
      team = await this.within(this.opts.lookupBudgetMs, this.lookup(adapter, keys, fresh));
      state = { state: 'ok', fetchedAt: this.now() };
    } catch (e) {
      state = this.unavailable(e);
    }
    const at = this.now();
    return {
      cases: mergeViews(local, team, adapter.kind, me.name),
      team: state,
      nextPollMs: adapter.team.changes ? null : Math.max(0, adapter.team.nextPollAt(at, this.opts.pollMs) - at),
      me: me.name,
    };
  }

  private lookup(adapter: Adapter, keys: TeamKeys, fresh: boolean): Promise<TeamCase[]> {
    return this.cached(`lookup|${JSON.stringify(keys)}`, this.opts.lookupTtlMs, fresh, () => adapter.team.lookup(keys));
  }

  /** The team's case holding this post, if any (the popup's check before it offers a new case). */
  async forPost(mention: Mention): Promise<{ team: TeamState; kind: string | null; found: TeamCase | null }> {
    const got = await this.adapter();
    if (!('adapter' in got)) return { team: got.state, kind: null, found: null };
    // The save that may follow records who captured it: have the answer ready by then.
    void this.identity().catch(() => {});
    try {
      const cases = await this.within(
        this.opts.openBudgetMs,
        this.lookup(got.adapter, { posts: [mention.url], authors: [], threads: [] }, false),
      );
      const found = cases.find((c) => c.matched.includes('post')) ?? null;
      if (this.posts.size >= CACHE_MAX) this.posts.clear();
      if (found)
        this.posts.set(postKey(mention.url), { id: teamCaseId(got.adapter.kind, found.remoteId), at: this.now() });
      return { team: { state: 'ok', fetchedAt: this.now() }, kind: got.adapter.kind, found };
    } catch (e) {
      return { team: this.unavailable(e), kind: got.adapter.kind, found: null };
    }
  }

  /** The team case a recent check found for this post (no request: only what was seen lately). */
  knownPost(mention: Pick<Mention, 'url'>): string | null {
    const hit = this.posts.get(postKey(mention.url));
    return hit && this.now() - hit.at < KNOWN_POST_MS ? hit.id : null;
  }

  /** The author's open team cases (linked identities too), to attach a capture to. */
  async authorCases(
    mention: Pick<Mention, 'platform' | 'author'>,
  ): Promise<{ kind: string | null; cases: TeamCase[] }> {
    const key = authorKey(mention);
    const got = await this.adapter();
    if (!key || !('adapter' in got)) return { kind: null, cases: [] };
    try {
      const authors = await expandAuthorKeys(this.deps.db, [key]);
      const cases = await this.within(
        this.opts.lookupBudgetMs,
        this.lookup(got.adapter, { posts: [], authors, threads: [] }, false),
      );
      return { kind: got.adapter.kind, cases: cases.filter((c) => c.status !== 'resolved') };
    } catch {
      return { kind: got.adapter.kind, cases: [] };
    }
  }

  /** A case's whole history: the backend's when it has the case, else this browser's log. */
  async history(caseId: string): Promise<{ team: TeamState; source: 'team' | 'local'; entries: TeamHistoryEntry[] }> {
    const local = await this.deps.db.cases.get(caseId);
    const got = await this.adapter();
    const remoteId = this.remoteIdOf(caseId, local?.backend ?? null, got);
    if (!('adapter' in got) || !remoteId)
      return {
        team: 'adapter' in got ? { state: 'ok', fetchedAt: this.now() } : got.state,
        source: 'local',
        entries: local ? logAsHistory(local) : [],
      };
    try {
      const entries = await this.within(
        this.opts.lookupBudgetMs,
        this.cached(`history|${remoteId}`, 10_000, false, () => got.adapter.team.history(remoteId)),
      );
      return { team: { state: 'ok', fetchedAt: this.now() }, source: 'team', entries };
    } catch (e) {
      return { team: this.unavailable(e), source: 'local', entries: local ? logAsHistory(local) : [] };
    }
  }

  async roster(): Promise<{ team: TeamState; roster: Roster; me: Identity }> {
    const [got, me] = await Promise.all([this.adapter(), this.identity()]);
    const none = { agents: [], groups: [] };
    if (!('adapter' in got)) return { team: got.state, roster: none, me };
    try {
      const roster = await this.within(
        this.opts.lookupBudgetMs,
        this.cached('roster', this.opts.rosterTtlMs, false, () => got.adapter.team.roster()),
      );
      return { team: { state: 'ok', fetchedAt: this.now() }, roster, me };
    } catch (e) {
      return { team: this.unavailable(e), roster: none, me };
    }
  }

  /** The local id of a case to act on: a colleague's case is kept in this browser first. */
  async resolve(caseId: string): Promise<string> {
    if (await this.deps.db.cases.get(caseId)) return caseId;
    const ref = parseTeamCaseId(caseId);
    if (!ref) throw new ProblemError('case_not_found', { caseId });
    const got = await this.adapter();
    if (!('adapter' in got) || got.adapter.kind !== ref.kind) throw new ProblemError('team_backend_gone');
    const budget = this.opts.lookupBudgetMs;
    const [team, mention] = await Promise.all([
      this.within(budget, got.adapter.team.read(ref.remoteId)),
      this.within(budget, got.adapter.team.mention(ref.remoteId)).catch(() => null),
    ]);
    return adoptTeamCase(this.deps.db, ref.kind, team, mention, new Date(this.now()));
  }

  /**
   * Takes a case. Ownership is a team fact: the backend is asked who owns it now, and taking it
   * from a colleague needs `confirm`; without an agent name nothing is written.
   */
  async take(caseId: string, confirm: boolean): Promise<TakeResult> {
    const me = await this.identity();
    if (!me.name) return { status: 'need-agent-name' };
    const local = await this.deps.db.cases.get(caseId);
    const got = await this.adapter();
    const remoteId = this.remoteIdOf(caseId, local?.backend ?? null, got);
    let owner = local ? (local.owner ?? (local.ownerGroup ? `team ${local.ownerGroup}` : null)) : null;
    let since = local?.log.findLast((e) => e.kind === 'owner')?.at ?? null;
    if (remoteId && 'adapter' in got) {
      try {
        const t = await this.within(this.opts.lookupBudgetMs, got.adapter.team.read(remoteId));
        owner = t.owner ?? (t.ownerGroup ? `team ${t.ownerGroup}` : null);
        since = t.lastActivity?.kind === 'owner' ? t.lastActivity.at : t.updatedAt;
      } catch (e) {
        if (!confirm) return { status: 'unchecked', message: e instanceof Error ? e.message : String(e) };
      }
    }
    if (owner && owner !== me.name && !confirm) return { status: 'owned-by-other', owner, since };
    const id = await this.resolve(caseId);
    if (owner === me.name) return { status: 'taken', caseId: id, owner: me.name, previous: owner };
    const { previous } = await handOff(this.deps.db, {
      caseId: id,
      agent: me.name,
      to: { kind: 'agent', id: me.id, name: me.name },
      note: '',
      syncEnabled: await this.syncEnabled(),
    });
    this.acted();
    return { status: 'taken', caseId: id, owner: me.name, previous };
  }

  /** Hands a case to an agent or a group, with a note the receiver sees first. */
  async handoff(caseId: string, to: HandoffTarget, note: string): Promise<HandoffResult> {
    const me = await this.identity();
    if (!me.name) return { status: 'need-agent-name' };
    const id = await this.resolve(caseId);
    await handOff(this.deps.db, { caseId: id, agent: me.name, to, note, syncEnabled: await this.syncEnabled() });
    this.acted();
    const agent = to.kind === 'agent';
    return { status: 'handed', caseId: id, owner: agent ? to.name : null, ownerGroup: agent ? null : to.name };
  }

  /** "Anna is on this (since 10:02)". */
  async onThis(caseId: string): Promise<OnThis> {
    const [h, me] = await Promise.all([this.history(caseId), this.identity()]);
    return onThis(h.entries, me.name);
  }

  /** The URL of the backend's event stream for an open side panel (null: it has none). */
  async eventsUrl(): Promise<string | null> {
    const got = await this.adapter();
    if (!('adapter' in got) || !got.adapter.team.eventsUrl) return null;
    return this.within(this.opts.lookupBudgetMs, got.adapter.team.eventsUrl());
  }

  /** The backend's id of a case: its local copy's, or the one in a team case id (same backend only). */
  private remoteIdOf(
    caseId: string,
    backend: { adapter: string; id: string } | null,
    got: { adapter: Adapter } | { state: TeamState },
  ): string | null {
    const kind = 'adapter' in got ? got.adapter.kind : null;
    if (backend) return backend.adapter === kind ? backend.id : null;
    const ref = parseTeamCaseId(caseId);
    return ref && ref.kind === kind ? ref.remoteId : null;
  }

  private async syncEnabled(): Promise<boolean> {
    return (await this.deps.settings()).backend !== 'none';
  }

  private acted(): void {
    this.invalidate();
    this.deps.requestSync();
  }
}
