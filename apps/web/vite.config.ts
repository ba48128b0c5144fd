import react from '@vitejs/plugin-react'
import { defineConfig } from 'vite'

const api = 'http://localhost:3000'

export default defineConfig({
  plugins: [react()],
  server: {
    port: 5173,
    proxy: { '/api': api, '/health': api },
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    sourcemap: false,
    // No inlined assets: every asset is a file so the server can keep a strict CSP.
    assetsInlineLimit: 0,
    chunkSizeWarningLimit: 1500,
  },
})
