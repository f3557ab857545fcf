"""Relation families: each module reads ``doc._.mentions`` and the parse, and appends plain
dicts to ``doc._.relations`` (and ``doc._.quotes``). Row shape: :func:`base.relation`."""
