"""The linear structure check accepts and rejects exactly what the JSON Schema does."""

import copy

import jsonschema
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from argmap.errors import FormatError
from argmap.formats import native
from argmap.model.schema import BASES, KINDS, RELATIONS

VALIDATOR = jsonschema.Draft202012Validator(native.SCHEMA)

TEXT = st.text(max_size=4)
NUMBER = st.one_of(st.integers(-3, 3), st.floats(allow_nan=False), st.sampled_from([2.0, -1.0]))
SCALAR = st.one_of(
    st.none(),
    st.booleans(),
    NUMBER,
    TEXT,
    st.sampled_from(KINDS + RELATIONS + BASES + ("argmap", "")),
)
JSON = st.recursive(
    SCALAR,
    lambda inner: (
        st.lists(inner, max_size=3)
        | st.dictionaries(st.sampled_from(["doc", "start", "end", "quote", "x"]), inner, max_size=4)
    ),
    max_leaves=6,
)
SPAN = st.fixed_dictionaries(
    {"doc": TEXT, "start": st.integers(0, 9), "end": st.integers(0, 9), "quote": TEXT},
    optional={"x": JSON},
)
NODE = st.fixed_dictionaries(
    {"id": st.text(min_size=1, max_size=3), "kind": st.sampled_from(KINDS), "text": TEXT},
    optional={
        "basis": st.sampled_from(BASES + (None,)),
        "sources": st.lists(SPAN, max_size=2),
        "tags": st.lists(TEXT, max_size=2),
        "rating": st.one_of(st.none(), NUMBER),
        "pos": st.lists(NUMBER, min_size=2, max_size=2),
        "collapsed": st.booleans(),
        "citation": TEXT,
        "note": TEXT,
        "x-extra": JSON,
    },
)
EDGE = st.fixed_dictionaries(
    {"source": TEXT, "target": TEXT, "relation": st.sampled_from(RELATIONS)},
    optional={
        "strength": st.one_of(st.none(), NUMBER),
        "group": st.one_of(st.none(), TEXT),
        "note": st.one_of(st.none(), TEXT),
        "weight": JSON,
    },
)
DOCUMENT = st.fixed_dictionaries(
    {"id": st.text(min_size=1, max_size=3), "text": TEXT}, optional={"title": TEXT}
)
FILE = st.fixed_dictionaries(
    {
        "format": st.just("argmap"),
        "version": st.sampled_from([0, 1, 2, 1.0]),
        "nodes": st.lists(NODE, max_size=3),
        "edges": st.lists(EDGE, max_size=2),
    },
    optional={
        "map": st.fixed_dictionaries({}, optional={"title": TEXT, "x": JSON}),
        "documents": st.lists(DOCUMENT, max_size=2),
        "extra": JSON,
    },
)


def _places(value, path=()):
    """Yield the path of *value* and of everything inside it."""
    yield path
    if isinstance(value, dict):
        for key, item in value.items():
            yield from _places(item, path + (key,))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from _places(item, path + (index,))


@st.composite
def mutated(draw):
    """A valid file with one place replaced, removed, or given a new key."""
    data = draw(FILE)
    path = draw(st.sampled_from(list(_places(data))))
    if not path:
        return draw(st.one_of(FILE, JSON))
    holder = data
    for step in path[:-1]:
        holder = holder[step]
    action = draw(st.sampled_from(["replace", "remove", "add"]))
    if action == "remove" and isinstance(holder, dict):
        del holder[path[-1]]
    elif action == "add" and isinstance(holder[path[-1]], dict):
        key = draw(
            st.sampled_from(
                [
                    "id",
                    "kind",
                    "text",
                    "title",
                    "pos",
                    "start",
                    "basis",
                    "relation",
                    "tags",
                    "rating",
                    "collapsed",
                    "strength",
                ]
            )
        )
        holder[path[-1]][key] = draw(JSON)
    else:
        holder[path[-1]] = draw(JSON)
    return data


def _agree(data):
    schema_ok = VALIDATOR.is_valid(data)
    problem = native.structure_problem(copy.deepcopy(data))
    assert (problem is None) == schema_ok, (problem, data)


@settings(max_examples=200, suppress_health_check=[HealthCheck.too_slow])
@given(FILE)
def test_valid_files_pass_both(data):
    assert VALIDATOR.is_valid(data)
    _agree(data)


@settings(max_examples=800, suppress_health_check=[HealthCheck.too_slow])
@given(mutated())
def test_mutated_files_get_the_same_verdict(data):
    _agree(data)


@pytest.mark.parametrize(
    "data",
    [
        {"format": "argmap", "version": True, "nodes": [], "edges": []},
        {"format": "argmap", "version": 1.5, "nodes": [], "edges": []},
        {"format": "argmap", "version": 1, "nodes": [], "edges": [], "map": []},
        {
            "format": "argmap",
            "version": 1,
            "nodes": [{"id": "a", "kind": "claim", "text": "t", "pos": [1, True]}],
            "edges": [],
        },
        {
            "format": "argmap",
            "version": 1,
            "nodes": [
                {
                    "id": "a",
                    "kind": "claim",
                    "text": "t",
                    "sources": [{"doc": "d", "start": -1, "end": 1, "quote": ""}],
                }
            ],
            "edges": [],
        },
        {
            "format": "argmap",
            "version": 1,
            "nodes": [{"id": "a", "kind": "claim", "text": "t", "basis": False}],
            "edges": [],
        },
        {
            "format": "argmap",
            "version": 1,
            "nodes": [],
            "edges": [{"source": "a", "target": "b", "relation": ["supports"]}],
        },
    ],
)
def test_edge_cases_are_rejected_by_both(data):
    assert not VALIDATOR.is_valid(data)
    assert native.structure_problem(data) is not None


def test_the_schema_still_words_the_message(tmp_path):
    path = tmp_path / "map.argmap"
    path.write_text(
        '{"format": "argmap", "version": 1, "nodes": [{"id": "a", "kind": "claim",'
        ' "text": "t", "tags": ["x", 3]}], "edges": []}',
        encoding="utf-8",
    )
    with pytest.raises(FormatError) as info:
        native.load(path)
    assert info.value.where == "$.nodes[0].tags[1]"
    assert "expected string, found a number" in str(info.value)


def _chain_file(count):
    """A valid file of *count* claims, each supporting the one before."""
    nodes = [
        {"id": f"n{i}", "kind": "claim", "text": "t", "pos": [i, 0], "tags": ["a"]}
        for i in range(count)
    ]
    edges = [
        {"source": f"n{i}", "target": f"n{i - 1}", "relation": "supports"} for i in range(1, count)
    ]
    return {"format": "argmap", "version": 1, "nodes": nodes, "edges": edges}


def test_a_large_file_is_checked_in_linear_time(assert_linear):
    """The check's CPU time grows linearly with the file (a quadratic check would take
    minutes on 100,000 nodes)."""
    assert native.structure_problem(_chain_file(1000)) is None
    assert_linear(_chain_file, native.structure_problem, 5000)
