import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { runCapture } from '../capture/run-in-page';

// Injected on demand (activeTab + scripting.executeScript) into the page the agent captures from;
// its return value is the executeScript result.
export default defineUnlistedScript(() => runCapture());
