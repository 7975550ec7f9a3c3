/**
 * The stylesheet of the server's own staff pages (sign-in confirmation, action links), served same-origin at
 * `PAGE_STYLE_PATH` because the CSP allows no inline style. It repeats the few rules of the web app's base and staff
 * header those pages need (web/src/styles/base.css, pages.css): the same colours, type, focus band, and buttons and
 * links of 44 px and more, at 360 px wide and at 200 % text.
 */
export const PAGE_STYLE_PATH = '/auth/pages.css';

export const PAGE_STYLE = `:root {
  --text: #0b0c0c;
  --muted: #484949;
  --bg: #ffffff;
  --panel: #f3f2f1;
  --line: #505a5f;
  --brand: #003c71;
  --link: #1d4ed8;
  --link-visited: #5b21b6;
  --focus: #ffdd00;
  --ok: #006435;
  --radius: 0.375rem;
  --edge: min(1rem, 4vw);
  color-scheme: light;
}
*, *::before, *::after { box-sizing: border-box; }
html { font-size: 112.5%; -webkit-text-size-adjust: 100%; text-size-adjust: 100%; }
body {
  margin: 0;
  font-family: system-ui, -apple-system, 'Segoe UI', Roboto, 'Noto Sans', Tahoma, sans-serif;
  line-height: 1.5;
  color: var(--text);
  background: var(--bg);
  overflow-wrap: anywhere;
}
.site-header { background: var(--brand); color: #fff; }
.site-header__inner, .page {
  max-inline-size: 40rem;
  margin-inline: auto;
  padding-inline: var(--edge);
}
.site-header__inner { padding-block: 0.5rem; }
.brand, .brand:visited {
  display: inline-flex;
  align-items: center;
  min-block-size: 2.75rem;
  color: #fff;
  font-weight: 700;
  font-size: 1.1rem;
  text-decoration: none;
}
.brand:hover { text-decoration: underline; }
.brand__area { margin-inline-start: 0.5em; font-weight: 400; }
.page { display: block; padding-block: 0.5rem 3rem; }
h1 { font-size: 1.75rem; line-height: 1.25; margin-block: 1.5rem 0.75rem; overflow-wrap: break-word; }
p { margin-block: 0 1rem; }
a { color: var(--link); text-decoration-thickness: 0.08em; text-underline-offset: 0.15em; }
a:visited { color: var(--link-visited); }
a:hover { text-decoration-thickness: 0.18em; }
:focus-visible { outline: 3px solid var(--text); outline-offset: 0; box-shadow: 0 0 0 6px var(--focus); }
.page-link { display: inline-flex; align-items: center; min-block-size: 2.75rem; }
.page-form { margin-block: 0 1.5rem; }
.button {
  display: inline-flex;
  align-items: center;
  justify-content: center;
  min-block-size: 3rem;
  min-inline-size: min(8rem, 100%);
  max-inline-size: 100%;
  padding-block: 0.6rem;
  padding-inline: min(1.25rem, 4vw);
  border: 2px solid var(--ok);
  border-radius: var(--radius);
  background: var(--ok);
  color: #fff;
  font: inherit;
  font-weight: 700;
  box-shadow: 0 3px 0 #002d18;
  cursor: pointer;
}
.button:hover { background: #004e2a; }
.button:active { transform: translateY(2px); box-shadow: none; }
.page-state {
  padding-block: 0.5rem;
  padding-inline: 0.75rem;
  border-inline-start: 0.25rem solid var(--line);
  background: var(--panel);
}
`;
