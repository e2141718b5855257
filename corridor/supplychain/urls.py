from django.urls import path

from corridor.supplychain.views import chain_map, gaps, needs, search, tags, taxonomy

urlpatterns = [
    path("", chain_map.supply_map, name="supply-chain-map"),
    path("search/", search.supplier_search, name="supplier-search"),
    path("search/export.csv", search.supplier_search_export, name="supplier-search-export"),
    path("needs/", needs.need_list, name="need-list"),
    path("needs/new/", needs.need_edit, name="need-create"),
    path("needs/<int:pk>/", needs.need_detail, name="need-detail"),
    path("needs/<int:pk>/edit/", needs.need_edit, name="need-edit"),
    path("needs/<int:pk>/introduce/", needs.need_introduce, name="need-introduce"),
    path("needs/<int:pk>/status/", needs.need_status, name="need-status"),
    path(
        "introductions/<int:pk>/outcome/",
        needs.introduction_outcome,
        name="introduction-outcome",
    ),
    path("gaps/", gaps.gap_page, name="supply-gaps"),
    path("gaps/export.csv", gaps.gap_csv, name="supply-gaps-csv"),
    path("gaps/export.xlsx", gaps.gap_xlsx, name="supply-gaps-xlsx"),
    path("capabilities/", taxonomy.capability_list, name="capability-list"),
    path(
        "facilities/<int:pk>/capabilities/",
        tags.facility_capabilities,
        name="facility-capabilities",
    ),
    path(
        "facilities/<int:pk>/capabilities/<int:tag_pk>/remove/",
        tags.facility_capability_remove,
        name="facility-capability-remove",
    ),
]
