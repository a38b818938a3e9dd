"""Sign-in (password, then the code when two-step sign-in is on) and the two-step set-up page."""

from __future__ import annotations

from typing import Any

from django.contrib.auth import login
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import redirect, render
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods
from django_otp import login as otp_login

from trienkhai_web.accounts import two_factor
from trienkhai_web.errors import UserError


class LoginView(auth_views.LoginView):
    """Django's sign-in, which stops half-way for users with a second factor."""

    def form_valid(self, form: Any) -> HttpResponse:
        user = form.get_user()
        if two_factor.confirmed_device(user) is None:
            return super().form_valid(form)
        two_factor.hold(self.request, user, self.get_success_url())
        return redirect("accounts:two_factor_verify")


@require_http_methods(["GET", "POST"])
def verify(request: HttpRequest) -> HttpResponse:
    """The second step: the 6-digit code from the authenticator app."""
    pending = two_factor.pending_user(request)
    if pending is None:
        return redirect("login")
    user, state = pending
    error = ""
    if request.method == "POST":
        device = two_factor.check_code(request, user, state, request.POST.get("code", ""))
        if device is not None:
            login(request, user, backend=state["backend"])
            otp_login(request, device)
            target = state.get("next") or "/"
            if not url_has_allowed_host_and_scheme(target, allowed_hosts={request.get_host()},
                                                   require_https=request.is_secure()):
                target = "/"
            return HttpResponseRedirect(target)
        if two_factor.pending_user(request) is None:
            return render(request, "registration/login.html",
                          {"locked_message": _("Too many wrong codes. Sign in again with your password.")},
                          status=429)
        error = _("The code is not right. Type the 6 digits the app shows now.")
    return render(request, "registration/login_code.html", {"error": error}, status=400 if error else 200)


@login_required
@require_http_methods(["GET", "POST"])
def setup(request: HttpRequest) -> HttpResponse:
    """Turn two-step sign-in on (scan, then type a code) or off (type a code)."""
    user = request.user
    error = ""
    if request.method == "POST":
        action = request.POST.get("action", "")
        try:
            if action == "start":
                two_factor.start_setup(user)
            elif action == "confirm":
                device = two_factor.confirm_setup(user, code=request.POST.get("code", ""))
                otp_login(request, device)
                return redirect("accounts:two_factor")
            elif action == "disable":
                two_factor.disable(user, code=request.POST.get("code", ""))
                return redirect("accounts:two_factor")
        except UserError as refused:
            error = str(refused)
    device = two_factor.confirmed_device(user)
    pending = None if device else two_factor.pending_device(user)
    context = {"enabled": device is not None, "pending": pending, "error": error,
               "required": two_factor.must_use(user), "verified": getattr(user, "is_verified", bool)()}
    if pending is not None:
        context.update(qr=two_factor.qr_svg(pending, user), secret=two_factor.secret_text(pending))
    return render(request, "accounts/two_factor.html", context, status=400 if error else 200)
