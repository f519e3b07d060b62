import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { startMarkers } from '../markers/run-in-page';

// Registered per site only after the agent granted that host (optional, off by default).
export default defineUnlistedScript(() => startMarkers());
