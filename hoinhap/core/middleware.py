from django.conf import settings
from django.contrib.auth.views import redirect_to_login

PUBLIC_PREFIXES = ("/static/", "/dang-nhap/", "/i18n/", "/api/", "/suc-khoe/")


class LoginRequiredMiddleware:
    """Every page needs a signed-in, active person; the API authenticates by token itself."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = request.user
        if not request.path.startswith(PUBLIC_PREFIXES) and not (user.is_authenticated and user.is_active):
            return redirect_to_login(request.get_full_path(), settings.LOGIN_URL)
        return self.get_response(request)
