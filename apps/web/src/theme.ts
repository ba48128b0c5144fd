import { createTheme } from '@mantine/core'

/**
 * Colours and fonts live in styles/app.css as CSS variables, because MantineProvider runs with
 * withCssVariables={false} (no inline <style>); only behaviour defaults are set here.
 */
export const theme = createTheme({
  primaryColor: 'blue',
  defaultRadius: 'sm',
  cursorType: 'pointer',
  components: {
    // Scroll locking injects a <style> element (react-remove-scroll-bar), which CSP style-src 'self' blocks.
    Modal: { defaultProps: { trapFocus: true, returnFocus: true, lockScroll: false } },
    Drawer: { defaultProps: { trapFocus: true, returnFocus: true, lockScroll: false } },
  },
})
