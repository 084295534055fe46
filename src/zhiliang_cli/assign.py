"""One-to-one pairing by the largest total weight: the assignment problem.

``pair(edges)`` takes the weighted edges of a bipartite graph — ``(row, column,
weight)``, weights positive — and returns the pairs, each row and each column
used at most once, whose total weight is the largest of all such sets of pairs.
An element with no edge stays unpaired.  It is what :mod:`diff` uses to pair the
items of two editions of a plan (and their targets, and their sections).

The graph is cut into its connected components first; each component is solved
as a dense rectangular assignment by the shortest augmenting path method of
Jonker and Volgenant, in the form Crouse gives it (IEEE Trans. AES 52(4), 2016;
it is the algorithm of SciPy's ``linear_sum_assignment``), with the scan over
columns done by NumPy.  A missing edge costs 0, an edge ``-weight``: a full
assignment of the component's smaller side is then a largest-weight matching once
its zero-cost pairs are dropped, since no weight is negative.  Each augmentation
costs O(columns) per step; when most rows have one clear partner, as the items
of two editions do, a step or two finds it, and 1,000 × 1,000 pairs in a few
tens of milliseconds (bench/bench.py).  A component of more than
limits.MAX_ASSIGNMENT rows × columns (only items made alike on purpose connect so
many) is paired greedily instead, heaviest edge first, which bounds the time.

>>> pair([(0, 0, 0.9), (0, 1, 0.8), (1, 0, 0.85)])  # greedy would take (0, 0) and leave 1 alone
[(0, 1), (1, 0)]
"""

from __future__ import annotations

from collections.abc import Iterable

import numpy as np

from .limits import MAX_ASSIGNMENT

Edge = tuple[int, int, float]


def pair(edges: Iterable[Edge]) -> list[tuple[int, int]]:
    """The pairs (row, column) of largest total weight, sorted by row."""
    pairs: list[tuple[int, int]] = []
    for rows, columns, component in _components(list(edges)):
        if len(rows) * len(columns) > MAX_ASSIGNMENT:
            pairs += greedy(component)
            continue
        cost = np.zeros((len(rows), len(columns)))
        row_at = {r: k for k, r in enumerate(rows)}
        column_at = {c: k for k, c in enumerate(columns)}
        for r, c, weight in component:
            cost[row_at[r], column_at[c]] = -weight
        pairs += [(rows[i], columns[j]) for i, j in linear_sum_assignment(cost) if cost[i, j] < 0]
    return sorted(pairs)


def greedy(edges: list[Edge]) -> list[tuple[int, int]]:
    """Pairs taken heaviest edge first, each row and column once (ties in order).

    >>> greedy([(0, 0, 0.9), (0, 1, 0.8), (1, 0, 0.85)])
    [(0, 0)]
    """
    rows: set[int] = set()
    columns: set[int] = set()
    pairs = []
    for r, c, _ in sorted(edges, key=lambda edge: -edge[2]):
        if r not in rows and c not in columns:
            rows.add(r)
            columns.add(c)
            pairs.append((r, c))
    return pairs


def _components(edges: list[Edge]) -> list[tuple[list[int], list[int], list[Edge]]]:
    """The connected components of the graph: rows, columns and edges of each, in order."""
    parent: dict[tuple[int, int], tuple[int, int]] = {}

    def root(node: tuple[int, int]) -> tuple[int, int]:
        parent.setdefault(node, node)
        while parent[node] != node:
            parent[node] = parent[parent[node]]
            node = parent[node]
        return node

    for r, c, _ in edges:
        a, b = root((0, r)), root((1, c))
        if a != b:
            parent[max(a, b)] = min(a, b)
    groups: dict[tuple[int, int], list[Edge]] = {}
    for edge in edges:
        groups.setdefault(root((0, edge[0])), []).append(edge)
    return [
        (sorted({e[0] for e in group}), sorted({e[1] for e in group}), group) for _, group in sorted(groups.items())
    ]


def linear_sum_assignment(cost: np.ndarray) -> list[tuple[int, int]]:
    """The assignment of least total cost of a dense matrix: every row of the smaller
    side gets a distinct column (or every column a distinct row), as (row, column).

    >>> linear_sum_assignment(np.array([[4.0, 1.0, 3.0], [2.0, 0.0, 5.0], [3.0, 2.0, 2.0]]))
    [(0, 1), (1, 0), (2, 2)]
    >>> linear_sum_assignment(np.array([[1.0], [0.0]]))
    [(1, 0)]
    """
    if cost.shape[0] > cost.shape[1]:
        return sorted((i, j) for j, i in linear_sum_assignment(cost.T))
    rows, columns = cost.shape
    u, v = np.zeros(rows), np.zeros(columns)
    col4row = np.full(rows, -1)
    row4col = np.full(columns, -1)
    for current in range(rows):
        sink, lowest, shortest, path, visited_rows, visited_columns = _augmenting_path(cost, u, v, row4col, current)
        u[current] += lowest  # the dual update of Crouse's algorithm
        others = visited_rows.copy()
        others[current] = False
        u[others] += lowest - shortest[col4row[others]]
        v[visited_columns] -= lowest - shortest[visited_columns]
        j = int(sink)
        while True:  # flip the path back to the current row
            i = int(path[j])
            row4col[j] = i
            col4row[i], j = j, int(col4row[i])
            if i == current:
                break
    return [(i, int(col4row[i])) for i in range(rows)]


def _augmenting_path(
    cost: np.ndarray, u: np.ndarray, v: np.ndarray, row4col: np.ndarray, current: int
) -> tuple[int, float, np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """Dijkstra's search from ``current`` to the nearest free column, in reduced costs."""
    columns = cost.shape[1]
    shortest = np.full(columns, np.inf)
    path = np.full(columns, -1)
    visited_rows = np.zeros(cost.shape[0], dtype=bool)
    remaining = np.ones(columns, dtype=bool)
    lowest, i = 0.0, current
    while True:
        visited_rows[i] = True
        reduced = lowest + cost[i] - u[i] - v
        better = remaining & (reduced < shortest)
        path[better] = i
        shortest[better] = reduced[better]
        open_costs = np.where(remaining, shortest, np.inf)
        lowest = float(open_costs.min())
        ties = np.flatnonzero(open_costs == lowest)
        free = ties[row4col[ties] < 0]  # on a tie, a free column ends the search
        j = int(free[0] if free.size else ties[0])
        remaining[j] = False
        if row4col[j] < 0:
            return j, lowest, shortest, path, visited_rows, ~remaining
        i = int(row4col[j])
