#!/usr/bin/env python3
"""Writes Tests/Fixtures/bad-input/: scenario files broken on purpose, the data files they name,
and expected.tsv, the manifest Tests/CLITests/BadInputCorpusTests.swift checks them against.

Each case takes a bundled small scenario (scenarios/quickstart.yaml, scenarios/coverage-check.yaml,
scenarios/wiltshire-day-opportunities.yaml, scenarios/kent-day-opportunities-dps.yaml) and breaks it one way: syntax errors, wrong types,
unknown and misspelt keys, missing sections, negative, zero, NaN and enormous values,
probabilities outside 0 to 1, shares that do not add up to 1, names that refer to nothing,
duplicate names, empty files, binary junk, an alias bomb, wrong text encodings, data files
(caseload CSV, travel matrix, sites) that are ragged, missing, or outside the scenario's folder,
and included files (`include:`, kept under includes/) that are missing, outside the folder,
in a cycle or hold a bad value.

expected.tsv has one line per case, tab-separated: the scenario file, the exit status both
`sufficiency validate FILE` and `sufficiency run FILE --out DIR` must give (2), then the texts
their standard error must contain: where the problem is (`FILE:LINE:`), and the key path and the
value as written. The tool is run from the corpus folder, so files are named as written here.

Run it from anywhere after changing a bundled scenario or the loader's messages:

    python3 scripts/make-bad-input-corpus.py
"""

import codecs
import pathlib
import random
import shutil

ROOT = pathlib.Path(__file__).resolve().parent.parent
OUT = ROOT / "Tests" / "Fixtures" / "bad-input"

QUICK = (ROOT / "scenarios" / "quickstart.yaml").read_text(encoding="utf-8")
COVERAGE = (ROOT / "scenarios" / "coverage-check.yaml").read_text(encoding="utf-8")
DAY = (ROOT / "scenarios" / "wiltshire-day-opportunities.yaml").read_text(encoding="utf-8")
BEDS = (ROOT / "scenarios" / "wiltshire-good-lives.yaml").read_text(encoding="utf-8")
KENT = (ROOT / "scenarios" / "kent-day-opportunities-dps.yaml").read_text(encoding="utf-8")

# (scenario file, exit status, [texts standard error must contain])
CASES = []
# Every file written, so a name is never used twice.
WRITTEN = set()


def write(name, content):
    """Writes `content` (text as UTF-8, or bytes as they are) to the corpus folder."""
    assert name not in WRITTEN, f"{name} is written twice"
    WRITTEN.add(name)
    data = content.encode("utf-8") if isinstance(content, str) else content
    (OUT / name).parent.mkdir(parents=True, exist_ok=True)
    (OUT / name).write_bytes(data)


def replace(text, old, new):
    """`text` with its single occurrence of `old` replaced by `new`."""
    count = text.count(old)
    assert count == 1, f"{old!r} occurs {count} times, not once"
    return text.replace(old, new)


def line_of(text, needle, occurrence=1):
    """The line (from 1) on which the `occurrence`th `needle` in `text` starts."""
    index = -1
    for _ in range(occurrence):
        index = text.find(needle, index + 1)
        assert index >= 0, f"{needle!r} not found {occurrence} times"
    return text.count("\n", 0, index) + 1


def case(name, text, at, *texts, status=2, data=None):
    """A scenario case `name`.yaml whose first problem is on the line of `at` (a text in the
    file, or a line number), and whose messages also contain `texts` (the key path and value).
    `data` maps other files to write beside it to their content."""
    file = name + ".yaml"
    write(file, text)
    for data_name, content in (data or {}).items():
        write(data_name, content)
    line = at if isinstance(at, int) else line_of(text if isinstance(text, str) else text.decode("latin-1"), at)
    CASES.append((file, status, [f"{file}:{line}:", *texts]))


def edit(name, base, old, new, *texts, at=None):
    """A case made by replacing `old` by `new` in `base`; the problem is on the line where `new`
    starts (or on the line of `at`)."""
    text = replace(base, old, new)
    if at is None:
        start = base.index(old)
        stripped = len(new) - len(new.lstrip())
        at = text.count("\n", 0, start + stripped) + 1
    case(name, text, at, *texts)


def data_case(name, base, old, new, data_name, content, data_line, *texts, key=None):
    """A case whose problem is in the data file `data_name` (written beside the scenario) at
    `data_line` (a line of the data file, or None when the problem is reported at the key that
    names it, on the line where `new` starts)."""
    file = name + ".yaml"
    text = replace(base, old, new)
    write(file, text)
    if content is not None:
        write(data_name, content)
    if data_line is None:
        where = f"{file}:{line_of(text, key + ':')}:"
    else:
        where = f"{data_name}:{data_line}:"
    CASES.append((file, 2, [where, *texts]))


CASELOAD_HEADER = "zone,provider,client_group,hours_per_week,people\n"
QUICK_CASELOAD = "caseload:\n  entries:"


def caseload_case(name, csv, data_line, *texts, path=None):
    """A quick start scenario whose caseload also comes from a CSV file (`path`, by default
    `name`.csv beside it), with the file's problem at `data_line`."""
    data_name = name + ".csv"
    written = path or data_name
    data_case(name, QUICK, QUICK_CASELOAD, f"caseload:\n  file: {written}\n  entries:",
              data_name, csv if path is None else None, data_line, *texts, key="  file")


QUICK_PROVIDERS = QUICK[QUICK.index("providers:\n"):QUICK.index("\ncaseload:")]
PROVIDERS_CSV = ("name,base_zone,zones,care_workers,recruitment_per_week\n"
                 "Riverside Care,Riverside,Riverside; Hilltop,80,1\n"
                 "City Home Support,Riverside,,45,0.5\n"
                 "Hilltop Homecare,Hilltop,Hilltop; Marshes,50,0.5\n"
                 "Marsh Carers,Marshes,,25,0.5\n"
                 "County Care Group,Hilltop,all,35,0.5\n")


def providers_case(name, old, new, data_line, *texts):
    """A quick start scenario whose providers come from a CSV file, `name`.csv beside it: the
    quick start's providers as CSV with `old` replaced by `new`, whose problem is at `data_line`."""
    data_name = name + ".csv"
    assert old in PROVIDERS_CSV, old
    data_case(name, QUICK, QUICK_PROVIDERS, f"providers: {{file: {data_name}}}\n", data_name,
              PROVIDERS_CSV.replace(old, new, 1), data_line, *texts)


COVERAGE_SECTION = "coverage:\n  standard_minutes: 20\n"
MATRIX = "from,West,Middle,East\nWest,10,20,80\nMiddle,20,10,60\nEast,80,60,10\n"
SITES = "name,zone,easting,northing\nDepot,East,438500,201200\nOld school,Middle,411000,199500\n"


def coverage_case(name, key, csv, data_line, *texts, path=None):
    """The coverage check scenario with a `key` file (travel_matrix or sites), written as
    `name`.csv unless `path` names another."""
    data_name = name + ".csv"
    written = path or data_name
    data_case(name, COVERAGE, COVERAGE_SECTION, f"{COVERAGE_SECTION}  {key}: {written}\n",
              data_name, csv if path is None else None, data_line, *texts, key="  " + key)


def quick_parts():
    """The quick start scenario in three parts: before its market, the market (the sections from
    `prices` to `caseload`), and after it (`options`)."""
    start = QUICK.index("\nprices:\n") + 1
    end = QUICK.index("\noptions:\n") + 1
    return QUICK[:start], QUICK[start:end], QUICK[end:]


def include_case(name, include, files, where, *texts):
    """A quick start scenario whose market is replaced by `include: <include>`, with `files`
    (under includes/, so they are not cases themselves) written beside it. `where` is the file
    whose first problem is reported and the text on its line: (None, text) for the scenario."""
    before, _, after = quick_parts()
    file = name + ".yaml"
    text = before + f"include: {include}\n\n" + after
    write(file, text)
    for data_name, content in files.items():
        write(data_name, content)
    location, needle = where
    line = line_of(text if location is None else files[location], needle)
    CASES.append((file, 2, [f"{location or file}:{line}:", *texts]))


def junk(seed, size):
    """Bytes that are not text: a fixed pseudo-random sequence, without a UTF-8 reading."""
    rng = random.Random(seed)
    data = bytearray(rng.randrange(256) for _ in range(size))
    data[0] = 0xFF  # never valid in UTF-8: the problem is always the first byte
    return bytes(data)


def billion_laughs():
    """Nine levels of anchors, each a list of nine aliases of the one before: 9^9 strings when
    expanded. Used as a description, and swept over."""
    lines = ['lol0: &lol0 ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]']
    for i in range(1, 9):
        aliases = ", ".join([f"*lol{i - 1}"] * 9)
        lines.append(f"lol{i}: &lol{i} [{aliases}]")
    return "\n".join(lines) + "\n"


def merge_bomb():
    """Mappings that each merge (`<<`) nine copies of the one before, eleven deep: 9^11 merges
    when expanded naively."""
    lines = ["defaults0: &defaults0 {labour_pool_per_week: 1.0}"]
    for i in range(1, 12):
        aliases = ", ".join([f"*defaults{i - 1}"] * 9)
        lines.append(f"defaults{i}: &defaults{i} {{<<: [{aliases}]}}")
    return "\n".join(lines) + "\n"


def make():
    if OUT.exists():
        shutil.rmtree(OUT)
    OUT.mkdir(parents=True)

    # --- Whole files ---------------------------------------------------------------------
    case("empty-file", "", 1, "the file is empty")
    case("only-comments", "# a scenario will go here\n\n# nothing yet\n", 1, "the file is empty")
    case("binary-junk", junk(1, 400), 1, "not UTF-8 text", "byte 0xFF")
    latin1 = replace(QUICK, "description: Strategic provider", "description: Café provider")
    case("latin-1-scenario", latin1.encode("latin-1"), "description: Caf", "not UTF-8 text", "byte 0xE9")
    case("utf-16-le-scenario", codecs.BOM_UTF16_LE + QUICK.encode("utf-16-le"), 1, "UTF-16")
    case("utf-16-be-scenario", codecs.BOM_UTF16_BE + QUICK.encode("utf-16-be"), 1, "UTF-16")
    case("nul-bytes", replace(QUICK, "name: Quick start county", "name: Quick\x00start county"),
         "name: Quick", "NUL byte")
    edit("unclosed-flow-list", QUICK, "zones: [Riverside, Hilltop], care_workers: 80",
         "zones: [Riverside, Hilltop, care_workers: 80", "not valid YAML", "did not find expected ',' or ']'",
         at="{name: Riverside Care")
    edit("bad-indentation", QUICK, "  years: 2\n  period: month\n", "  years: 2\n period: month\n", "not valid YAML",
         "did not find expected key", at=" period: month")
    edit("tab-indentation", QUICK, "  years: 2\n", "\tyears: 2\n", "not valid YAML")
    text = replace(QUICK, "name: Quick start county", 'name: "Quick start county')
    case("unclosed-quote", text, text.count("\n") + 1, "not valid YAML",
         f"while scanning a quoted scalar at line {line_of(text, 'name: ')}")
    edit("duplicate-top-level-key", QUICK, "description: Strategic",
         "name: Another county\ndescription: Strategic", "the key 'name' appears more than once",
         at="name: Quick start county")
    edit("undefined-alias", QUICK, "  referrals_per_week: 6", "  referrals_per_week: *rate", "not valid YAML", "undefined alias '*rate'")
    case("top-level-list", "- name: Quick start county\n- calendar: {start: 2024-04-01, years: 2}\n", 1,
         "a list is not allowed")
    case("top-level-scalar", "just some words\n", 1, "'just some words' is not allowed")
    case("two-documents", QUICK + "---\nname: Second county\n", "---", "not valid YAML")
    deep = "[" * 20000 + "]" * 20000
    edit("nesting-too-deep", QUICK, "description: Strategic provider per zone against an open framework, two years.",
         "description: " + deep, "not valid YAML")
    laughs = billion_laughs()
    text = replace(QUICK, "description: Strategic provider per zone against an open framework, two years.",
                   "description: *lol8")
    text = laughs + text + "sweep:\n  parameters:\n    - {path: description, values: [*lol8, *lol7]}\n"
    # Refused by the alias budget, where the aliases' expansion first passes 100,000 values.
    case("billion-laughs", text, "lol5: &lol5", "lol5[0]", "*lol4", "more than 100000 values")
    bomb = merge_bomb()
    text = replace(QUICK, "    labour_pool_per_week: 1.0    # people a week who would take a care job here",
                   "    <<: *defaults11")
    text = bomb + text
    case("merge-key-bomb", text, "defaults5: &defaults5", "defaults5.<<[3]", "*defaults4", "more than 100000 values")

    # --- Keys ------------------------------------------------------------------------------
    edit("misspelt-top-level-key", QUICK, "\nproviders:\n", "\nprovders:\n", "provders", "did you mean 'providers'")
    edit("misspelt-demand-key", QUICK, "  referrals_per_week: 6", "  referals_per_week: 6",
         "demand.referals_per_week", "did you mean 'referrals_per_week'")
    edit("misspelt-calendar-key", QUICK, "  start: 2024-04-01", "  strat: 2024-04-01",
         "calendar.strat", "did you mean 'start'")
    edit("misspelt-zone-key", QUICK, "    labour_pool_per_week: 0.5", "    labor_pool_per_week: 0.5",
         "zones[1].labor_pool_per_week", "did you mean 'labour_pool_per_week'")
    edit("misspelt-provider-key", QUICK, "{name: Marsh Carers, base_zone: Marshes, care_workers: 25",
         "{name: Marsh Carers, base_zone: Marshes, careworkers: 25", "providers[3].careworkers",
         "did you mean 'care_workers'")
    edit("misspelt-option-key", QUICK, "    reference_rate: 24.5", "    refrence_rate: 24.5",
         "options[0].refrence_rate", "did you mean 'reference_rate'")
    edit("misspelt-distribution-key", QUICK, "{distribution: gamma, mean: 13, sd: 7, minimum: 1}",
         "{distribution: gamma, mena: 13, sd: 7, minimum: 1}", "package_hours.mena", "did you mean 'mean'")
    edit("capitalised-key", QUICK, "name: Quick start county", "Name: Quick start county", "Name",
         "did you mean 'name'")
    edit("unknown-key", QUICK, "  growth: 0.03 ", "  colour: blue\n  growth: 0.03 ", "demand.colour",
         "unknown key 'colour'")
    edit("missing-zones", QUICK, "zones:\n  - name: Riverside", "areas:\n  - name: Riverside",
         "missing required key 'zones'", at="name: Quick start county")
    missing_options = QUICK[:QUICK.index("options:\n")]
    case("missing-options", missing_options, "name: Quick start county", "missing required key 'options'")
    edit("missing-calendar", QUICK, "calendar:\n  start: 2024-04-01\n  years: 2\n  period: month\n", "",
         "missing required key 'calendar'", at="name: Quick start county")
    edit("missing-client-groups", QUICK, "  client_groups:\n    - name: older people",
         "  groups:\n    - name: older people", "demand.groups", "missing required key 'client_groups'")
    edit("missing-horizon", QUICK, "  years: 2\n", "", "calendar", "missing required key 'years' or 'days'",
         at="  start: 2024-04-01")
    edit("years-and-days", QUICK, "  years: 2\n", "  years: 2\n  days: 700\n", "calendar",
         "both 'years' and 'days'", at="  start: 2024-04-01")
    edit("missing-zone-name", QUICK, "  - name: Marshes\n    referral_share: 0.2\n", "  - referral_share: 0.2\n",
         "zones[2]", "missing required key 'name'")
    edit("missing-provider-care-workers", QUICK, ", care_workers: 45, recruitment_per_week: 0.5}",
         ", recruitment_per_week: 0.5}", "providers[1]", "missing required key 'care_workers'",
         at="{name: City Home Support")

    # --- Wrong types -----------------------------------------------------------------------
    edit("referrals-as-words", QUICK, "  referrals_per_week: 6", "  referrals_per_week: six",
         "demand.referrals_per_week", "'six' is not allowed")
    edit("zones-as-mapping", QUICK, QUICK[QUICK.index("zones:\n"):QUICK.index("demand:\n")],
         "zones:\n  Riverside: {referral_share: 1, labour_pool_per_week: 1}\n\n", "zones", "a mapping is not allowed",
         at="  Riverside:")
    edit("fractional-care-workers", QUICK, "care_workers: 25,", "care_workers: 25.5,",
         "providers[3].care_workers", "25.5")
    edit("negative-seed", QUICK, "  seed: 42", "  seed: -42", "run.seed", "-42")
    edit("zero-replications", QUICK, "  replications: 100", "  replications: 0", "run.replications",
         "0 is not allowed")
    edit("impossible-date", QUICK, "  start: 2024-04-01", "  start: 2024-13-45", "calendar.start", "2024-13-45")
    edit("unknown-period", QUICK, "  period: month", "  period: fortnight", "calendar.period", "'fortnight'")
    edit("empty-zone-list", QUICK, QUICK[QUICK.index("zones:\n"):QUICK.index("demand:\n")], "zones: []\n\n",
         "zones", "an empty list is not allowed")
    edit("yes-as-boolean", QUICK, "  threads: 0 ", "  check_invariants: yes\n  threads: 0 ",
         "run.check_invariants", "'yes' is not allowed")
    edit("hours-as-number", QUICK, "package_hours: {distribution: gamma, mean: 20, sd: 10, minimum: 2}",
         "package_hours: 20", "client_groups[1].package_hours", "20 is not allowed")
    edit("group-as-text", QUICK, "    - name: learning disability\n      share: 0.1\n"
         "      package_hours: {distribution: gamma, mean: 20, sd: 10, minimum: 2}\n      tiers:\n"
         "        - {name: long-term, kind: long_term, share: 1, duration: {distribution: exponential, mean: 1500}}\n",
         "    - learning disability\n", "client_groups[1]", "'learning disability' is not allowed")
    edit("short-seasonality", QUICK, "  growth: 0.03 ", "  seasonality: [1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1]\n  growth: 0.03 ",
         "demand.seasonality", "a list of 11 values")
    edit("unknown-distribution", QUICK, "{distribution: gamma, mean: 13", "{distribution: normal, mean: 13",
         "package_hours.distribution", "'normal'")

    # --- Numbers: negative, zero, NaN, infinite, enormous -----------------------------------
    edit("negative-labour-pool", QUICK, "    labour_pool_per_week: 0.25", "    labour_pool_per_week: -0.25",
         "zones[2].labour_pool_per_week", "-0.25")
    edit("negative-referrals", QUICK, "  referrals_per_week: 6", "  referrals_per_week: -6",
         "demand.referrals_per_week", "-6 is not allowed")
    edit("zero-reference-rate", QUICK, "    reference_rate: 25.0", "    reference_rate: 0",
         "options[1].reference_rate", "0 is not allowed")
    edit("nan-referrals", QUICK, "  referrals_per_week: 6", "  referrals_per_week: .nan",
         "demand.referrals_per_week", "'.nan' is not allowed")
    edit("nan-share", QUICK, "    referral_share: 0.3", "    referral_share: NaN", "zones[1].referral_share", "NaN")
    edit("infinite-rate", QUICK, "{provider: Marsh Carers, route: framework, rate: 25.4}",
         "{provider: Marsh Carers, route: framework, rate: .inf}", "options[1].contracts[3].rate", "'.inf'")
    edit("overflowing-number", QUICK, "  visit_minutes: 45", "  visit_minutes: 1e400",
         "workforce.visit_minutes", "1e400")
    edit("enormous-referrals", QUICK, "  referrals_per_week: 6", "  referrals_per_week: 1e300",
         "demand.referrals_per_week", "1e300", "at most 100000")
    edit("enormous-replications", QUICK, "  replications: 100", "  replications: 1000000000000",
         "run.replications", "1000000000000")
    edit("enormous-threads", QUICK, "  threads: 0 ", "  threads: 100000000 ", "run.threads", "100000000")
    edit("enormous-care-workers", QUICK, "care_workers: 35,", "care_workers: 8e15,",
         "providers[4].care_workers", "8e15")
    edit("enormous-labour-pool", QUICK, "    labour_pool_per_week: 1.0 ", "    labour_pool_per_week: 5e12 ",
         "zones[0].labour_pool_per_week", "5e12")
    edit("enormous-recruitment", QUICK, "care_workers: 80, recruitment_per_week: 1}",
         "care_workers: 80, recruitment_per_week: 1e12}", "providers[0].recruitment_per_week", "1e12")
    edit("enormous-caseload", QUICK, "{zone: Riverside, people: 5}", "{zone: Riverside, people: 5000000000000}",
         "caseload.entries[8].people", "5000000000000")
    edit("package-hours-over-a-week", QUICK, "{distribution: gamma, mean: 20, sd: 10, minimum: 2}",
         "{distribution: gamma, mean: 200, sd: 10, minimum: 2}", "client_groups[1].package_hours.mean", "200",
         "168")
    edit("package-maximum-over-a-week", QUICK, "{distribution: gamma, mean: 13, sd: 7, minimum: 1}",
         "{distribution: gamma, mean: 13, sd: 7, minimum: 1, maximum: 500}",
         "client_groups[0].package_hours.maximum", "500", "168")
    edit("caseload-hours-over-a-week", QUICK, "{zone: Riverside, provider: City Home Support, people: 45}",
         "{zone: Riverside, provider: City Home Support, people: 45, hours_per_week: 169}",
         "caseload.entries[1].hours_per_week", "169", "168")
    edit("hundreds-of-years", QUICK, "  years: 2\n", "  years: 500\n", "calendar.years", "500", "100")
    edit("million-days", QUICK, "  years: 2\n", "  days: 1000000\n", "calendar.days", "1000000", "400000")
    edit("weeks-over-centuries", QUICK, "  years: 2\n  period: month\n", "  days: 200000\n  period: week\n",
         "calendar.period", "week", "5218", at="  period")
    edit("long-warm-up", QUICK, "  period: month\n", "  period: month\n  warm_up_days: 100000\n",
         "calendar.warm_up_days", "100000", "36525", at="  warm_up_days")
    edit("explosive-growth", QUICK, "  growth: 0.03 ", "  growth: 1e6 ", "demand.growth", "1e6")
    edit("enormous-seasonality", QUICK, "  growth: 0.03 ",
         "  seasonality: [1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1e300]\n  growth: 0.03 ", "demand.seasonality[11]",
         "1e300")
    edit("too-large-rate", QUICK, "    reference_rate: 25.0", "    reference_rate: 5e13", "options[1].reference_rate",
         "5e13 is too large")
    edit("too-large-capacity", COVERAGE, "care_workers: 0, fixed_capacity_hours: 50}",
         "care_workers: 0, fixed_capacity_hours: 2e15}", "providers[1].fixed_capacity_hours", "2e15 is too large")
    text = replace(QUICK, "  referrals_per_week: 6", "  referrals_per_week: 90000")
    text = replace(text, "  growth: 0.03 ", "  growth: 0.9 ")
    case("compounding-referrals", text, "  referrals_per_week: 90000", "demand",
         "the referral rate would reach", "at most 100000 a week")
    text = replace(QUICK, "  referrals_per_week: 6", "  referrals_per_week: 50000")
    text = replace(text, "  years: 2\n", "  years: 100\n")
    text = replace(text, "  growth: 0.03 ", "  growth: 0 ")
    case("too-many-people", text, "  referrals_per_week: 50000", "demand",
         "a replication would hold up to", "at most 10000000")
    text = replace(DAY, "  per_week: 1.8 ", "  per_week: 90000 ")
    text = replace(text, "  years: 3\n", "  years: 80\n")
    case("day-too-many-people", text, "  per_week: 90000", "referrals", "a replication would hold up to")
    edit("tiny-weibull-shape", QUICK, "duration: {distribution: exponential, mean: 1500}",
         "duration: {distribution: weibull, mean: 1500, shape: 0.0001}",
         "tiers[0].duration.shape", "0.0001")

    # --- Probabilities and shares ----------------------------------------------------------
    edit("probability-above-one", QUICK, "goal_probability: 0.5", "goal_probability: 1.5",
         "tiers[0].goal_probability", "1.5", "between 0 and 1")
    edit("negative-probability", QUICK, "  growth: 0.03 ",
         "  review: {interval_days: 365, step_down_probability: -0.1}\n  growth: 0.03 ",
         "demand.review.step_down_probability", "-0.1")
    edit("priority-share-above-one", QUICK, "priority_share: 0.3", "priority_share: 1.3",
         "client_groups[0].priority_share", "1.3")
    edit("review-probabilities-over-one", QUICK, "  growth: 0.03 ",
         "  review: {step_down_probability: 0.6, step_up_probability: 0.7}\n  growth: 0.03 ",
         "demand.review", "add up to 1.3")
    edit("zone-shares-short", QUICK, "    referral_share: 0.2", "    referral_share: 0.1", "zones",
         "add up to 0.9", at="  - name: Riverside")
    edit("group-shares-over", QUICK, "      share: 0.1\n", "      share: 0.3\n", "demand.client_groups",
         "add up to 1.2", at="    - name: older people")
    edit("tier-shares-short", QUICK, "share: 0.75, duration", "share: 0.25, duration",
         "client_groups[0].tiers", "add up to 0.5", at="        - {name: enablement")
    edit("shares-and-rates-mixed", QUICK, "    referral_share: 0.2", "    referrals_per_week: 1.2", "zones",
         "some zones give referral_share and others referrals_per_week", at="  - name: Riverside")
    edit("non-contact-share-above-one", QUICK, "  visit_minutes: 45", "  visit_minutes: 45\n  non_contact_share: 2",
         "workforce.non_contact_share", "2 is not allowed", at="non_contact_share")

    # --- References to names that do not exist -----------------------------------------------
    edit("unknown-base-zone", QUICK, "base_zone: Marshes, care_workers: 25", "base_zone: Marsh, care_workers: 25",
         "providers[3].base_zone", "'Marsh' is not a zone", "did you mean 'Marshes'")
    edit("unknown-served-zone", QUICK, "zones: [Hilltop, Marshes]", "zones: [Hilltop, Valley]",
         "providers[2].zones[1]", "'Valley' is not a zone")
    edit("unknown-caseload-provider", QUICK, "{zone: Marshes, provider: Marsh Carers, people: 40}",
         "{zone: Marshes, provider: Marsh Care, people: 40}", "caseload.entries[5].provider",
         "'Marsh Care' is not a provider")
    edit("unknown-caseload-zone", QUICK, "{zone: Riverside, people: 5}", "{zone: Lakeside, people: 5}",
         "caseload.entries[8].zone", "'Lakeside' is not a zone")
    edit("provider-not-serving-zone", QUICK, "{zone: Marshes, provider: Marsh Carers, people: 40}",
         "{zone: Riverside, provider: Marsh Carers, people: 40}", "caseload.entries[5].provider",
         "does not serve 'Riverside'")
    edit("contract-zone-not-served", QUICK, "{provider: Marsh Carers, route: strategic, zones: [Marshes], rate: 24.5}",
         "{provider: Marsh Carers, route: strategic, zones: [Riverside], rate: 24.5}", "options[0].contracts[2].zones[0]",
         "'Marsh Carers' does not serve 'Riverside'; it serves Marshes.")
    edit("unknown-contract-provider", QUICK, "{provider: City Home Support, route: framework, rate: 24.6}",
         "{provider: City Home Care, route: framework, rate: 24.6}", "options[1].contracts[1].provider",
         "'City Home Care' is not a provider")
    edit("unknown-next-tier", QUICK, "next: long-term}", "next: long term}", "tiers[0].next",
         "'long term' is not a tier")
    edit("unknown-premium-zone", QUICK, "zone_premiums: {Marshes: 0.08}", "zone_premiums: {Marshland: 0.08}",
         "options[1].zone_premiums.Marshland", "'Marshland' is not a zone")
    edit("unknown-contract-zone", QUICK, "route: strategic, zones: [Marshes], rate: 24.5}",
         "route: strategic, zones: [Marsh], rate: 24.5}", "options[0].contracts[2].zones[0]", "'Marsh'")
    edit("future-without-futures", QUICK, "prices:\n", "prices:\n  future: high inflation\n", "prices.future",
         "'high inflation' is not allowed", "there are none", at="  future: high")
    edit("unknown-future", QUICK, "prices:\n",
         "prices:\n  futures: {low inflation: {cpi: {2026: 0.01}}}\n  future: high inflation\n",
         "prices.future", "'high inflation'", "low inflation", at="  future: high")
    edit("unknown-coverage-option", COVERAGE, "  additions: 1\n", "  additions: 1\n  option: framework\n",
         "coverage.option", "'framework' is not allowed", at="  option: framework")

    # --- Duplicate names -------------------------------------------------------------------------
    edit("duplicate-zone", QUICK, "  - name: Marshes\n", "  - name: Hilltop\n", "zones[2].name",
         "'Hilltop' is already the name of zones[1]")
    edit("duplicate-provider", QUICK, "{name: Marsh Carers,", "{name: Riverside Care,", "providers[3].name",
         "'Riverside Care' is already the name of providers[0]")
    edit("duplicate-option", QUICK, "  - name: framework\n", "  - name: strategic\n", "options[1].name",
         "'strategic' is already the name of options[0]")
    edit("duplicate-client-group", QUICK, "    - name: learning disability", "    - name: older people",
         "client_groups[1].name", "'older people' is already")
    edit("duplicate-tier", QUICK, "{name: enablement, kind: enablement", "{name: long-term, kind: enablement",
         "tiers[1].name", "'long-term' is already", at="{name: long-term, kind: long_term")

    # --- Day opportunities -------------------------------------------------------------------------
    edit("day-unknown-level", DAY, "level: one to one, days_per_week: 2, daily_rate: 99.80,",
         "level: one-to-one, days_per_week: 2, daily_rate: 99.80,", "caseload[0].level",
         "'one-to-one' is not a support level")
    edit("day-unknown-provider", DAY, "{provider: Spot provider 21, route: spot",
         "{provider: Spot provider 22, route: spot", "caseload[61].provider", "'Spot provider 22' is not a provider")
    edit("day-level-shares-short", DAY, "level_shares: {group: 0.7, one to one: 0.3}",
         "level_shares: {group: 0.6, one to one: 0.3}", "groups[0].level_shares", "add up to 0.9")
    edit("day-negative-places", DAY, "{name: LmL provider 12, locality: \"Trowbridge & Westbury\", places: {group: 4,",
         "{name: LmL provider 12, locality: \"Trowbridge & Westbury\", places: {group: -4,",
         "providers[11].places.group", "-4")
    edit("day-days-over-a-week", DAY, "{provider: LmL provider 1, route: legacy, people: 13, group: adults, level: group, days_per_week: 2,",
         "{provider: LmL provider 1, route: legacy, people: 13, group: adults, level: group, days_per_week: 8,",
         "caseload[1].days_per_week", "8 is not allowed")
    edit("day-distribution-over-a-week", DAY, "days_per_week: {distribution: gamma, mean: 2.2, sd: 1.0, minimum: 0.5, maximum: 5}",
         "days_per_week: {distribution: gamma, mean: 2.2, sd: 1.0, minimum: 0.5, maximum: 9}",
         "groups[0].days_per_week.maximum", "9", "7")
    edit("day-approval-above-one", DAY, "approval_probability: 0.464", "approval_probability: 4.64",
         "options[1].approval_probability", "4.64")
    edit("day-enormous-referrals", DAY, "  per_week: 1.8 ", "  per_week: 1e300 ", "referrals.per_week", "1e300",
         "100000")
    edit("day-enormous-applicants", DAY, "applicants_per_round: 7.2 ", "applicants_per_round: 7.2e12 ",
         "options[1].applicants_per_round", "7.2e12")
    edit("day-duplicate-level", DAY, "  - {name: one to one, spot_daily_rate: 95.30}",
         "  - {name: group, spot_daily_rate: 95.30}", "levels[1].name", "'group' is already")
    edit("day-rate-missing-level", DAY, "rates: {group: 48.00, one to one: 99.80}", "rates: {group: 48.00}",
         "options[1].rates", "no rate for 'one to one'")
    edit("day-misspelt-key", DAY, "spot_share_target: 0.1 ", "spot_share_targt: 0.1 ", "spot_share_targt",
         "did you mean 'spot_share_target'")
    edit("day-missing-levels", DAY, "levels:\n  - {name: group", "level:\n  - {name: group", "level",
         "did you mean 'levels'")
    edit("day-pathway-unknown-group", DAY, "    pathways:\n      adults:\n", "    pathways:\n      adult:\n",
         "options[1].pathways.adult", "'adult' is not a client group", at="      adult:")
    edit("day-pathway-shares-over-one", DAY, "          - {name: enablement, kind: enablement, share: 0.6, ",
         "          - {name: enablement, kind: enablement, share: 0.7, ", "options[1].pathways.adults.tiers",
         "add up to 1.1", at="kind: enablement, share: 0.7")
    edit("day-pathway-goal-above-one", DAY, "goal_probability: 0.5, next: long-term}",
         "goal_probability: 1.5, next: long-term}", "options[1].pathways.adults.tiers[0].goal_probability", "1.5")
    edit("day-option-reviews-misspelt", DAY, "    pathways:\n      adults:\n",
         "    reviews: {interval_days: 182, move_probabilty: 0.6}\n    pathways:\n      adults:\n",
         "options[1].reviews.move_probabilty", "did you mean 'move_probability'")
    # Entry a year or a round, a DPS's expiry, budget lines and the savings target (Kent).
    dps_join = "    join_chance_per_year: 0.3              # assumption, as the framework\n"
    edit("day-entry-a-year-and-a-round", KENT, dps_join, dps_join + "    targeted_join_probability: 0.0068\n",
         "options[1].join_chance_per_year", "0.3 is given as well as targeted_join_probability (0.0068)",
         "per year or per round, not both", at="    join_chance_per_year: 0.3              # assumption, as the framework")
    text = replace(KENT, "  years: 4\n", "  years: 8\n")
    case("day-dps-past-its-expiry", text, "    rule: dps\n", "options[1].rule", "'dps'",
         "past the DPS's last day, 2029-02-23", "expected after_expiry: dynamic_market, framework or spot")
    edit("day-dps-expires-too-late", KENT, "    rule: dps\n", "    rule: dps\n    expires: 2029-06-30\n",
         "options[1].expires", "'2029-06-30' is not allowed", "no later than 2029-02-23", at="    expires:")
    edit("day-savings-target-unknown-line", KENT, "line: 26+ disability}", "line: over 26}",
         "savings_target.line", "'over 26' is not a budget line")
    edit("day-budget-line-unknown-group", KENT, "{name: 18-25, groups: [18-25]}", "{name: 18-25, groups: [65+]}",
         "budget_lines[1].groups[0]", "'65+' is not a client group")
    edit("day-savings-target-twice", KENT, "savings_target: {per_year: 1000000, line: 26+ disability}\n",
         "savings_target: {per_year: 1000000, line: 26+ disability}\nsavings_target_per_year: 1000000\n",
         "savings_target_per_year", "1000000 is given as well as savings_target", at="savings_target_per_year:")

    # --- Beds: self-funders and a framework's term (scenarios/wiltshire-good-lives.yaml) -----------
    edit("beds-self-funders-unknown-level", BEDS, "per_week: {residential: 8.02,", "per_week: {residental: 8.02,",
         "self_funders.per_week.residental", "'residental' is not a support level", "did you mean 'residential'")
    edit("beds-self-funders-negative-rate", BEDS, "nursing dementia: 2.83}", "nursing dementia: -2.83}",
         "self_funders.per_week.nursing dementia", "-2.83")
    edit("beds-self-funders-no-stay", BEDS, "    nursing dementia: {distribution: exponential, mean: 667}\n", "",
         "self_funders.stay_days", "no length of stay for 'nursing dementia'",
         at="    residential: {distribution: exponential, mean: 786}")
    edit("beds-term-on-spot", BEDS, "    rule: spot\n", "    rule: spot\n    term: {initial_years: 3}\n",
         "options[0].term", "a spot option has no framework", at="    term: {initial_years: 3}")
    edit("beds-term-on-performance", BEDS, "extension_years: 2, extend: never}", "extension_years: 2, extend: on_performance}",
         "options[2].term.extend", "on_performance")
    edit("beds-reapproval-above-one", BEDS, "reapproval_probability: 0.8\n", "reapproval_probability: 80\n",
         "options[2].reapproval_probability", "80")

    # --- Caseload CSV files ------------------------------------------------------------------------
    caseload_case("caseload-file-missing", None, None, "caseload.file", "no such file",
                  path="no-such-caseload.csv")
    caseload_case("caseload-file-outside-folder", None, None, "caseload.file", "../../etc/passwd",
                  "outside the scenario's folder", path="../../etc/passwd")
    caseload_case("caseload-file-absolute-path", None, None, "caseload.file", "/etc/passwd",
                  "outside the scenario's folder", path="/etc/passwd")
    caseload_case("caseload-file-is-a-folder", None, None, "caseload.file", "a folder", path=".")
    caseload_case("caseload-empty", "", 1, "the file is empty")
    caseload_case("caseload-binary-junk", junk(2, 300), 1, "not UTF-8 text", "byte 0xFF")
    caseload_case("caseload-latin-1", (CASELOAD_HEADER + "Riverside,Riverside Care,older people,12,2\n"
                                       "Marshes,Marsh Carers,older people,10,1 # café\n").encode("latin-1"),
                  3, "not UTF-8 text", "byte 0xE9")
    caseload_case("caseload-utf-16", codecs.BOM_UTF16_LE
                  + (CASELOAD_HEADER + "Riverside,Riverside Care,older people,12,2\n").encode("utf-16-le"),
                  1, "UTF-16")
    caseload_case("caseload-ragged-rows", CASELOAD_HEADER + "Riverside,Riverside Care,older people,12,2\n"
                  "Hilltop,Hilltop Homecare,older people\nMarshes,Marsh Carers,older people,10,1,extra\n",
                  3, "this row has 3 fields but the header has 5")
    caseload_case("caseload-unknown-column", "zone,provider,hours,people\nRiverside,Riverside Care,12,2\n", 1,
                  "hours", "unknown column 'hours'", "did you mean 'hours_per_week'")
    caseload_case("caseload-no-zone-column", "provider,people\nRiverside Care,2\n", 1, "zone",
                  "missing required column 'zone'")
    caseload_case("caseload-unknown-provider", CASELOAD_HEADER + "Riverside,Riverside Care,older people,12,2\n"
                  "Hilltop,Hiltop Homecare,older people,12,2\n", 3, "provider", "'Hiltop Homecare' is not a provider")
    caseload_case("caseload-negative-people", CASELOAD_HEADER + "Riverside,Riverside Care,older people,12,-2\n",
                  2, "people", "-2 is not allowed")
    caseload_case("caseload-nan-hours", CASELOAD_HEADER + "Riverside,Riverside Care,older people,NaN,2\n",
                  2, "hours_per_week", "'NaN' is not allowed")
    caseload_case("caseload-file-hours-over-a-week", CASELOAD_HEADER + "Riverside,Riverside Care,older people,12,2\n"
                  "Riverside,Riverside Care,older people,200,2\n", 3, "hours_per_week", "200", "168")
    caseload_case("caseload-enormous-people", CASELOAD_HEADER + "Riverside,Riverside Care,older people,12,1e13\n",
                  2, "people", "1e13")
    caseload_case("caseload-unclosed-quote", CASELOAD_HEADER + "Riverside,\"Riverside Care,older people,12,2\n",
                  2, "closing quote")

    # --- Providers as a CSV file -------------------------------------------------------------------
    providers_case("providers-file-negative-workers", "Marsh Carers,Marshes,,25,", "Marsh Carers,Marshes,,-25,", 5,
                   "providers[3].care_workers", "-25 is not allowed")
    providers_case("providers-file-unknown-zone", "Hilltop; Marshes", "Hilltop; Marshland", 4,
                   "providers[2].zones[1]", "'Marshland' is not a zone")
    providers_case("providers-file-unknown-column", "recruitment_per_week\n", "recruitment_per_weak\n", 1,
                   "unknown column 'recruitment_per_weak'", "did you mean 'recruitment_per_week'")
    providers_case("providers-file-ragged-row", "City Home Support,Riverside,,45,0.5\n",
                   "City Home Support,Riverside,45,0.5\n", 3, "this row has 4 fields but the header has 5")

    # --- Included files ---------------------------------------------------------------------------
    market = quick_parts()[1]
    include_case("include-missing", "includes/no-such-market.yaml", {}, (None, "include:"), "include",
                 "cannot include 'includes/no-such-market.yaml': no such file")
    include_case("include-outside-folder", "../quickstart-market.yaml", {}, (None, "include:"), "include",
                 "'../quickstart-market.yaml'", "outside the scenario's folder")
    include_case("include-cycle", "includes/cycle-a.yaml",
                 {"includes/cycle-a.yaml": "include: cycle-b.yaml\n" + market,
                  "includes/cycle-b.yaml": "include: cycle-a.yaml\n"},
                 ("includes/cycle-b.yaml", "include:"), "include",
                 "includes/cycle-a.yaml includes includes/cycle-b.yaml, which includes includes/cycle-a.yaml")
    include_case("include-bad-value", "includes/bad-market.yaml",
                 {"includes/bad-market.yaml": replace(market, "annual_turnover: 0.291", "annual_turnover: -1")},
                 ("includes/bad-market.yaml", "annual_turnover"), "workforce.annual_turnover", "-1 is not allowed")

    # --- Travel matrix and sites files ----------------------------------------------------------------
    coverage_case("matrix-missing", "travel_matrix", None, None, "coverage.travel_matrix", "no such file",
                  path="no-such-matrix.csv")
    coverage_case("matrix-outside-folder", "travel_matrix", None, None, "coverage.travel_matrix",
                  "outside the scenario's folder", path="../../../Package.swift")
    coverage_case("matrix-absolute-path", "travel_matrix", None, None, "coverage.travel_matrix",
                  "outside the scenario's folder", path="/etc/hosts")
    coverage_case("matrix-ragged", "travel_matrix", "from,West,Middle,East\nWest,10,20,80\nMiddle,20,10\n"
                  "East,80,60,10\n", 3, "this row has 3 fields but the header has 4")
    coverage_case("matrix-not-square", "travel_matrix", "from,West,Middle\nWest,10,20\nMiddle,20,10\n", 1,
                  "no column for 'East'")
    coverage_case("matrix-negative-minutes", "travel_matrix", MATRIX.replace("Middle,20,10,60", "Middle,20,10,-60"),
                  3, "'-60' is not allowed")
    coverage_case("matrix-nan-minutes", "travel_matrix", MATRIX.replace("East,80,60,10", "East,80,nan,10"),
                  4, "'nan' is not allowed")
    coverage_case("matrix-unknown-zone", "travel_matrix", MATRIX.replace("from,West,Middle,East", "from,West,Midle,East"),
                  1, "'Midle' is not a zone", "did you mean 'Middle'")
    coverage_case("matrix-duplicate-column", "travel_matrix", "from,West,Middle,East,West\nWest,10,20,80,10\n", 1,
                  "'West' has a second column")
    coverage_case("matrix-latin-1", "travel_matrix", (MATRIX + "# café\n").encode("latin-1"), 5, "not UTF-8 text",
                  "byte 0xE9")
    coverage_case("matrix-empty", "travel_matrix", "\n\n", 1, "the file is empty")
    coverage_case("sites-unknown-zone", "sites", SITES.replace("Depot,East", "Depot,Eastern"), 2,
                  "'Eastern' is not a zone")
    coverage_case("sites-missing-columns", "sites", "name,easting,northing\nDepot,438500,201200\n", 1,
                  "needs the columns name and zone")
    coverage_case("sites-easting-out-of-range", "sites", SITES.replace("438500", "9438500"), 2, "'9438500'",
                  "easting from 0 to 700000")
    coverage_case("sites-ragged", "sites", SITES + "Library,West\n", 4, "this row has 2 fields but the header has 4")
    coverage_case("sites-utf-16", "sites", codecs.BOM_UTF16_BE + SITES.encode("utf-16-be"), 1, "UTF-16")
    coverage_case("sites-outside-folder", "sites", None, None, "coverage.sites", "outside the scenario's folder",
                  path="../../../README.md")
    coverage_case("sites-binary-junk", "sites", junk(3, 200), 1, "not UTF-8 text", "byte 0xFF")

    # --- Coverage settings ---------------------------------------------------------------------
    edit("coverage-zero-standard", COVERAGE, "  standard_minutes: 20\n", "  standard_minutes: 0\n",
         "coverage.standard_minutes", "0 is not allowed")
    edit("coverage-road-factor-below-one", COVERAGE, "  road_factor: 1\n", "  road_factor: 0.5\n",
         "coverage.road_factor", "0.5")
    edit("coverage-zero-additions", COVERAGE, "  additions: 1\n", "  additions: 0\n", "coverage.additions",
         "0 is not allowed")
    edit("coverage-unknown-site-objective", COVERAGE, "  additions: 1\n", "  additions: 1\n  site_objective: gap\n",
         "coverage.site_objective", "'gap' is not allowed; expected one of: unmet_hours, coverage_gap",
         at="  site_objective: gap")
    edit("coverage-no-centroid", COVERAGE, ", labour_pool_per_week: 0,\n     centroid: {easting: 440000, northing: 200000}}",
         ", labour_pool_per_week: 0}", "coverage", "no centroid for 'East'", at="  standard_minutes: 20")

    # --- Values accepted before although almost certainly a mistake ----------------------------
    # Names a reader cannot tell apart: case and spacing, a zero-width space, a non-breaking
    # space, a Cyrillic letter.
    edit("names-zone-differs-in-case", QUICK, "  - name: Marshes\n", "  - name: RIVERSIDE\n",
         "zones[2].name", "'RIVERSIDE' reads the same as 'Riverside'")
    edit("names-provider-zero-width-space", QUICK,
         "  - {name: City Home Support, base_zone: Riverside,",
         "  - {name: \"River\\u200Bside Care\", base_zone: Riverside,",
         "providers[1].name", "'River<U+200B>side Care' reads the same as 'Riverside Care'")
    edit("names-option-soft-hyphen", QUICK, "  - name: framework\n", "  - name: \"strat\\u00ADegic\"\n",
         "options[1].name", "'strat<U+00AD>egic' reads the same as 'strategic'")
    edit("names-client-group-cyrillic", QUICK, "    - name: learning disability\n",
         "    - name: older p\u0435ople\n", "demand.client_groups[1].name", "'older p<U+0435>ople'")
    edit("names-tier-spacing", QUICK,
         "        - {name: enablement, kind: enablement,", "        - {name: LONG-TERM, kind: enablement,",
         "demand.client_groups[0].tiers[1].name", "'long-term' reads the same as 'LONG-TERM'",
         at="        - {name: long-term, kind: long_term, share: 0.75")
    edit("names-area-non-breaking-space", QUICK, "    zone_premiums: {Marshes: 0.08}\n",
         "    zone_premiums: {Marshes: 0.08}\n    areas: {North West: [Riverside], \"north\\u00A0west\": [Hilltop]}\n",
         "'north<U+00A0>west' reads the same as 'North West'", at="    areas: {North")
    edit("names-day-level-case", DAY, "  - {name: one to one, spot_daily_rate: 95.30}",
         "  - {name: Group, spot_daily_rate: 95.30}", "levels[1].name", "'Group' reads the same as 'group'")
    edit("names-day-provider-spacing", DAY, "  - {name: LmL provider 2, locality:",
         "  - {name: LmL  provider 1, locality:", "providers[1].name",
         "reads the same as 'LmL provider 1'")
    # Fractions written as percentages, where the key cannot exceed 1.
    edit("percent-priority-share", QUICK, "      priority_share: 0.3 ", "      priority_share: 30 ",
         "demand.client_groups[0].priority_share", "30 looks like a percentage; write 0.3.")
    edit("percent-growth", QUICK, "  growth: 0.03 ", "  growth: 3 ", "demand.growth",
         "3 looks like a percentage; write 0.03.")
    edit("percent-goal-probability", QUICK, "           goal_probability: 0.5, next: long-term}",
         "           goal_probability: 50, next: long-term}", "demand.client_groups[0].tiers[0].goal_probability",
         "50 looks like a percentage; write 0.5.")
    # A provider contracted twice for one zone in an option, at different rates.
    edit("contract-twice-different-rates", QUICK,
         "      - {provider: Hilltop Homecare, route: strategic, zones: [Hilltop], rate: 24.5}\n",
         "      - {provider: Hilltop Homecare, route: strategic, zones: [Hilltop], rate: 24.5}\n"
         "      - {provider: Riverside Care, route: approved, zones: [Riverside], rate: 26}\n",
         "options[0].contracts[2]", "'Riverside Care' is already contracted in options[0].contracts[0]",
         "£26 an hour", at="      - {provider: Riverside Care, route: approved")
    # Travel above the documented ceilings.
    edit("travel-minutes-above-ceiling", QUICK, "    reference_caseload: 40       #",
         "    travel_minutes_per_visit: 240\n    reference_caseload: 40       #",
         "zones[0].travel_minutes_per_visit", "240 is not allowed", "at most 180")
    coverage_case("matrix-minutes-above-ceiling", "travel_matrix", MATRIX.replace("West,10,20,80", "West,10,20,4800"),
                  2, "4800 is not allowed", "at most 600")
    # Names in data files: a site named twice (it would be offered twice), a blank site name, a
    # blank zone in the matrix.
    coverage_case("sites-duplicate-name", "sites", SITES + "depot ,West,420000,200000\n", 4,
                  "'depot' is already the name of the site on line 2")
    coverage_case("sites-blank-name", "sites", SITES + " ,West,420000,200000\n", 4, "expected the site's name")
    coverage_case("matrix-blank-zone", "travel_matrix", MATRIX.replace("East,80,60,10", ",80,60,10"), 4,
                  "expected the name of a zone")
    # --- Rates and sizes a run could not finish or hold ------------------------------------------
    # Each used to pass validate and then run without end or exhaust memory.
    edit("hand-back-hazard-million", QUICK, "\noptions:\n",
         "\nhand_backs:\n  background_annual_hazard: 1000000\n\noptions:\n",
         "hand_backs.background_annual_hazard", "1000000 is not allowed", "at most 365",
         at="  background_annual_hazard")
    edit("review-interval-thousandth-of-a-day", QUICK, "  referrals_per_week: 6\n",
         "  referrals_per_week: 6\n  review: {interval_days: 0.001}\n", "demand.review.interval_days",
         "0.001 is not allowed", "at least 1, or 0 for no reviews", at="  review:")
    edit("day-rounds-twice-a-day", DAY, "rounds: {every_days: 30,", "rounds: {every_days: 0.5,",
         "rounds.every_days", "0.5 is not allowed", "of at least 1")
    daily = replace(QUICK, "  referrals_per_week: 6\n", "  referrals_per_week: 6\n  review: {interval_days: 1}\n")
    edit("daily-reviews-for-a-century", daily, "  years: 2\n  period: month\n",
         "  years: 100\n  period: month\n", "demand: one replication could handle up to",
         "with reviews every day", "at most 1000000000 can be run in bounded time", at="  referrals_per_week: 6")
    extra = "".join(f"  - {{name: z{k}, referral_share: 0, labour_pool_per_week: 0}}\n" for k in range(60))
    text = replace(replace(QUICK, "  years: 2\n  period: month\n", "  years: 100\n  period: week\n"),
                   "zones:\n", "zones:\n" + extra)
    case("results-layout-beyond-memory", text, "  - {name: z0,", "zones: one replication's results would be",
         "at most 25000000 fit in memory")
    # Over the zone limit: zones written as empty mappings, counted before anything else is read.
    text = replace(QUICK, "zones:\n", "zones: [" + ",".join(["{}"] * 40001) + "]\nunused_zones:\n")
    case("zones-forty-thousand-and-one", text, "zones: [", "zones: there are 40001 zones",
         "at most 40000")
    keys = "".join(f"unknown_key_{k}: 1\n" for k in range(100))
    case("a-hundred-unknown-keys", QUICK + keys, "unknown_key_0", "unknown key 'unknown_key_0'",
         "and 70 more problems", "100 problems found")
    long_name = "x" * 5000
    edit("provider-name-five-thousand-characters", QUICK, "base_zone: Riverside, zones: [Riverside, Hilltop]",
         f"base_zone: {long_name}, zones: [Riverside, Hilltop]", "providers[0].base_zone",
         "'" + "x" * 60 + "…' (5000 characters) is not a zone", at="{name: Riverside Care")

    # Some files are deliberately not UTF-8, or not text at all: git must keep their bytes.
    write(".gitattributes", "* -text\n")

    lines = ["# Broken scenarios and what `sufficiency validate FILE` and `sufficiency run FILE --out DIR` must say.",
             "# Written by scripts/make-bad-input-corpus.py; run it again rather than editing this file.",
             "# file\texit status\ttexts standard error must contain (tab-separated)"]
    for file, status, texts in CASES:
        for text in texts:
            assert "\t" not in text and "\n" not in text, text
        lines.append("\t".join([file, str(status), *texts]))
    (OUT / "expected.tsv").write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"wrote {len(CASES)} cases ({len(WRITTEN)} files) to {OUT.relative_to(ROOT)}")


if __name__ == "__main__":
    make()
