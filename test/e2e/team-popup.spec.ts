import { test, expect, openTab } from './fixtures';
import { startBackend } from './backend';
import { expectAccessible, rows } from './workflow';
import { runsIn } from './driver';

// The popup asks the team backend for the post before it offers a new case: a colleague's case
// for it is shown instead, and a note added there reaches that case (one case on the backend).
test(
  'the popup shows a colleague’s case for the post, and a note on it reaches the backend',
  runsIn('chromium'),
  async ({ context, pages, openExtensionPage }) => {
    const backend = await startBackend();
    try {
      const api = (path: string, body: unknown, headers: Record<string, string> = {}) =>
        fetch(`${backend.url}${path}`, {
          method: 'POST',
          headers: { Authorization: `Bearer ${backend.token}`, 'Content-Type': 'application/json', ...headers },
          body: JSON.stringify(body),
        }).then((r) => r.json() as Promise<Record<string, unknown>>);
      const bram = (await api('/api/agents', { name: 'Bram' })).token as string;
      const anna = (await api('/api/agents', { name: 'Anna' })).token as string;
      const pageUrl = `${pages.origin}/blog-post.html`;
      // Anna's case for the post, made in her browser (here: through the API with her token).
      const annas = await fetch(`${backend.url}/api/cases`, {
        method: 'POST',
        headers: {
          Authorization: `Bearer ${anna}`,
          'Content-Type': 'application/json',
          'Idempotency-Key': crypto.randomUUID(),
        },
        body: JSON.stringify({
          mention: {
            platform: 'blog',
            kind: 'post',
            url: pageUrl,
            postId: null,
            author: { name: 'Marloes', handle: null, profileUrl: null, followers: null },
            text: 'Al drie weken geen internet.',
            title: null,
            publishedAt: null,
            language: 'nl',
            parentUrl: null,
            metrics: { views: null, likes: null, reposts: null, replies: null },
            quoted: null,
            warnings: [],
            capturedAt: new Date().toISOString(),
          },
          category: 'outage',
          severity: 'high',
          note: 'Called her, no answer',
          capturedBy: 'Anna',
        }),
      }).then((r) => r.json() as Promise<{ id: string }>);

      const options = await openExtensionPage('options.html');
      await options.selectOption('select[name=backend]', 'http');
      await options.fill('input[name=backendUrl]', backend.url);
      await options.fill('input[name=token]', bram);
      await options.getByRole('button', { name: 'Test connection' }).click();
      await expect(options.getByTestId('options-message')).toContainText('as Bram');
      await options.getByRole('button', { name: 'Save', exact: true }).click();
      await expect(options.getByTestId('options-message')).toHaveText('Saved.');

      const { tabId } = await openTab(context, `${pageUrl}?utm_source=twitter`);
      const popup = await openExtensionPage(`popup.html?tabId=${tabId}`);
      await expect(popup.getByTestId('duplicate')).toBeVisible();
      await expect(popup.getByTestId('duplicate')).toContainText('Called her, no answer');
      await expectAccessible(popup);
      await popup.locator('textarea[name=note]').fill('Seen it too, she posted again');
      await popup.getByRole('button', { name: 'Add note' }).click();
      await expect(popup.getByTestId('note-added')).toBeVisible();

      await expect
        .poll(
          async () => {
            const r = await fetch(`${backend.url}/api/cases/${annas.id}/history`, {
              headers: { Authorization: `Bearer ${backend.token}` },
            });
            const h = (await r.json()) as { history: { by: string; text: string }[] };
            return h.history.at(-1);
          },
          { timeout: 30_000 },
        )
        .toEqual(expect.objectContaining({ by: 'Bram', text: 'Seen it too, she posted again' }));
      expect((await backend.stats()).cases).toBe(1);
      // This browser now keeps a copy of the team's case: no second case was made here either.
      expect((await rows<{ backend: { id: string } | null }>(context, 'cases')).map((c) => c.backend?.id)).toEqual([
        annas.id,
      ]);
    } finally {
      await backend.stop();
    }
  },
);
