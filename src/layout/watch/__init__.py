"""``layout watch``: render a page again on every save of the layout, its text files,
photos, fonts or house style, in one process, with an optional live preview in the
browser (``--serve``).

- ``poll``: which watched files changed (modification time, size and inode, polled:
  no dependency, and it works on every file system, network mounts included);
- ``build``: one render as the CLI would do it, keeping the last good PDF when an edit
  breaks the page, with fonts and composed paragraphs kept warm between renders;
- ``marks``: what the preview draws over a page (overflow, underfill, holes);
- ``serve``: the local web page (127.0.0.1) with PNG previews that reload on change.
"""
