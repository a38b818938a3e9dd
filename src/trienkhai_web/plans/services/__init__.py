"""Writes for plans: import a document as a draft, correct the draft, map agency names, publish, and
change assignments after publication. Each function checks who may do it (raising `PermissionDenied`),
is one transaction, refuses bad input with a `trienkhai_web.errors.UserError` and leaves an audit entry.

    drafts      import, and the reviewer's edits through the core (`trienkhai.plans.editing`)
    agencies    what each agency name denotes, through the organisations app's services
    publishing  the reviewed draft into rows, references and cascade links
    tasks       a published task's organisations, timeframe and targets
"""

from trienkhai_web.plans.services.agencies import (
    ACCEPT_DEFAULT,
    accept_suggestions,
    add_alias_for,
    agency_review,
    auto_map,
    create_organisation_for,
    map_agency,
    map_scope,
    undecided_names,
    undo_decision,
)
from trienkhai_web.plans.services.drafts import (
    EDITABLE,
    SameDocument,
    add_draft_item,
    bullets_to_tasks,
    delete_draft_item,
    edit_draft_item,
    edit_header,
    import_document,
    load_draft,
    merge_draft_item,
    split_draft_item,
)
from trienkhai_web.plans.services.publishing import LeadlessTasks, leadless_tasks, publish
from trienkhai_web.plans.services.tasks import update_task_assignment

__all__ = [
    "ACCEPT_DEFAULT",
    "EDITABLE",
    "LeadlessTasks",
    "SameDocument",
    "accept_suggestions",
    "add_alias_for",
    "add_draft_item",
    "agency_review",
    "auto_map",
    "bullets_to_tasks",
    "create_organisation_for",
    "delete_draft_item",
    "edit_draft_item",
    "edit_header",
    "import_document",
    "leadless_tasks",
    "load_draft",
    "map_agency",
    "map_scope",
    "merge_draft_item",
    "publish",
    "split_draft_item",
    "undecided_names",
    "undo_decision",
    "update_task_assignment",
]
