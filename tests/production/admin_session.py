"""Signing in to the admin and saving a change form over plain HTTP, as a browser would.

The servers run with production settings behind an assumed TLS proxy, so every
request carries ``X-Forwarded-Proto: https`` and cookies (marked Secure) are
kept here by hand.
"""

import html.parser
import http.cookies
import urllib.parse

from bench.servers import Site


class FormFields(html.parser.HTMLParser):
    """The fields a browser would submit from the form with the given id."""

    def __init__(self, form_id):
        super().__init__(convert_charrefs=True)
        self.form_id = form_id
        self.inside = False
        self.fields = []
        self.select = None  # (name, multiple, options, chosen)
        self.textarea = None  # [name, text]

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "form":
            self.inside = attrs.get("id") == self.form_id
        if not self.inside or "disabled" in attrs:
            return
        name = attrs.get("name")
        if tag == "input" and name:
            kind = attrs.get("type", "text")
            if kind in ("checkbox", "radio"):
                if "checked" in attrs:
                    self.fields.append((name, attrs.get("value", "on")))
            elif kind not in ("submit", "button", "image", "reset", "file"):
                self.fields.append((name, attrs.get("value", "")))
        elif tag == "select" and name:
            self.select = (name, "multiple" in attrs, [], [])
        elif tag == "option" and self.select:
            value = attrs.get("value", "")
            self.select[2].append(value)
            if "selected" in attrs:
                self.select[3].append(value)
        elif tag == "textarea" and name:
            self.textarea = [name, ""]

    def handle_data(self, data):
        if self.textarea:
            self.textarea[1] += data

    def handle_endtag(self, tag):
        if tag == "form":
            self.inside = False
        elif tag == "select" and self.select:
            name, multiple, options, chosen = self.select
            if not chosen and not multiple and options:
                chosen = options[:1]
            self.fields += [(name, value) for value in chosen]
            self.select = None
        elif tag == "textarea" and self.textarea:
            name, text = self.textarea
            # Browsers drop the newline that follows the opening tag.
            self.fields.append((name, text.removeprefix("\n").replace("\r\n", "\n")))
            self.textarea = None


class AdminSession:
    """One signed-in editor on one server."""

    def __init__(self, site: Site):
        self.site = site
        self.cookies = {}
        self.origin = f"https://127.0.0.1:{site.port}"

    def request(self, method, path, fields=None):
        headers = {"Referer": self.origin + path, "Origin": self.origin}
        if self.cookies:
            headers["Cookie"] = "; ".join(f"{k}={v}" for k, v in self.cookies.items())
        body = None
        if fields is not None:
            body = urllib.parse.urlencode(fields)
            headers["Content-Type"] = "application/x-www-form-urlencoded"
        status, response_headers, content = self.site.request(
            method, path, headers=headers, body=body, host=f"127.0.0.1:{self.site.port}"
        )
        for line in response_headers.get_all("Set-Cookie") or []:
            for name, morsel in http.cookies.SimpleCookie(line).items():
                self.cookies[name] = morsel.value
        return status, response_headers, content.decode()

    def form(self, path, form_id):
        status, _, page = self.request("GET", path)
        assert status == 200, f"GET {path} answered {status}"
        parser = FormFields(form_id)
        parser.feed(page)
        return parser.fields

    def log_in(self, username, password):
        fields = dict(self.form("/admin/login/", "login-form"))
        fields.update(username=username, password=password)
        status, headers, _ = self.request("POST", "/admin/login/", fields)
        assert (status, headers["Location"]) == (302, "/admin/"), "sign-in refused"

    def save(self, path, form_id, changes):
        """Submit the change form at ``path`` as shown, with ``changes`` applied."""
        fields = [(k, v) for k, v in self.form(path, form_id) if k not in changes]
        fields += [*changes.items(), ("_save", "Save")]
        status, headers, page = self.request("POST", path, fields)
        return status, headers.get("Location"), page
