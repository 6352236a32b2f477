from django.db.models import Q

from hoinhap.agencies.models import Agency, User
from hoinhap.api.base import ScopedReadOnlyViewSet
from hoinhap.api.serializers import AgencySerializer, PersonSerializer


class AgencyViewSet(ScopedReadOnlyViewSet):
    """The agency directory (active and historical bodies with their successors)."""

    queryset = Agency.objects.select_related("parent", "successor")
    serializer_class = AgencySerializer

    def get_queryset(self):
        qs = super().get_queryset()
        if self.request.query_params.get("active") in {"1", "true"}:
            qs = qs.filter(active=True)
        return qs


class PersonViewSet(ScopedReadOnlyViewSet):
    """People of the agencies the caller may see."""

    queryset = User.objects.select_related("agency")
    serializer_class = PersonSerializer

    def get_queryset(self):
        qs = super().get_queryset()
        q = self.request.query_params.get("q")
        return qs.filter(Q(username__icontains=q) | Q(last_name__icontains=q)) if q else qs
