"""Factories for the organisations tests (built on the shared ones)."""

from __future__ import annotations

import factory

from tests.web.factories import OrganisationFactory
from trienkhai_web.organisations.models import OrganisationAlias


class AliasFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = OrganisationAlias

    organisation = factory.SubFactory(OrganisationFactory)
    name = factory.Sequence(lambda n: f"Tên khác {n}")
    match_key = factory.LazyAttribute(lambda o: __import__("trienkhai.text.vietnamese", fromlist=["fold"]).fold(o.name))


__all__ = ["AliasFactory", "OrganisationFactory"]
