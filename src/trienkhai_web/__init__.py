"""The Django application shell around the trienkhai core: settings, auth, apps by domain."""
