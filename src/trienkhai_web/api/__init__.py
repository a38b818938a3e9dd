"""The JSON API (a plain package, not an app): serializers and viewsets registered in `api_urls.py`.

Every viewset asks the same permission functions as the pages (`accounts.permissions`): querysets are
filtered by what the user may see, and each object is checked before it is shown. Whether a change is
allowed is the services' decision; their refusals become responses in `api.errors.exception_handler`.
"""
