// Moving between views without importing the views: the router registers how to render, and
// anything that must stop when the view changes (a stream, reading aloud) registers a leave hook.

let renderer = () => {};
const leaveHooks = [];

export function setRenderer(fn) {
  renderer = fn;
}

/** Renders the current view again. */
export function refresh() {
  return renderer();
}

export function go(hash) {
  if (location.hash === hash) refresh();
  else location.hash = hash;
}

/** Runs when the view changes: close streams, stop reading aloud. */
export function onLeave(fn) {
  leaveHooks.push(fn);
}

export function leaveView() {
  for (const fn of leaveHooks.splice(0)) {
    try {
      fn();
    } catch (error) {
      console.error(error);
    }
  }
}
