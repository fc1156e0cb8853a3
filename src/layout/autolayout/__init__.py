"""Automatic layout of archived pages (issue 6): stories in reading order placed
on a page template as a layout editor would, by a guillotine search over the
stories' reachable shapes (shared/spec/page-layout.md).

``auto_layout(stories, template, fonts) -> AutoLayout``; ``load_template(name)``;
``stories_from_archive(page)`` turns an imported archive into stories.
"""

from layout.autolayout.content import Continued, stories_from_archive
from layout.autolayout.layout import AutoLayout, auto_layout, rank_stories
from layout.autolayout.metrics import Metrics, PageMetrics
from layout.autolayout.shapes import Costs
from layout.autolayout.template import load_template

__all__ = ["AutoLayout", "Continued", "Costs", "Metrics", "PageMetrics", "auto_layout", "load_template",
           "rank_stories", "stories_from_archive"]
