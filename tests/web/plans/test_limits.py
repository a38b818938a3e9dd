"""Column sizes are read from the models, once: long values of a draft are cut where they are stored."""

from __future__ import annotations

import pytest

from tests.web.factories import DraftPlanFactory, OrganisationFactory, user_with_role
from trienkhai_web.accounts.models import Role
from trienkhai_web.plans import services
from trienkhai_web.plans.forms import TaskAssignmentForm
from trienkhai_web.plans.limits import fit, max_length
from trienkhai_web.plans.models import Plan, Task

pytestmark = pytest.mark.django_db


def test_fit_cuts_to_each_column_and_leaves_other_fields():
    values = fit(Plan, number="9" * 100, place=None, title="t" * 5000, issued_on=None)
    assert len(values["number"]) == Plan._meta.get_field("number").max_length
    assert values["place"] == "" and len(values["title"]) == 5000 and values["issued_on"] is None


def test_the_form_takes_its_limit_from_the_model():
    assert TaskAssignmentForm().fields["timeframe"].max_length == max_length(Task, "timeframe")


def test_a_long_edited_timeframe_is_stored_cut_to_its_column():
    monitor = user_with_role(Role.MONITOR, OrganisationFactory(name="Ban Dân vận Tỉnh ủy"), username="giamsat")
    plan = DraftPlanFactory()
    long_timeframe = "Quý I/2024, " + "tiếp tục " * 40
    plan = services.edit_draft_item(monitor, plan, version=plan.version, kind="task", key="0",
                                    fields={"timeframe": long_timeframe})
    assert plan.draft["tasks"][0]["timeframe"] == long_timeframe.strip()  # the core keeps it whole
    for name in services.undecided_names(plan):
        plan = services.map_agency(monitor, plan, version=plan.version, name=name, organisation=None)
    plan = services.publish(monitor, plan, version=plan.version,
                            allow_leadless=True)  # every name mapped to none: no leads, on purpose
    task = plan.tasks.get(no="1")
    assert task.timeframe == long_timeframe.strip()[:max_length(Task, "timeframe")]
    assert task.due_date is not None and task.due_date.isoformat() == "2024-03-31"
