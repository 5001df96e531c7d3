// What the page knows across views: the signed-in parent, their children (cached), a message
// for the next view, and where to go back to after signing in.
export const state = { user: null, children: null, flash: null, returnTo: null };
