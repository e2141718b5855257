from corridor.attraction.views import pipeline, pitch, risk

urlpatterns = [*pipeline.urlpatterns, *pitch.urlpatterns, *risk.urlpatterns]
