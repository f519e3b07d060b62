/// <reference types="vite/client" />
/** True in the e2e test build only (see wxt.config.ts). */
declare const __E2E__: boolean;
