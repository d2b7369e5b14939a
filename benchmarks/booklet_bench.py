"""40-person "Meet the team" booklet: budget < 1 s (DESIGN.md).

Generates 40 realistic biography cards with small JPEG/PNG photos in a
temporary folder, validates them, then times ``build_booklet`` (median of
several runs, after one warm-up that registers the fonts).

    python -m benchmarks.booklet_bench
    python -m benchmarks.booklet_bench --shots docs/screenshots   # sample PNGs
"""

from __future__ import annotations

import random
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

FIRST = [
    "Zoë", "Łukasz", "Lan", "Ayşe", "Александра", "Sam", "Priya", "Tomasz", "Aoife", "Kwame",
    "Fatima", "Gareth", "Mei", "Siobhan", "Dev", "Olu", "Ingrid", "Rhys", "Chloé", "Yusuf",
]  # fmt: skip
LAST = [
    "Hartley", "Nowak", "Nguyễn", "Demir", "Иванова", "Okafor", "Sharma", "Kowalski", "Byrne",
    "Mensah", "Hussain", "Pryce", "Chen", "Murphy", "Patel", "Adeyemi", "Larsen", "Evans",
]  # fmt: skip
ROLES = [
    "Employment Specialist",
    "Peer Employment Specialist",
    "Senior Employment Specialist",
    "IPS Team Leader",
    "Employer Engagement Specialist",
]
JOBS = [
    "warehouse operative", "barista", "care assistant", "call-centre adviser", "bus driver",
    "retail supervisor", "chef", "hotel receptionist", "teaching assistant", "bank cashier",
    "postal worker", "gardener", "security officer", "cleaner", "admin assistant",
]  # fmt: skip
SECTORS = [
    "retail", "hospitality", "Logistics", "social care", "transport", "construction",
    "education", "finance", "public sector", "Retail", "facilities", "catering",
]  # fmt: skip
LANGUAGES = [
    "Polish", "Urdu", "Punjabi", "Yoruba", "Turkish", "Vietnamese", "Russian", "Welsh",
    "Irish", "Arabic", "Bengali", "French", "Twi", "Somali",
]  # fmt: skip
INTERESTS = [
    "my allotment", "five-a-side football", "baking bread", "wild swimming", "local history",
    "choir", "running", "board games", "crochet", "cycling", "fishing", "comedy nights",
]  # fmt: skip
SHARE = [
    "my own return to work after time off",
    "what helped me through my first week in a new job",
    "being turned down for jobs and trying again",
    "working part time while looking after family",
    "juggling work with a long-term health condition",
]
BIO = (
    "I have worked in the IPS team for {years} years. Before that I had all sorts of jobs, "
    "from {job1} to {job2}, so I know what a first day can feel like and how much a steady "
    "wage and a routine can help. In IPS my job is to listen to what you want from work, "
    "help you look for jobs that suit you, talk to employers with you, and stay in touch "
    "once you start. Outside work you will find me busy with {interest}. I am easy to talk "
    "to and I will always be straight with you about what I can and cannot do."
)
WHY = (
    "A job gave me structure, friends and confidence when I needed all three. I want the "
    "people I work with to have the same chance, whatever has happened before."
)


def _photo(path: Path, rng: random.Random) -> None:
    from PIL import Image, ImageDraw

    w, h = rng.choice([(360, 450), (450, 360), (400, 400)])
    bg = (rng.randint(170, 230), rng.randint(170, 230), rng.randint(170, 230))
    im = Image.new("RGB", (w, h), bg)
    d = ImageDraw.Draw(im)
    skin = rng.choice([(241, 194, 160), (198, 134, 94), (141, 85, 56), (224, 172, 125)])
    d.ellipse((w * 0.32, h * 0.14, w * 0.68, h * 0.54), fill=skin)
    d.rectangle((w * 0.2, h * 0.62, w * 0.8, h), fill=tuple(rng.randint(30, 120) for _ in range(3)))
    if path.suffix == ".png":
        im.save(path)
    else:
        im.save(path, quality=85)


def make_team(folder: Path, n: int = 40, seed: int = 7) -> list[Path]:
    """Write ``n`` valid biography cards (most with a photo) into ``folder``."""
    from ips_reflect.core.biocard import BioCard, write_card

    rng = random.Random(seed)
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for i in range(n):
        name = f"{FIRST[i % len(FIRST)]} {LAST[(i * 7) % len(LAST)]}"
        jobs = rng.sample(JOBS, rng.randint(2, 5))
        photo = None
        if i % 9 != 4:
            photo = folder / f"person{i:02d}.{'png' if i % 5 == 0 else 'jpg'}"
            _photo(photo, rng)
        card = BioCard(
            name=name,
            role=rng.choice(ROLES),
            pronouns=rng.choice([None, "she/her", "he/him", "they/them"]),
            biography=BIO.format(
                years=rng.randint(1, 9),
                job1=jobs[0],
                job2=jobs[1],
                interest=rng.choice(INTERESTS),
            ),
            why_i_do_this_work=WHY if i % 3 else None,
            previous_jobs=jobs,
            interests=rng.sample(INTERESTS, rng.randint(1, 4)),
            happy_to_share=rng.sample(SHARE, rng.randint(0, 2)),
            sectors=rng.sample(SECTORS, rng.randint(1, 3)),
            languages=["English", *rng.sample(LANGUAGES, rng.randint(0, 2))],
            photo=photo,
            consent=True,
        )
        path = folder / f"card{i:02d}.yaml"
        write_card(card, path)
        paths.append(path)
    return paths


def measure(n: int = 40, runs: int = 5) -> tuple[float, float, int]:
    """(median seconds, worst seconds, pages) for building an ``n``-person booklet."""
    from ips_reflect.core.biocard import load_team
    from ips_reflect.export.booklet import build_booklet

    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "team"
        make_team(folder, n)
        cards, invalid = load_team(folder)
        assert not invalid and len(cards) == n, invalid
        out = Path(tmp) / "booklet.pdf"
        result = build_booklet(cards, out)  # warm-up: fonts, imports, photo cache
        times = []
        for _ in range(runs):
            t = time.perf_counter()
            result = build_booklet(cards, out)
            times.append(time.perf_counter() - t)
        return statistics.median(times), max(times), result.pages


def run(report: Callable[..., None]) -> None:
    """Add the booklet figure to a ``benchmarks.report.Report``-style callable."""
    median, worst, pages = measure()
    report(
        "40-person booklet PDF",
        median * 1000,
        "ms",
        1000,
        f"median of 5, worst {worst * 1000:.0f} ms, {pages} pages",
    )


# --------------------------------------------------------------------------- sample for screenshots


def _avatar(path: Path, seed: int, w: int = 480, h: int = 600) -> None:
    """A friendly, obviously drawn head-and-shoulders portrait (no real person)."""
    from PIL import Image, ImageDraw, ImageFilter

    rng = random.Random(seed)
    top = [rng.randint(150, 215) for _ in range(3)]
    bottom = [max(0, c - 45) for c in top]
    im = Image.new("RGB", (w, h))
    px = ImageDraw.Draw(im)
    for y in range(h):
        t = y / h
        shade = (
            int(top[0] + (bottom[0] - top[0]) * t),
            int(top[1] + (bottom[1] - top[1]) * t),
            int(top[2] + (bottom[2] - top[2]) * t),
        )
        px.line([(0, y), (w, y)], fill=shade)
    skin = rng.choice(
        [(241, 200, 170), (214, 160, 120), (170, 110, 75), (120, 78, 52), (235, 185, 150)]
    )
    hair = rng.choice(
        [(40, 30, 25), (90, 60, 35), (180, 140, 90), (20, 20, 20), (150, 150, 150), (120, 50, 30)]
    )
    clothes = rng.choice(
        [(35, 85, 110), (120, 45, 60), (60, 100, 70), (200, 160, 60), (70, 70, 90), (230, 230, 225)]
    )
    px.ellipse((w * 0.08, h * 0.70, w * 0.92, h * 1.35), fill=clothes)
    px.rectangle((w * 0.42, h * 0.52, w * 0.58, h * 0.74), fill=skin)
    if rng.random() < 0.6:
        px.ellipse((w * 0.25, h * 0.14, w * 0.75, h * 0.66), fill=hair)
    px.ellipse((w * 0.3, h * 0.2, w * 0.7, h * 0.62), fill=skin)
    px.chord((w * 0.28, h * 0.15, w * 0.72, h * 0.5), 180, 360, fill=hair)
    im.filter(ImageFilter.GaussianBlur(1.2)).save(path, quality=88)


SAMPLE: list[dict[str, Any]] = [
    dict(
        file="zoe",
        name="Zoë Hartley",
        pronouns="she/her",
        role="Peer Employment Specialist",
        biography=(
            "Hello, I'm Zoë. I joined the IPS team three years ago after a long time "
            "working in shops and cafés. I know from my own life how much a steady job can "
            "help when things are hard, and how daunting the first week can feel.\n\nI will"
            " listen to what you want from work, help you look for jobs that suit you, and "
            "stay alongside you once you start. I'm a straight talker, I love a brew, and I"
            " will always tell you what I can and can't do."
        ),
        why=(
            "Work gave me structure and friends when I needed both, and I would like "
            "everyone I work with to have that chance, whatever has happened before."
        ),
        jobs=["retail assistant", "barista", "café supervisor", "market stall holder"],
        interests=["my allotment", "five-a-side football", "charity shop finds"],
        share=["my own return to work after time off", "what helped me in my first month back"],
        sectors=["retail", "hospitality"],
        langs=["English", "French"],
    ),
    dict(
        file="lukasz",
        name="Łukasz Nowak",
        pronouns="he/him",
        role="Employment Specialist",
        biography=(
            "I came to the UK from Gdańsk twelve years ago and worked in warehouses and on "
            "building sites before I trained as an employment specialist. I like helping "
            "people find practical jobs with decent hours, and I am good at talking to "
            "employers about what a new starter might need to settle in well."
        ),
        why="I know what it is like to start again somewhere new.",
        jobs=["warehouse operative", "labourer", "forklift driver"],
        interests=["cycling", "cooking"],
        share=[],
        sectors=["logistics", "construction", "Retail"],
        langs=["Polish", "English"],
    ),
    dict(
        file="lan",
        name="Nguyễn Thị Lan",
        pronouns="she/her",
        role="Senior Employment Specialist",
        biography=(
            "I have worked in IPS for six years. Before that I ran the front desk of a busy"
            " hotel and later worked in a call centre, answering phones for a bank. I enjoy"
            " helping people think about what they are good at, and I will go with you to "
            "meet employers if you would like me to. I am patient and I love a good plan."
        ),
        why=None,
        jobs=["hotel receptionist", "call-centre adviser"],
        interests=["badminton", "cooking for friends"],
        share=["juggling work with family"],
        sectors=["hospitality", "finance", "customer service"],
        langs=["Vietnamese", "English"],
    ),
    dict(
        file="ayse",
        name="Ayşe Demir",
        pronouns=None,
        role="IPS Team Leader",
        biography=(
            "I lead our IPS team and still carry a small caseload, because I love this "
            "work. I started out as a care assistant and then a nurse, so I know how "
            "shifts, rotas and caring for other people can shape a working life. I am "
            "always happy to talk about how work and health can fit together."
        ),
        why="Seeing someone get their first pay slip never gets old.",
        jobs=["care assistant", "staff nurse"],
        interests=["wild swimming", "crime novels"],
        share=["being turned down for jobs and trying again"],
        sectors=["social care", "Health"],
        langs=["Turkish", "English"],
    ),
    dict(
        file="sasha",
        name="Александра Иванова",
        pronouns="she/her",
        role="Employment Specialist",
        biography=(
            "Hello, I'm Sasha. I have been an employment specialist for two years. Before "
            "that I taught music and worked in a supermarket at weekends. I know that "
            "starting again after a break can feel scary, and I will go at your pace. "
            "Outside work I sing in a choir and walk my very lazy dog."
        ),
        why=None,
        jobs=["music teacher", "supermarket assistant"],
        interests=["choir", "dog walking"],
        share=[],
        sectors=["education", "retail"],
        langs=["Russian", "English", "Ukrainian"],
    ),
    dict(
        file="kwame",
        name="Kwame Mensah",
        pronouns="he/him",
        role="Employer Engagement Specialist",
        biography=(
            "I spend a lot of my week with employers: cafés, builders, councils and big "
            "supermarkets. Before IPS I drove buses for nine years and then managed a small"
            " security team, so I know shift work inside out. I am here to help you find an"
            " employer who will value what you bring."
        ),
        why="A manager once took a chance on me. I want to find more managers like that.",
        jobs=["bus driver", "security supervisor"],
        interests=["gospel choir", "Arsenal", "barbecues"],
        share=["changing career in my thirties"],
        sectors=["transport", "security", "public sector"],
        langs=["English", "Twi"],
    ),
    dict(
        file="priya",
        name="Priya Sharma",
        pronouns="she/they",
        role="Peer Employment Specialist",
        biography=(
            "I'm Priya. I have used mental health services myself, and I went back to work "
            "part time after two years away. I now help people think through what kind of "
            "work, and how many hours, would feel right for them. I love a spreadsheet, a "
            "long walk and a good Bollywood film."
        ),
        why="I know how much it matters to have someone who believes you can work.",
        jobs=["bank cashier", "admin assistant", "payroll clerk"],
        interests=["walking", "Bollywood films", "baking"],
        share=["working part time while I recovered", "talking to an employer about adjustments"],
        sectors=["finance", "office and admin"],
        langs=["English", "Punjabi", "Hindi"],
    ),
    dict(
        file="rhys",
        name="Rhys Evans",
        pronouns="he/him",
        role="Employment Specialist",
        biography=(
            "Shwmae! I grew up in Swansea and worked as a chef for ten years before I moved"
            " into employment support. Kitchens taught me a lot about teamwork and "
            "pressure. I help people with CVs, interviews and the nerves that come with "
            "them, and I will keep in touch once you start."
        ),
        why=None,
        jobs=["chef", "kitchen porter"],
        interests=["rugby", "surfing"],
        share=[],
        sectors=["hospitality", "catering"],
        langs=["Welsh", "English"],
    ),
]


def sample_team(folder: Path) -> list[Path]:
    """The eight-person team used for the screenshots in docs/screenshots/."""
    from ips_reflect.core.biocard import BioCard, write_card

    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for i, p in enumerate(SAMPLE):
        photo = None
        if p["file"] != "sasha":  # one person without a photo shows the initials
            photo = folder / f"{p['file']}.jpg"
            _avatar(photo, i * 11 + 3)
        card = BioCard(
            name=p["name"],
            role=p["role"],
            pronouns=p["pronouns"],
            biography=p["biography"],
            why_i_do_this_work=p["why"],
            previous_jobs=p["jobs"],
            interests=p["interests"],
            happy_to_share=p["share"],
            sectors=p["sectors"],
            languages=p["langs"],
            photo=photo,
            consent=True,
        )
        paths.append(write_card(card, folder / f"{p['file']}.yaml"))
    return paths


def render_shots(out_dir: Path) -> list[Path]:
    """Build the sample booklet and bio page and save PNGs of them (needs pdftoppm)."""
    import datetime as dt
    import shutil
    import subprocess

    from ips_reflect.core.biocard import load_team
    from ips_reflect.export.bio_pdf import build_bio_pdf
    from ips_reflect.export.booklet import build_booklet

    if shutil.which("pdftoppm") is None:
        raise SystemExit("pdftoppm is needed: apt-get install poppler-utils")
    out_dir.mkdir(parents=True, exist_ok=True)
    service = "Leeds and York IPS Service"
    with tempfile.TemporaryDirectory() as tmp:
        t = Path(tmp)
        sample_team(t / "team")
        cards, _invalid = load_team(t / "team")
        result = build_booklet(
            cards, t / "booklet.pdf", service=service, today=dt.date(2026, 11, 23)
        )
        zoe = next(c for c in cards if c.name.startswith("Zo"))
        build_bio_pdf(zoe, t / "bio.pdf", service=service)
        person = next(i for i, c in enumerate(sorted(cards, key=lambda c: c.sort_key)) if c is zoe)
        wanted = {
            "booklet-cover.png": (t / "booklet.pdf", 1),
            "booklet-person.png": (t / "booklet.pdf", person + 3),
            "booklet-directory.png": (t / "booklet.pdf", result.pages - 1),
            "bio-pdf.png": (t / "bio.pdf", 1),
        }
        written = []
        for name, (pdf, page) in wanted.items():
            stem = t / name.removesuffix(".png")
            subprocess.run(
                ["pdftoppm", "-png", "-r", "60", "-f", str(page), "-l", str(page), "-singlefile",
                 str(pdf), str(stem)],
                check=True,
            )  # fmt: skip
            target = out_dir / name
            shutil.copy(f"{stem}.png", target)
            written.append(target)
    return written


def main() -> int:
    def report(
        what: str, value: float, unit: str, budget: float | None = None, note: str = ""
    ) -> None:
        verdict = "" if budget is None else ("ok" if value <= budget else "OVER")
        print(f"{what}: {value:.0f} {unit} (budget < {budget:g} {unit}) {verdict} - {note}")

    if "--shots" in sys.argv:
        out = Path(sys.argv[sys.argv.index("--shots") + 1])
        for path in render_shots(out):
            print(f"wrote {path}")
        return 0
    run(report)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
