from django.apps import AppConfig


class ReviewsConfig(AppConfig):
    name = "hoinhap.reviews"
    verbose_name = "Rà soát văn bản quy phạm pháp luật"
