from rest_framework import serializers

from hoinhap.agencies.models import Agency, User


class AgencySerializer(serializers.ModelSerializer):
    parent = serializers.SlugRelatedField(slug_field="code", read_only=True)
    successor = serializers.SlugRelatedField(slug_field="code", read_only=True)

    class Meta:
        model = Agency
        fields = [
            "id",
            "code",
            "name",
            "kind",
            "group",
            "parent",
            "aliases",
            "active",
            "abolished",
            "successor",
        ]


class PersonSerializer(serializers.ModelSerializer):
    agency = serializers.SlugRelatedField(slug_field="code", read_only=True)

    class Meta:
        model = User
        fields = [
            "id",
            "username",
            "last_name",
            "first_name",
            "email",
            "position",
            "agency",
            "role",
            "is_active",
        ]
