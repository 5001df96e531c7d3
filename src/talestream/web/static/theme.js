// Day or night theme, settled before the page is first drawn: this small classic script runs in
// <head> (a module would run after the first paint and flash the day theme at bedtime). The
// parent's choice from the header's toggle is remembered in localStorage; without one, the
// browser's colour-scheme preference decides, and is followed when it changes.
(() => {
  const KEY = 'talestream.theme';
  const prefersDark = window.matchMedia('(prefers-color-scheme: dark)');
  const root = document.documentElement;

  function chosen() {
    try {
      const value = localStorage.getItem(KEY);
      return value === 'night' || value === 'day' ? value : null;
    } catch {
      return null; // storage blocked: follow the browser
    }
  }

  function apply(theme) {
    const night = theme === 'night';
    root.dataset.theme = theme;
    document.querySelector('meta[name="color-scheme"]')?.setAttribute('content', night ? 'dark' : 'light');
    document.querySelector('meta[name="theme-color"]')?.setAttribute('content', night ? '#16141d' : '#fbf5ec');
    document.getElementById('theme-toggle')?.setAttribute('aria-pressed', String(night));
  }

  const preferred = () => chosen() || (prefersDark.matches ? 'night' : 'day');
  apply(preferred());
  prefersDark.addEventListener('change', () => apply(preferred()));
  document.addEventListener('DOMContentLoaded', () => {
    apply(root.dataset.theme);
    document.getElementById('theme-toggle').addEventListener('click', () => {
      const next = root.dataset.theme === 'night' ? 'day' : 'night';
      try {
        localStorage.setItem(KEY, next);
      } catch {
        // storage blocked: the choice lasts for this page only
      }
      apply(next);
    });
  });
})();
