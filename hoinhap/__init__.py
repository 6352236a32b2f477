"""hoinhap: the platform of Vietnam's National Steering Committee for International Integration."""

__version__ = "0.1.0"
