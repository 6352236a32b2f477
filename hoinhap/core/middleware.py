from django.conf import settings
from django.contrib.auth.views import redirect_to_login
from django.utils import translation

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


class VietnameseFirstLocaleMiddleware:
    """Vietnamese unless the person chose another language (the switch sets a cookie).

    Unlike Django's LocaleMiddleware, the browser's Accept-Language is not used: officials on an
    English-language browser still get the Vietnamese interface by default.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        chosen = request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME)
        supported = {code for code, _name in settings.LANGUAGES}
        language = chosen if chosen in supported else settings.LANGUAGE_CODE
        translation.activate(language)
        request.LANGUAGE_CODE = language
        response = self.get_response(request)
        response.headers.setdefault("Content-Language", language)
        translation.deactivate()
        return response
