"""Faces addressed by role, and the fallback chain between them.

Why roles: a page says "body in song, headline in hei-bold", not file names, so a
house can swap a face without touching its pages.  Why a chain: a rare character in
a name may be missing from the body face; it is then taken from the next face that
has it (spec: never drawn as a blank or tofu), and a character no face has is
reported by the caller (``missing``).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import field
from functools import lru_cache

from layout.errors import FontError
from layout.fonts.face import Face
from layout.fonts.loader import load_face
from layout.records import record
from layout.resources import fonts_dir

ROLES = ("song", "song-bold", "hei", "hei-bold", "kai")

# role -> bundled file (in fonts/)
BUNDLED: dict[str, str] = {
    "song": "NotoSerifSC-Regular.ttf",
    "song-bold": "NotoSerifSC-Bold.ttf",
    "hei": "NotoSansSC-Regular.ttf",
    "hei-bold": "NotoSansSC-Bold.ttf",
    "kai": "LXGWWenKai-Regular.ttf",
}

# role -> faces tried after it, in order, when it lacks a character
DEFAULT_FALLBACK: dict[str, tuple[str, ...]] = {
    "song": ("hei", "kai"),
    "song-bold": ("hei-bold", "song", "hei", "kai"),
    "hei": ("song", "kai"),
    "hei-bold": ("hei", "song-bold", "song", "kai"),
    "kai": ("song", "hei"),
}


@record
class FaceSpec:
    """Where a role's face comes from: a file and, for a TTC, the face index."""

    role: str
    path: str
    index: int = 0


@record(eq=False)
class FontSet:
    """The faces of one job.  Faces load lazily: a page loads and embeds only what it uses."""

    specs: Mapping[str, FaceSpec]
    fallback: Mapping[str, tuple[str, ...]] = field(default_factory=lambda: dict(DEFAULT_FALLBACK))
    _loaded: dict[str, Face] = field(default_factory=dict, repr=False, compare=False)
    _chains: dict[str, tuple[str, ...]] = field(default_factory=dict, repr=False, compare=False)

    @property
    def roles(self) -> tuple[str, ...]:
        return tuple(self.specs)

    def face(self, role: str) -> Face:
        """The face for ``role`` (loaded on first use).  FontError for an unknown
        role or a font file that cannot be used."""
        face = self._loaded.get(role)
        if face is None:
            spec = self.specs.get(role)
            if spec is None:
                raise FontError(f"unknown face {role!r}; known faces: {', '.join(self.specs)}")
            face = load_face(spec.path, role, spec.index)
            self._loaded[role] = face
        return face

    def faces(self) -> list[Face]:
        """Every face of the set, loaded (for listings and up-front checks)."""
        return [self.face(r) for r in self.specs]

    def chain(self, role: str) -> tuple[str, ...]:
        """The role itself, then its fallbacks, then every other face (user faces last)."""
        got = self._chains.get(role)
        if got is None:
            order = [role, *self.fallback.get(role, ())]
            order += [r for r in self.specs if r not in order]
            got = self._chains[role] = tuple(r for r in order if r in self.specs)
        return got

    def resolve(self, cp: int, role: str) -> Face | None:
        """The first face along ``role``'s chain that covers ``cp``; None if none does."""
        primary = self.face(role)
        if primary.covers(cp):
            return primary
        for r in self.chain(role)[1:]:
            f = self.face(r)
            if f.covers(cp):
                return f
        return None

    def missing(self, text: str, role: str = "song") -> list[int]:
        """Code points of ``text`` no face covers, in order of first occurrence
        (controls and line breaks excepted; ``layout.fonts.coverage`` says where)."""
        from layout.fonts.coverage import is_exempt

        seen: set[int] = set()
        out: list[int] = []
        for ch in text:
            cp = ord(ch)
            if cp in seen or is_exempt(ch):
                continue
            seen.add(cp)
            if self.resolve(cp, role) is None:
                out.append(cp)
        return out

    def with_faces(
        self, extra: Iterable[FaceSpec], fallback: Mapping[str, Iterable[str]] | None = None
    ) -> FontSet:
        """A new set with user faces added (or replacing roles) and chains overridden.

        Faces already loaded whose spec is unchanged are carried over.  FontError
        when a chain names a face the set does not have."""
        specs = dict(self.specs)
        for s in extra:
            if not s.role:
                raise FontError(f"a face needs a role name (file {s.path})")
            specs[s.role] = s
        chains = dict(self.fallback)
        for r, ch in (fallback or {}).items():
            chain = tuple(ch)
            unknown = [x for x in (r, *chain) if x not in specs]
            if unknown:
                raise FontError(
                    f"fallback for {r!r} names unknown face {unknown[0]!r}; known faces: {', '.join(specs)}"
                )
            chains[r] = chain
        out = FontSet(specs, chains)
        for role, face in self._loaded.items():
            if specs.get(role) == self.specs.get(role):
                out._loaded[role] = face
        return out


def bundled_specs() -> dict[str, FaceSpec]:
    d = fonts_dir()
    return {role: FaceSpec(role, str(d / fname), 0) for role, fname in BUNDLED.items()}


@lru_cache(maxsize=1)
def default_fontset() -> FontSet:
    """The bundled faces under their default roles (one shared instance per process)."""
    return FontSet(bundled_specs())
