from django.contrib.auth.backends import ModelBackend


class AgencyAuthBackend(ModelBackend):
    """Lets the login form say *why* an account may not sign in (inactive, no agency, demo)."""

    def user_can_authenticate(self, user):
        return True
