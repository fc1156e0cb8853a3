"""layout: print layout and PDF typesetting for Chinese newspapers.

The pipeline, one package per stage, plain picklable data between them:
YAML -> ``model`` (validated) -> ``compose`` (text -> lines) -> ``place`` (grid,
frames, flow) -> ``render`` (PDF) -> ``check`` (preflight, fidelity).
"""

__version__ = "0.1.0"
