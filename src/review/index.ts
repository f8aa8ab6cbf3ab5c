export { ReviewData, type DocumentPage, type IndexPage, type RunsPage, type SearchPage } from './review-data.js';
export { startReviewServer, type ReviewServer } from './server.js';
export { writeStaticSite } from './write-static.js';
