/** Empty author and metrics, apart from the schemas so the injected capture script needs no zod. */
import type { Author, Metrics } from './mention';

export const emptyAuthor = (): Author => ({ name: null, handle: null, profileUrl: null, followers: null });
export const emptyMetrics = (): Metrics => ({ views: null, likes: null, reposts: null, replies: null });
