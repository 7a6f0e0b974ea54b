import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

/**
 * React and the data/i18n libraries change rarely and every page needs them: their own chunks stay
 * cached across our releases. antd is left to the default splitting on purpose: one antd chunk was
 * 1 MB that the sign-in page had to load; split, each page fetches the components it uses.
 */
const vendorGroups = [
  { name: 'react', test: /node_modules[\\/](react|react-dom|scheduler|react-router|cookie|set-cookie-parser)[\\/]/ },
  { name: 'data', test: /node_modules[\\/](i18next|react-i18next|@tanstack|html-parse-stringify|void-elements)[\\/]/ },
];

export default defineConfig({
  root: import.meta.dirname,
  plugins: [react()],
  server: {
    port: 5173,
    // No changeOrigin: the server's CSRF check compares the Origin header with Host, and both
    // must keep naming the dev server for writes to pass.
    proxy: { '/api': { target: 'http://127.0.0.1:3000' } },
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    rolldownOptions: { output: { codeSplitting: { groups: vendorGroups } } },
  },
});
