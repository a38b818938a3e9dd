"""Organisations: a tree of any depth, effective-dated, with aliases and successors.

Since 1 July 2025 districts are gone and provinces merged: an organisation is never deleted, it ends
(`valid_to`) and names its successors, so history before the change keeps its old units.
"""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _


class OrganisationKind(models.TextChoices):
    CENTRAL = "central", _("Central body")
    PROVINCE = "province", _("Province")
    DISTRICT = "district", _("District (before 1/7/2025)")
    COMMUNE = "commune", _("Commune, ward")
    PARTY_COMMITTEE = "party_committee", _("Party committee")
    STANDING_COMMITTEE = "standing_committee", _("Standing committee")
    PARTY_COMMISSION = "party_commission", _("Party commission")
    PARTY_DELEGATION = "party_delegation", _("Party delegation")
    PARTY_CELL = "party_cell", _("Party cell")
    PEOPLES_COUNCIL = "peoples_council", _("People's Council")
    PEOPLES_COMMITTEE = "peoples_committee", _("People's Committee")
    DEPARTMENT = "department", _("Department, agency")
    FRONT = "front", _("Fatherland Front")
    MASS_ORGANISATION = "mass_organisation", _("Socio-political or mass organisation")
    SCHOOL = "school", _("School, institute")
    MEDIA = "media", _("Press, media")
    ARMED_FORCES = "armed_forces", _("Armed forces, police")
    GROUP = "group", _("Group of bodies")
    OTHER = "other", _("Other")


class OrganisationLevel(models.TextChoices):
    """The level of government a body stands at (the registry's levels, `trienkhai.vocab.bodies`)."""

    NONE = "", _("Not set")
    CENTRAL = "central", _("Central")
    PROVINCE = "province", _("Province")
    DISTRICT = "district", _("District (before 1/7/2025)")
    COMMUNE = "commune", _("Commune, ward")


class Organisation(models.Model):
    name = models.CharField(_("name"), max_length=255)
    short_name = models.CharField(_("short name"), max_length=100, blank=True)
    kind = models.CharField(_("kind"), max_length=32, choices=OrganisationKind.choices, default=OrganisationKind.OTHER)
    level = models.CharField(_("level"), max_length=16, choices=OrganisationLevel.choices, blank=True, default="")
    parent = models.ForeignKey(
        "self", verbose_name=_("parent"), null=True, blank=True, on_delete=models.PROTECT, related_name="children"
    )
    code = models.SlugField(_("code"), max_length=64, unique=True, null=True, blank=True)
    email = models.EmailField(_("e-mail"), blank=True)
    valid_from = models.DateField(_("valid from"), null=True, blank=True)
    valid_to = models.DateField(_("valid to"), null=True, blank=True)
    # Canonical folded name (no diacritics, old/new tone placement equal) for matching agency names.
    match_key = models.CharField(max_length=255, db_index=True, editable=False, default="")
    version = models.PositiveIntegerField(default=1, editable=False)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("organisation")
        verbose_name_plural = _("organisations")
        ordering = ["name"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(valid_to__isnull=True)
                | models.Q(valid_from__isnull=True)
                | models.Q(valid_to__gte=models.F("valid_from")),
                name="organisation_valid_range",
            )
        ]

    def __str__(self) -> str:
        return self.name


class OrganisationAlias(models.Model):
    """Another name documents use for an organisation ("BTV Tỉnh ủy", "Ban DV TU")."""

    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="aliases")
    name = models.CharField(_("alias"), max_length=255)
    match_key = models.CharField(max_length=255, db_index=True, editable=False, default="")

    class Meta:
        verbose_name = _("alias")
        verbose_name_plural = _("aliases")
        constraints = [models.UniqueConstraint(fields=["organisation", "match_key"], name="alias_unique_per_org")]

    def __str__(self) -> str:
        return self.name


class SuccessionKind(models.TextChoices):
    MERGED_INTO = "merged_into", _("merged into")
    SPLIT_INTO = "split_into", _("split into")
    RENAMED_TO = "renamed_to", _("renamed to")


class Succession(models.Model):
    """`predecessor` ended on `date` and its work passed to `successor`."""

    predecessor = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="successions")
    successor = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="predecessions")
    kind = models.CharField(_("kind"), max_length=16, choices=SuccessionKind.choices)
    date = models.DateField(_("date"))

    class Meta:
        verbose_name = _("succession")
        verbose_name_plural = _("successions")
        constraints = [
            models.UniqueConstraint(fields=["predecessor", "successor"], name="succession_unique"),
            models.CheckConstraint(condition=~models.Q(predecessor=models.F("successor")), name="succession_not_self"),
        ]

    def __str__(self) -> str:
        return f"{self.predecessor} → {self.successor}"
