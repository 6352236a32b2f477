"""Base classes of the REST API: every queryset goes through agency scoping."""

from __future__ import annotations

from rest_framework import permissions, viewsets

from hoinhap.core.scoping import READ, WRITE, scope


class ScopedPermission(permissions.IsAuthenticated):
    """Reads for every signed-in person (scoped); writes only for roles that may write."""

    def has_permission(self, request, view):
        if not super().has_permission(request, view):
            return False
        return request.method in permissions.SAFE_METHODS or request.user.may_write


class ScopedReadOnlyViewSet(viewsets.ReadOnlyModelViewSet):
    permission_classes = [ScopedPermission]
    scope_mode = READ

    def get_queryset(self):
        mode = READ if self.request.method in permissions.SAFE_METHODS else WRITE
        return scope(self.queryset.all(), self.request.user, mode)
