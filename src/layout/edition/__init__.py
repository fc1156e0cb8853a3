"""Editions: numbered pages that know of each other (spec page-layout.md, "Editions
and 转版").

An edition file names the paper, the date and the pages in order; each page is a
page layout (a file or written inline) with its 版 number, section (版名) and editor.
The edition gives every page its 报眉, carries stories from one page to a later one
with engine-written jump lines (（下转第N版） / （上接第M版）) and a 接题, marks that
furniture as artifacts, and writes one PDF, or one plate per page.

Stages, as for a page: ``loader`` (YAML -> ``Edition``), ``place`` (pages placed in
order, jumps resolved), then ``output`` (render on all cores, plates, tags).
"""
