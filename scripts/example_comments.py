"""Open answers for the bundled examples' exports (``[[comments]]``).

Shared by ``gen_npuls_example.py`` and ``gen_herijking_example.py``: appends
comment columns to an export that is already drawn, from a random stream of
their own, so not one rating (nor any published figure) moves. Most
respondents leave a column empty, some answer "weet niet", the rest pick a
remark from the column's pool; a few rows, picked at random, carry contact
details in the general column, which peil must scrub before any output.
"""

import random


def add(header, table, seed, columns, area_pools, general_pool, contacts):
    """Appends ``columns`` ([(column, area id or None)]) to ``header`` and a
    cell per column to every row of ``table``."""
    rng = random.Random(seed)
    header.extend(c for c, _ in columns)
    contact_at = dict(zip(rng.sample(range(len(table)), len(contacts)), contacts))
    for k, row in enumerate(table):
        for _, about in columns:
            pool = area_pools[about] if about else general_pool
            u = rng.random()
            if k in contact_at and about is None:
                cell = contact_at[k]
            elif u < 0.80:
                cell = ""
            elif u < 0.84:
                cell = "weet niet"
            else:
                cell = rng.choice(pool)
            row.append(cell)
