"""The coach's knowledge base: topics loaded from the YAML files in core/faq/knowledge."""

from __future__ import annotations

from dataclasses import dataclass
from importlib import resources


@dataclass(frozen=True)
class Topic:
    """One thing the coach can explain, as written in core/faq/knowledge/<id>.yaml."""

    id: str
    title: str
    keywords: tuple[str, ...]
    questions: tuple[str, ...]
    asked: tuple[str, ...]  # real people's wording, from the blind question sets
    answer: str
    sources: tuple[str, ...]
    command: str | None
    command_hint: str
    health_claim: bool


def load_topics() -> tuple[Topic, ...]:
    """Return every topic in core/faq/knowledge, sorted by id."""
    import yaml  # loads with the first question, not with every start

    folder = resources.files("core.faq.knowledge")
    topics = []
    for entry in folder.iterdir():
        if not entry.name.endswith(".yaml"):
            continue
        # LibYAML's safe loader where it is built in: the same data, a tenth of the time.
        loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
        data = yaml.load(entry.read_text(encoding="utf-8"), Loader=loader)
        topics.append(
            Topic(
                id=data["id"],
                title=data["title"],
                keywords=tuple(data.get("keywords") or ()),
                questions=tuple(data.get("questions") or ()),
                asked=tuple(data.get("asked") or ()),
                answer=" ".join(data["answer"].split()),
                sources=tuple(data.get("sources") or ()),
                command=data.get("command"),
                command_hint=data.get("command_hint", ""),
                health_claim=bool(data.get("health_claim", True)),
            )
        )
    return tuple(sorted(topics, key=lambda t: t.id))
