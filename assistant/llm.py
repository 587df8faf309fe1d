"""An optional second opinion from a language model, over an OpenAI-compatible chat API (Ollama,
llama.cpp server, LM Studio). IO. Off unless `[llm] url` is set.

Before the digest goes out, the best introduction candidates are shown to the model, one call each,
up to `max_calls`: is the asker really asking for help (not a task for the owner, not a newsletter),
and would this helper fit? The answer must follow a JSON schema. A clear "no" leaves the suggestion
out; anything else (no answer, a timeout, an error, an answer off the schema) leaves the local
result as it was, and after the first failure no more calls are made in that run. The URL must be on
this machine unless `allow_remote = true` (settings.toml says that sends mail text away). The prompt
holds the sentences the suggestion quotes and the helper's profile; the API key, if any, comes from
the environment and is never logged.
"""

from __future__ import annotations

import http.client
import json
import logging
import ssl
import urllib.error
import urllib.parse
import urllib.request
from dataclasses import dataclass
from typing import Any

logger = logging.getLogger(__name__)

SYSTEM = ("You check suggestions made by a networking assistant for its user. The user's contact wrote "
          "the quoted sentence in an email. Answer only with JSON that follows the schema.")
SCHEMA: dict[str, Any] = {
    "type": "object",
    "properties": {
        "asks_for_help": {"type": "boolean", "description": "the sentence asks the user for a person, a "
                          "recommendation or help finding someone (not a task for the user, not marketing)"},
        "helper_fits": {"type": "boolean", "description": "the proposed helper, by their profile, could "
                        "plausibly help with what is asked"},
        "reason": {"type": "string", "description": "one short sentence"},
    },
    "required": ["asks_for_help", "helper_fits", "reason"],
    "additionalProperties": False,
}
MAX_ANSWER = 200_000  # bytes read from the server


@dataclass(frozen=True)
class Verdict:
    keep: bool
    reason: str


class SecondOpinion:
    """One run's calls to the model: at most max_calls, none after the first failure."""

    def __init__(self, url: str, model: str, *, max_calls: int = 50, timeout: float = 30.0,
                 api_key: str | None = None) -> None:
        self.endpoint = url.rstrip("/") + "/chat/completions"
        self.model, self.max_calls, self.timeout = model, max_calls, timeout
        self._api_key = api_key
        self._open = _opener().open  # built once: the CA bundle is read once per run, not per call
        self.calls, self.failed = 0, False
        self.where = urllib.parse.urlsplit(url).netloc

    def intro(self, suggestion: str, helper_profile: str) -> Verdict | None:
        """The model's verdict on one suggested introduction, or None (the local result stands)."""
        if self.failed or self.calls >= self.max_calls:
            return None
        self.calls += 1
        prompt = (f"Suggested introduction:\n{suggestion}\n\nThe proposed helper's profile:\n{helper_profile}\n\n"
                  "Does the contact ask for help, and does the helper fit?")
        try:
            answer = self._chat(prompt)
        except (urllib.error.URLError, http.client.HTTPException, OSError, ValueError, KeyError, TypeError,
                IndexError) as exc:
            self.failed = True
            logger.warning("[llm] %s gave no usable answer (%s); the digest keeps its own judgement",
                           self.where, _short(exc))
            return None
        return Verdict(answer["asks_for_help"] and answer["helper_fits"], str(answer["reason"])[:300])

    def _chat(self, prompt: str) -> dict[str, Any]:
        body = {"model": self.model, "temperature": 0, "stream": False,
                "messages": [{"role": "system", "content": SYSTEM}, {"role": "user", "content": prompt}],
                "response_format": {"type": "json_schema",
                                    "json_schema": {"name": "intro_check", "strict": True, "schema": SCHEMA}}}
        headers = {"Content-Type": "application/json", "Accept": "application/json"}
        if self._api_key:
            headers["Authorization"] = f"Bearer {self._api_key}"
        request = urllib.request.Request(self.endpoint, data=json.dumps(body).encode(), headers=headers,
                                         method="POST")
        with self._open(request, timeout=self.timeout) as response:
            data = json.loads(response.read(MAX_ANSWER).decode("utf-8"))
        content = data["choices"][0]["message"]["content"]
        answer = json.loads(content) if isinstance(content, str) else content
        if not (isinstance(answer, dict) and isinstance(answer.get("asks_for_help"), bool)
                and isinstance(answer.get("helper_fits"), bool) and isinstance(answer.get("reason"), str)):
            raise ValueError("the answer does not follow the schema")
        return answer


class _NoRedirects(urllib.request.HTTPRedirectHandler):
    """A redirect is a failure: the prompt and the key go to the URL in the settings and nowhere else."""

    def redirect_request(self, *args: Any, **kwargs: Any) -> None:
        return None


def _opener() -> urllib.request.OpenerDirector:
    """Straight to the server: no proxy from the environment (it would see the mail text and the key),
    no redirects, certificates verified."""
    context = ssl.create_default_context()
    return urllib.request.build_opener(urllib.request.ProxyHandler({}), _NoRedirects(),
                                       urllib.request.HTTPSHandler(context=context))


def _short(exc: BaseException) -> str:
    reason = getattr(exc, "reason", None) or getattr(exc, "code", None) or exc
    return " ".join(str(reason).split())[:120] or type(exc).__name__
