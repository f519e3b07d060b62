/** Any page no other platform claims (read by generic.ts), and what is kept when a page cannot be read. */
import { definePlatform } from './descriptor';

export const webPlatform = definePlatform({
  id: 'web',
  hosts: [],
  postIdOf: () => null,
  idScope: null,
  pageLevel: true,
});
