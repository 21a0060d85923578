"""The portfolio site: the career (kb/career) and the timeline rendered as plain HTML pages with
relative links, so the very same files are served by `kb serve` at `/` and written by
`kb site build` for a static host under any sub-path. Pages need no script (the home page's search
box and timeline filter are what assets/site.js adds); kb/ stays free of
Markdown: post bodies are rendered by a function the composition root hands in."""
