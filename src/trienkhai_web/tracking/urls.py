from django.urls import path

from trienkhai_web.tracking import review_views, views

app_name = "tracking"
urlpatterns = [
    path("viec-can-lam/", views.todo, name="todo"),
    path("theo-doi/", views.overview, name="overview"),
    path("theo-doi/bao-cao-don-vi/", views.my_reports, name="my_reports"),
    path("theo-doi/ke-hoach/<int:plan_id>/", views.dashboard, name="dashboard"),
    path("theo-doi/ke-hoach/<int:plan_id>/che-do-bao-cao/", views.schedule, name="schedule"),
    path("theo-doi/ke-hoach/<int:plan_id>/duyet/", views.review_list, name="review_list"),
    path("theo-doi/ke-hoach/<int:plan_id>/nhac/<int:org_id>/", views.remind, name="remind"),
    path("theo-doi/ke-hoach/<int:plan_id>/luoi-duyet/", views.approval_grid, name="approval_grid"),
    path("theo-doi/ke-hoach/<int:plan_id>/nhac-tat-ca/", views.remind_all, name="remind_all"),
    path("theo-doi/ke-hoach/<int:plan_id>/don-vi/<int:org_id>/<str:code>/", views.unit_entry, name="unit_entry"),
    path("theo-doi/bao-cao/<int:pk>/", views.report, name="report"),
    path("theo-doi/bao-cao/<int:pk>/luu/", views.autosave, name="autosave"),
    path("theo-doi/bao-cao/<int:pk>/minh-chung/<int:target_id>/", views.evidence, name="evidence"),
    path("theo-doi/minh-chung/<int:pk>/", views.evidence_file, name="evidence_file"),
    path("theo-doi/minh-chung/<int:pk>/xoa/", views.evidence_remove, name="evidence_remove"),
    path("theo-doi/bao-cao/<int:pk>/minh-chung-nhiem-vu/<int:task_id>/", views.task_evidence,
         name="task_evidence"),
    path("theo-doi/bao-cao/<int:pk>/hoat-dong/", review_views.activity_add, name="activity_add"),
    path("theo-doi/hoat-dong/<int:pk>/xoa/", review_views.activity_remove, name="activity_remove"),
    path("theo-doi/bao-cao/<int:pk>/nop/", views.submit, name="submit"),
    path("theo-doi/bao-cao/<int:pk>/chuyen-truong-don-vi/", views.handoff, name="handoff"),
    path("theo-doi/bao-cao/<int:pk>/da-mo/", views.opened, name="opened"),
    path("theo-doi/bao-cao/<int:pk>/duyet/", views.review, name="review"),
    path("theo-doi/bao-cao/<int:pk>/giai-trinh/", views.ask, name="ask"),
    path("theo-doi/giai-trinh/<int:pk>/", views.explanation, name="explanation"),
    path("theo-doi/don-vi/<int:org_id>/", views.organisation_page, name="organisation"),
    path("theo-doi/don-vi/<int:org_id>/cai-dat/", views.unit_settings, name="unit_settings"),
    path("theo-doi/thong-bao/", views.notifications, name="notifications"),
]
