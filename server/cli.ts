import { AddAgentAnswerSchema } from '../contract/team';
import { newToken, tokenHash } from './auth';
import type { Actor } from './case-model';
import { openStore, type StoreChoice } from './open-store';
import { NameTakenError, type CaseStore } from './store';

/**
 * The commands of `npm run backend`: add an agent (prints their token, once), add a group, list
 * both, back up the store. They work on the store directly (the SQLite data folder, or the
 * PostgreSQL database with `--database`), or, with `--url` and the admin `--token`, ask a running
 * server (which holds a SQLite data folder exclusively).
 */
export const COMMANDS = ['add-agent', 'add-group', 'list-agents', 'backup'] as const;
export type Command = (typeof COMMANDS)[number];

const cli: Actor = { agentId: null, name: 'admin (command line)', admin: true };

export async function runCommand(
  command: Command,
  name: string | undefined,
  opts: StoreChoice & { url?: string; token: string },
  out: (line: string) => void,
): Promise<number> {
  if (command !== 'list-agents' && command !== 'backup' && !name?.trim()) {
    out(`Usage: npm run backend -- ${command} "Name" [--data ./backend-data]`);
    return 2;
  }
  if (opts.url) return remote(command, name ?? '', opts.url, opts.token, out);
  let store: CaseStore;
  try {
    store = await openStore(opts);
  } catch (e) {
    out(
      /locked|busy/i.test(String(e))
        ? `The backend is running on ${opts.data}. Ask it instead: npm run backend -- ${command}${name ? ` "${name}"` : ''} --url http://127.0.0.1:8787 --token <admin token>`
        : `Cannot open ${opts.data}: ${e instanceof Error ? e.message : String(e)}`,
    );
    return 1;
  }
  try {
    if (command === 'list-agents') {
      const [agents, groups] = await Promise.all([store.agents(), store.groups()]);
      for (const a of agents) out(`agent  ${a.name}`);
      for (const g of groups) out(`group  ${g.name}`);
      if (!agents.length && !groups.length) out('No agents or groups yet.');
      return 0;
    }
    if (command === 'backup') {
      const file = await store.backup();
      out(file ? `Backed up to ${file}` : 'This store is PostgreSQL: back it up with pg_dump.');
      return file ? 0 : 1;
    }
    if (command === 'add-group') {
      out(`Group "${(await store.addGroup(name!, cli)).name}" added.`);
      return 0;
    }
    const token = newToken();
    const agent = await store.addAgent(name!, tokenHash(token), cli);
    printToken(agent.name, token, out);
    return 0;
  } catch (e) {
    if (e instanceof NameTakenError) {
      out(e.message);
      return 1;
    }
    throw e;
  } finally {
    await store.close();
  }
}

async function remote(command: Command, name: string, url: string, token: string, out: (l: string) => void) {
  const base = url.replace(/\/+$/, '');
  const headers = { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' };
  const r =
    command === 'list-agents'
      ? await fetch(`${base}/api/agents`, { headers })
      : command === 'backup'
        ? await fetch(`${base}/api/backup`, { method: 'POST', headers })
        : await fetch(`${base}/api/${command === 'add-agent' ? 'agents' : 'groups'}`, {
            method: 'POST',
            headers,
            body: JSON.stringify({ name }),
          });
  const body = (await r.json().catch(() => ({}))) as Record<string, unknown>;
  if (!r.ok) {
    out(`The backend answered ${r.status}: ${String(body.error ?? '')}`);
    return 1;
  }
  if (command === 'add-agent') {
    const a = AddAgentAnswerSchema.parse(body);
    printToken(a.agent.name, a.token, out);
  } else if (command === 'add-group') out(`Group "${name.trim()}" added.`);
  else if (command === 'backup') out(`Backed up to ${String(body.file)}`);
  else
    for (const [k, list] of Object.entries(body))
      for (const m of list as { name: string }[]) out(`${k.slice(0, -1)}  ${m.name}`);
  return 0;
}

function printToken(name: string, token: string, out: (l: string) => void) {
  out(`Agent "${name}" added. Their token (shown once; give it to ${name} for the extension's options):`);
  out(token);
}
