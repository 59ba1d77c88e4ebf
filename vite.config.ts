import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { VitePWA } from 'vite-plugin-pwa';

const apiTarget = `http://127.0.0.1:${process.env.PORT ?? '8080'}`;

// The client lives in client/, static files in public/, the build in dist/ (served by the Hono server).
export default defineConfig({
  root: 'client',
  publicDir: '../public',
  build: { outDir: '../dist', emptyOutDir: true, sourcemap: true, chunkSizeWarningLimit: 2000 },
  server: { port: 5173, proxy: { '/api': { target: apiTarget, changeOrigin: false } } },
  plugins: [
    react(),
    VitePWA({
      strategies: 'injectManifest',
      srcDir: '.',
      filename: 'sw.ts',
      registerType: 'prompt',
      injectRegister: false,
      injectManifest: { globPatterns: ['**/*.{js,css,html,svg,png,ico,webmanifest,woff2}'], maximumFileSizeToCacheInBytes: 5 * 1024 * 1024 },
      devOptions: { enabled: false, type: 'module' },
      manifest: {
        id: '/',
        name: 'Trunkline',
        short_name: 'Trunkline',
        description: 'Customer accounts, live traffic and alerts for VoIP carrier operations.',
        start_url: '/',
        scope: '/',
        display: 'standalone',
        theme_color: '#1c7ed6',
        background_color: '#ffffff',
        icons: [
          { src: '/icons/icon-192.png', sizes: '192x192', type: 'image/png', purpose: 'any' },
          { src: '/icons/icon-512.png', sizes: '512x512', type: 'image/png', purpose: 'any' },
          { src: '/icons/maskable-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
        ],
        shortcuts: [
          { name: 'Customers', short_name: 'Customers', url: '/?view=customers', icons: [{ src: '/icons/icon-192.png', sizes: '192x192' }] },
          { name: 'New customer', short_name: 'New', url: '/?new=customer', icons: [{ src: '/icons/icon-192.png', sizes: '192x192' }] },
          { name: 'Trash', short_name: 'Trash', url: '/?view=trash', icons: [{ src: '/icons/icon-192.png', sizes: '192x192' }] },
        ],
      },
    }),
  ],
});
