from django.urls import path

from corridor.workforce.views import gaps, occupations, programs

urlpatterns = [
    path("", gaps.gap_page, name="workforce-gaps"),
    path("export.csv", gaps.gap_csv, name="workforce-gaps-csv"),
    path("export.xlsx", gaps.gap_xlsx, name="workforce-gaps-xlsx"),
    path("heat-map/", gaps.heat_map, name="workforce-heat-map"),
    path("occupations/", occupations.occupation_list, name="occupation-list"),
    path("occupations/unmapped/", occupations.unmapped_occupations, name="unmapped-occupations"),
    path(
        "occupations/unmapped/<int:pk>/map/",
        occupations.map_occupation,
        name="map-occupation",
    ),
    path("occupations/<str:code>/", occupations.occupation_detail, name="occupation-detail"),
    path("programs/", programs.program_list, name="training-program-list"),
    path("programs/new/", programs.program_edit, name="training-program-create"),
    path("programs/<int:pk>/", programs.program_detail, name="training-program-detail"),
    path("programs/<int:pk>/edit/", programs.program_edit, name="training-program-edit"),
]
