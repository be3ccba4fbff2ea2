"""`Node.walk`: every node, parent before children, in document order."""

from __future__ import annotations

from lawgov_check.model import Node


def test_walk_is_document_order() -> None:
    leaf = lambda name: Node(name, 0, 0, name)  # noqa: E731
    root = Node("root", 0, 0, "", children=[
        Node("a", 0, 0, "a", children=[leaf("a1"), Node("a2", 0, 0, "a2", children=[leaf("a21")])]),
        leaf("b"),
        Node("c", 0, 0, "c", children=[leaf("c1")]),
    ])
    assert [n.kind for n in root.walk()] == ["root", "a", "a1", "a2", "a21", "b", "c", "c1"]
