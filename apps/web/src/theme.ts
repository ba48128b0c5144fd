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
    Modal: { defaultProps: { trapFocus: true, returnFocus: true } },
  },
})
