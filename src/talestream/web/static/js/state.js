// What the page knows across views: the signed-in parent, their children (cached), a message
// for the next view, where to go back to after signing in, and the languages the storyteller
// writes (from /health; null until known), and a chapter a reload interrupted whose run can be
// read again (see story/chapters.js).
export const state = { user: null, children: null, flash: null, returnTo: null, storyLanguages: null, reattach: null };
