import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

/**
 * React and the router, and TanStack Query, change rarely, so they get their own long-cached chunks. Ant Design is
 * left to the automatic splitting: components used only by lazily loaded pages (Table,
 * DatePicker, Upload…) then load with those pages instead of up front.
 */
const vendorGroups: Array<{ name: string; test: RegExp }> = [
  { name: 'react', test: /[\\/]node_modules[\\/](react|react-dom|react-router|react-router-dom|scheduler|cookie|set-cookie-parser)[\\/]/ },
  { name: 'query', test: /[\\/]node_modules[\\/]@tanstack[\\/]/ },
];

export default defineConfig({
  base: '/',
  plugins: [react()],
  server: {
    host: '127.0.0.1',
    port: 5173,
    proxy: { '/api': { target: 'http://127.0.0.1:3000', changeOrigin: false } },
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    chunkSizeWarningLimit: 600,
    rolldownOptions: {
      output: {
        codeSplitting: { groups: vendorGroups },
        // Pages keep their names; automatically shared chunks are called "shared" rather than after a random member.
        chunkFileNames: (chunk) =>
          chunk.name === 'react' ||
          chunk.name === 'query' ||
          (chunk.facadeModuleId && /[\\/]src[\\/](features|app)[\\/]/.test(chunk.facadeModuleId))
            ? 'assets/[name]-[hash].js'
            : 'assets/shared-[hash].js',
      },
    },
  },
});
