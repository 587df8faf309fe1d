"""Write the sentence encoder's computation graph (assistant/resources/minilm-l6.onnx).

    .venv/bin/python tools/build_encoder_graph.py          # needs `onnx` (requirements-dev.txt)

The graph is the all-MiniLM-L6-v2 transformer (6 layers, 384 wide, 12 heads) with mean pooling and
L2 normalisation, written with onnx.helper. Its output "embedding" is the sentence's vector (what
meanings are compared by); its output "layers" is the same mean pooling, L2-normalised, of each of
the five lower layers' outputs side by side [batch, 5 x 384]: the heads read it beside the
embedding, because the lower layers keep more of how a sentence is put ("glad to", "is out") than
the last one, which the model's training pulled toward what a sentence is about. onnxruntime
computes an output only when it is asked for, so plain encoding costs nothing more.

It holds no weights: every weight is an external initializer, supplied at load time from the
verified safetensors file of the pinned model package (assistant/resources/encoder.py), so the
package ships a ~19 KB graph and no copy of the model.

The six-layer stack's dense products run in int8 (weights quantized per output channel at load
time, activations quantized per batch): about twice as fast as fp32 on a laptop CPU, with
embeddings at cosine ~0.99 of fp32. Attention products, softmax, GELU and layer norms stay fp32.
The file is deterministic: running this again writes the same bytes (a unit test checks).
"""

from __future__ import annotations

import sys
from pathlib import Path

import numpy as np
import onnx
from onnx import TensorProto
from onnx import helper as h

OUT = Path(__file__).resolve().parents[1] / "assistant" / "resources" / "minilm-l6.onnx"
LAYERS, HIDDEN, HEADS, INTER, VOCAB, POSITIONS = 6, 384, 12, 1536, 30522, 512
DENSE = (("qkv", HIDDEN, 3 * HIDDEN), ("o", HIDDEN, HIDDEN), ("i", HIDDEN, INTER), ("f", INTER, HIDDEN))


def graph_bytes() -> bytes:
    nodes: list[onnx.NodeProto] = []
    weights: list[onnx.TensorProto] = []

    def weight(name: str, shape: list[int], dtype: int = TensorProto.FLOAT) -> str:
        tensor = TensorProto()
        tensor.name, tensor.data_type = name, dtype
        tensor.dims.extend(shape)
        tensor.data_location = TensorProto.EXTERNAL
        entry = tensor.external_data.add()
        entry.key, entry.value = "location", "supplied-at-load-time"
        weights.append(tensor)
        return name

    def const(name: str, values: list[int] | float) -> str:
        if isinstance(values, float):
            tensor = h.make_tensor(name, TensorProto.FLOAT, [], [values])
        else:
            tensor = h.make_tensor(name, TensorProto.INT64, [len(values)], values)
        nodes.append(h.make_node("Constant", [], [name], value=tensor))
        return name

    def op(kind: str, inputs: list[str], **attributes: object) -> str:
        out = f"t{len(nodes)}"
        nodes.append(h.make_node(kind, inputs, [out], **attributes))
        return out

    def dense(x: str, name: str) -> str:
        """x @ W + b with W int8 per output channel: (xq - xzp) @ Wq * (x_scale * w_scale) + b."""
        xq, xs, xzp = f"{name}.xq", f"{name}.xs", f"{name}.xzp"
        nodes.append(h.make_node("DynamicQuantizeLinear", [x], [xq, xs, xzp]))
        product = op("Cast", [op("MatMulInteger", [xq, name + "_q", xzp])], to=TensorProto.FLOAT)
        return op("Add", [op("Mul", [product, op("Mul", [xs, name + "_scale"])]), name + "_b"])

    ids = h.make_tensor_value_info("input_ids", TensorProto.INT64, ["batch", "tokens"])
    mask = h.make_tensor_value_info("attention_mask", TensorProto.FLOAT, ["batch", "tokens"])
    weight("word", [VOCAB, HIDDEN])
    weight("position", [POSITIONS, HIDDEN])
    weight("token_type", [HIDDEN])
    weight("embeddings_g", [HIDDEN])
    weight("embeddings_b", [HIDDEN])
    tokens = op("Gather", [op("Shape", ["input_ids"]), const("one", [1])], axis=0)
    positions = op("Slice", ["position", const("zero", [0]), tokens, const("axis0", [0])])
    x = op("Add", [op("Add", [op("Gather", ["word", "input_ids"]), positions]), "token_type"])
    x = op("LayerNormalization", [x, "embeddings_g", "embeddings_b"], axis=-1, epsilon=1e-12)
    one, half = const("one_f", 1.0), const("half_f", 0.5)
    rsqrt2, scale = const("rsqrt2_f", float(1 / np.sqrt(2.0))), const("scale_f", float(1 / np.sqrt(HIDDEN // HEADS)))
    bias = op("Mul", [op("Sub", [one, "attention_mask"]), const("masked_f", -10000.0)])
    bias = op("Unsqueeze", [bias, const("axes12", [1, 2])])
    splits = const("splits", [HIDDEN, HIDDEN, HIDDEN])
    by_head, joined = const("by_head", [0, 0, HEADS, HIDDEN // HEADS]), const("joined", [0, 0, HIDDEN])
    outputs: list[str] = []  # each layer's token states
    for layer in range(LAYERS):
        p = f"l{layer}."
        for name, rows, cols in DENSE:
            weight(p + name + "_q", [rows, cols], TensorProto.INT8)
            weight(p + name + "_scale", [cols])
            weight(p + name + "_b", [cols])
        for name in ("ln1_g", "ln1_b", "ln2_g", "ln2_b"):
            weight(p + name, [HIDDEN])
        q, k, v = p + "q", p + "k", p + "v"
        nodes.append(h.make_node("Split", [dense(x, p + "qkv"), splits], [q, k, v], axis=-1))
        q = op("Transpose", [op("Reshape", [q, by_head])], perm=[0, 2, 1, 3])
        k = op("Transpose", [op("Reshape", [k, by_head])], perm=[0, 2, 3, 1])
        v = op("Transpose", [op("Reshape", [v, by_head])], perm=[0, 2, 1, 3])
        attention = op("Softmax", [op("Add", [op("Mul", [op("MatMul", [q, k]), scale]), bias])], axis=-1)
        context = op("Reshape", [op("Transpose", [op("MatMul", [attention, v])], perm=[0, 2, 1, 3]), joined])
        x = op("LayerNormalization", [op("Add", [x, dense(context, p + "o")]), p + "ln1_g", p + "ln1_b"],
               axis=-1, epsilon=1e-12)
        inner = dense(x, p + "i")
        inner = op("Mul", [op("Mul", [inner, half]), op("Add", [op("Erf", [op("Mul", [inner, rsqrt2])]), one])])
        x = op("LayerNormalization", [op("Add", [x, dense(inner, p + "f")]), p + "ln2_g", p + "ln2_b"],
               axis=-1, epsilon=1e-12)
        outputs.append(x)
    mask3 = op("Unsqueeze", ["attention_mask", const("axis2", [2])])
    tokens_kept = op("ReduceSum", ["attention_mask", const("axis1b", [1])], keepdims=1)
    last, axis1 = const("last", [-1]), const("axis1", [1])

    def pooled(states: str) -> str:
        """The mean over the sentence's tokens, scaled to unit length."""
        mean = op("Div", [op("ReduceSum", [op("Mul", [states, mask3]), axis1], keepdims=0), tokens_kept])
        return op("Div", [mean, op("Sqrt", [op("ReduceSum", [op("Mul", [mean, mean]), last], keepdims=1)])])

    nodes.append(h.make_node("Identity", [pooled(x)], ["embedding"]))
    nodes.append(h.make_node("Concat", [pooled(states) for states in outputs[:-1]], ["layers"], axis=-1))
    out = [h.make_tensor_value_info("embedding", TensorProto.FLOAT, ["batch", HIDDEN]),
           h.make_tensor_value_info("layers", TensorProto.FLOAT, ["batch", (LAYERS - 1) * HIDDEN])]
    graph = h.make_graph(nodes, "all-MiniLM-L6-v2", [ids, mask], out, initializer=weights)
    model = h.make_model(graph, opset_imports=[h.make_opsetid("", 17)], producer_name="tools/build_encoder_graph.py")
    model.ir_version = 8
    return model.SerializeToString(deterministic=True)


def main() -> int:
    data = graph_bytes()
    OUT.write_bytes(data)
    print(f"{OUT.relative_to(Path.cwd()) if OUT.is_relative_to(Path.cwd()) else OUT}: {len(data)} bytes")
    return 0


if __name__ == "__main__":
    sys.exit(main())
