// ESLint for the web app's plain ES modules (served as they are: no bundler, no transpiler).
import js from '@eslint/js';
import globals from 'globals';

export default [
  js.configs.recommended,
  {
    files: ['src/talestream/web/static/**/*.js'],
    languageOptions: {
      ecmaVersion: 2022,
      sourceType: 'module',
      globals: globals.browser,
    },
  },
  {
    // Runs in <head> as a classic script, before the page is drawn (see the file).
    files: ['src/talestream/web/static/theme.js'],
    languageOptions: { sourceType: 'script' },
  },
];
