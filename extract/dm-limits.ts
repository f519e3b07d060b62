/** The most messages one capture of a conversation takes (a conversation can hold thousands). Zod-free: the page and the schemas both read it. */
export const DM_MAX_RANGE = 50;
