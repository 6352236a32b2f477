from django.urls import NoReverseMatch, reverse

from hoinhap.core.navigation import ENTRIES


def navigation(request):
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {"nav_entries": []}
    entries = []
    for name, label, allowed in ENTRIES:
        if allowed is not None and not allowed(user):
            continue
        try:
            url = reverse(name)
        except NoReverseMatch:
            continue
        active = request.path == url if url == "/" else request.path.startswith(url)
        entries.append({"url": url, "label": label, "active": active})
    return {"nav_entries": entries}
