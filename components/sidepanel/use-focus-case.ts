import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { FOCUS_KEY, type FocusRequest } from '../../messaging/focus-case';

/** The case a page marker asked to show (see background/focus-case.ts), for the given tab. */
export function useFocusCase(tabUrl: string | null): string | null {
  const [caseId, setCaseId] = useState<string | null>(null);
  useEffect(() => {
    const read = async () => {
      const v = (await browser.storage.session.get(FOCUS_KEY))[FOCUS_KEY] as FocusRequest | undefined;
      setCaseId(v?.caseId ?? null);
    };
    const onChanged = (changes: Record<string, unknown>, area: string) => {
      if (area === 'session' && FOCUS_KEY in changes) void read();
    };
    void read();
    browser.storage.onChanged.addListener(onChanged);
    return () => browser.storage.onChanged.removeListener(onChanged);
  }, [tabUrl]);
  return caseId;
}
