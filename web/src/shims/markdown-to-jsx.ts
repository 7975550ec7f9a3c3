import { createElement, Fragment, type ReactNode } from 'react';

/**
 * Stand-in for markdown-to-jsx, which rjsf imports for markdown descriptions (`enableMarkdownInDescription`).
 * Our texts are plain text, so the shim renders them as such and saves its weight on every form page.
 */
export function Markdown({ children }: { children?: ReactNode }) {
  return createElement(Fragment, null, children);
}
