"""Index updates on every save and delete of an indexed model (raw fixture loads excepted)."""

from __future__ import annotations

from typing import Any

from django.db.models.signals import post_delete, post_save

from trienkhai_web.search.documents import INDEXED_MODELS


def _saved(sender: type, instance: Any, raw: bool = False, **kwargs: Any) -> None:
    if raw:
        return
    from trienkhai_web.search.index import reindex

    reindex(instance)


def _deleted(sender: type, instance: Any, **kwargs: Any) -> None:
    from trienkhai_web.search.index import remove

    remove(instance)


def connect() -> None:
    for model in INDEXED_MODELS:
        post_save.connect(_saved, sender=model, dispatch_uid=f"search-save-{model.__name__}")
        post_delete.connect(_deleted, sender=model, dispatch_uid=f"search-delete-{model.__name__}")
