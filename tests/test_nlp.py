"""The NLP adapter (generator/extract/nlp.py): the one file that knows the model."""

from __future__ import annotations

import pytest

from generator.extract import nlp
from generator.extract.options import Options


def _doc(text: str) -> nlp.Doc:
    model = nlp.load_nlp(Options().model_name())
    return nlp.parse(model, [text])[0]


def test_sentences_rejoin_after_an_abbreviation_but_split_real_ends() -> None:
    doc = _doc("Officials in the U.S. said the talks failed. Aid groups said they would stay.")
    got = [s.text.strip() for s in nlp.sentences(doc)]
    assert got == [
        "Officials in the U.S. said the talks failed.",
        "Aid groups said they would stay.",
    ]


def test_token_features_the_rules_read() -> None:
    doc = _doc("The minister said the bridge was closed.")
    said = next(t for t in doc if t.text == "said")
    assert nlp.lemma(said) == "say" and nlp.is_verb(said)
    subject = nlp.children(said, "nsubj")
    assert [t.text for t in subject] == ["minister"]
    assert [t.text for t in nlp.subtree(subject[0])] == ["The", "minister"]
    assert not nlp.is_verb(subject[0]) and nlp.pos(subject[0]) == "NOUN"


def test_options_still_resolve_the_model_through_the_adapter(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    assert Options(model="some_model").model_name() == "some_model"
    monkeypatch.setenv("BRIEFINGS_SPACY_MODEL", "env_model")
    assert Options().model_name() == "env_model" == nlp.resolve_model(None)
