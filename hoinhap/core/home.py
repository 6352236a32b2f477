"""Home page sections contributed by the areas (so core does not import them).

Each entry is ``(template name, "dotted.path.to.context_function")``; the function takes the person
and returns the template's context (already scoped), or None to show nothing.
"""

from __future__ import annotations

from django.utils.module_loading import import_string

WIDGETS = [
    ("tasks/_home_widget.html", "hoinhap.tasks.selectors.home_widget"),
]


def widgets(user) -> list[dict]:
    shown = []
    for template, path in WIDGETS:
        context = import_string(path)(user)
        if context is not None:
            shown.append({"template": template, "context": context})
    return shown
