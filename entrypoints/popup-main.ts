import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { mountPopup } from '../components/popup/mount';

// The toolbar popup's one script, loaded by popup.html (see components/popup/mount.tsx for why
// it is a classic script with its styles inside rather than popup.html's own module).
export default defineUnlistedScript(() => mountPopup(document.getElementById('app')!));
