from django.apps import AppConfig


class BenchConfig(AppConfig):
    name = "corridor.bench"
    label = "bench"
    verbose_name = "Benchmarks"
