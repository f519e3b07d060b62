import { describe, expect, it } from 'vitest';
import { createTeamHandlers } from '../../background/team-handlers';
import { TeamService } from '../../background/team-service';
import { readSettings, settingsItem } from '../../storage/settings';
import { DEFAULT_SETTINGS } from '../../domain/settings';
import { freshDb } from '../helpers';

// The side panel asks the agent's name before their first action when none is known: the answer
// is kept in the options (the one place the name lives) and is who acts from then on.
describe('team/set-name', () => {
  it('keeps the name in the settings, keeps the rest, and answers the agent by that name', async () => {
    await settingsItem.setValue({
      ...DEFAULT_SETTINGS,
      backend: 'none',
      agentName: '',
      slaHours: { ...DEFAULT_SETTINGS.slaHours, high: 2 },
    });
    const team = new TeamService({
      db: freshDb(),
      backend: async () => ({ problem: null }),
      settings: readSettings,
      requestSync: () => {},
    });
    const handlers = createTeamHandlers(team);
    expect(await handlers['team/me']({})).toEqual({ id: null, name: null, source: null });
    expect(await handlers['team/set-name']({ name: 'Sanne' })).toEqual({ id: null, name: 'Sanne', source: 'settings' });
    const s = await readSettings();
    expect([s.agentName, s.slaHours.high]).toEqual(['Sanne', 2]);
    expect((await team.actor()).agent).toBe('Sanne');
  });
});
