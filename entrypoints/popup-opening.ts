import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { startOpening } from '../components/popup/opening';

// A classic script in popup.html's head: it sends the popup's first request before the popup's
// modules have loaded (components/popup/opening.ts); main.tsx takes the answer.
export default defineUnlistedScript(() => {
  globalThis.__complaintCaptureOpening = startOpening(location.search);
});
