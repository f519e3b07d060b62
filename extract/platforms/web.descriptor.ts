/** Any page no other platform claims (read by generic.ts), and what is kept when a page cannot be read. */
import { pagePlatform } from './descriptor';

export const webPlatform = pagePlatform('web');
