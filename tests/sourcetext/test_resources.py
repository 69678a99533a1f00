"""Splitting run-together resource lines: the shipped pages, unseen names, the lexicon."""

import pytest

from pathways.sourcetext import KnownNames, lexicon, parse_text, split_resources
from tests.support import SOURCE_DIR

from .pages import seed_text

# Every resources line of the shipped guides, and what it holds.
SEED_LINES = [
    (
        "Coursera: AI For EveryoneBook: The Lean Startup by Eric Ries",
        ["Coursera: AI For Everyone", "Book: The Lean Startup by Eric Ries"],
    ),
    (
        "Scrum Alliance CSM coursePMI.org PMP prepKaggle: AI project examples",
        ["Scrum Alliance CSM course", "PMI.org PMP prep", "Kaggle: AI project examples"],
    ),
    (
        "Internal mentorship programAI project templates from PMI",
        ["Internal mentorship program", "AI project templates from PMI"],
    ),
    (
        "MLOps course on CourseraKubeflow documentationEventbrite for AI meetups",
        ["MLOps course on Coursera", "Kubeflow documentation", "Eventbrite for AI meetups"],
    ),
    (
        "Resume templates for PM rolesGlassdoor interview questionsLinkedIn job alerts",
        ["Resume templates for PM roles", "Glassdoor interview questions", "LinkedIn job alerts"],
    ),
    (
        "Coursera - Machine Learning Specialization (Andrew Ng)Kaggle - 'Getting Started' "
        "competitions",
        [
            "Coursera - Machine Learning Specialization (Andrew Ng)",
            "Kaggle - 'Getting Started' competitions",
        ],
    ),
    (
        "Coursera - Deep Learning Specialization (Andrew Ng)Fast.ai - Practical Deep Learning "
        "for Coders",
        [
            "Coursera - Deep Learning Specialization (Andrew Ng)",
            "Fast.ai - Practical Deep Learning for Coders",
        ],
    ),
    (
        "Coursera - Machine Learning Engineering for Production (MLOps)MLflow "
        "documentationKubernetes tutorials",
        [
            "Coursera - Machine Learning Engineering for Production (MLOps)",
            "MLflow documentation",
            "Kubernetes tutorials",
        ],
    ),
    (
        "Book: 'The Manager's Path' by Camille FournierBook: 'Radical Candor' by Kim "
        "ScottLinkedIn Learning - 'Leading Teams'",
        [
            "Book: 'The Manager's Path' by Camille Fournier",
            "Book: 'Radical Candor' by Kim Scott",
            "LinkedIn Learning - 'Leading Teams'",
        ],
    ),
    (
        "Cracking the PM Interview (for management questions)Glassdoor AI Engineering Manager "
        "interview questionsAI Engineering Manager meetups",
        [
            "Cracking the PM Interview (for management questions)",
            "Glassdoor AI Engineering Manager interview questions",
            "AI Engineering Manager meetups",
        ],
    ),
    (
        "Machine Learning Specialization (Coursera)MLflow documentationDesigning Machine "
        "Learning Systems (O'Reilly)",
        [
            "Machine Learning Specialization (Coursera)",
            "MLflow documentation",
            "Designing Machine Learning Systems (O'Reilly)",
        ],
    ),
    (
        "CKA Certification Course (Udemy)Kubeflow documentationKubernetes in Action (Manning)",
        [
            "CKA Certification Course (Udemy)",
            "Kubeflow documentation",
            "Kubernetes in Action (Manning)",
        ],
    ),
    (
        "Kubeflow Pipelines tutorialFeast documentationDVC: Data Version Control (online course)",
        [
            "Kubeflow Pipelines tutorial",
            "Feast documentation",
            "DVC: Data Version Control (online course)",
        ],
    ),
    (
        "AWS SageMaker Developer Course (A Cloud Guru)GCP Vertex AI documentationNVIDIA Triton "
        "Inference Server tutorials",
        [
            "AWS SageMaker Developer Course (A Cloud Guru)",
            "GCP Vertex AI documentation",
            "NVIDIA Triton Inference Server tutorials",
        ],
    ),
    (
        "System Design Interview (Alex Xu)MLOps interview questions on GitHubLinkedIn profile "
        "optimization for AI platform roles",
        [
            "System Design Interview (Alex Xu)",
            "MLOps interview questions on GitHub",
            "LinkedIn profile optimization for AI platform roles",
        ],
    ),
    (
        "Coursera: Mathematics for Machine Learning3Blue1Brown YouTube channelScikit-learn "
        "documentation",
        [
            "Coursera: Mathematics for Machine Learning",
            "3Blue1Brown YouTube channel",
            "Scikit-learn documentation",
        ],
    ),
    (
        "Coursera: Deep Learning SpecializationFast.ai coursePyTorch official tutorials",
        ["Coursera: Deep Learning Specialization", "Fast.ai course", "PyTorch official tutorials"],
    ),
    (
        "Papers With Code websiteArXiv Sanity LiteMedium blog platform",
        ["Papers With Code website", "ArXiv Sanity Lite", "Medium blog platform"],
    ),
    (
        "MLflow documentationWeights & Biases tutorialsCoursera: MLOps Fundamentals",
        ["MLflow documentation", "Weights & Biases tutorials", "Coursera: MLOps Fundamentals"],
    ),
    (
        "LeetCode for coding practiceInterview guides from 'Machine Learning Interviews' by "
        "Chip HuyenAI conferences (NeurIPS, ICML, or local meetups)",
        [
            "LeetCode for coding practice",
            "Interview guides from 'Machine Learning Interviews' by Chip Huyen",
            "AI conferences (NeurIPS, ICML, or local meetups)",
        ],
    ),
]


@pytest.mark.parametrize(("line", "expected"), SEED_LINES, ids=range(len(SEED_LINES)))
def test_split_resources_seed_line_with_lexicon(line, expected):
    assert split_resources(line) == tuple(expected)


def test_split_resources_seed_pages_give_every_line_split():
    found = []
    for path in sorted(SOURCE_DIR.glob("backend-developer-to-*.txt")):
        guide = parse_text(path.read_text("utf-8"), str(path))
        found += [phase.resources for phase in guide.roadmap]

    assert sorted(found) == sorted(tuple(expected) for _, expected in SEED_LINES)


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        # Names from the lexicon that never appear in the shipped pages.
        (
            "Hugging Face courseDeepLearning.AI short coursesTensorFlow Developer Certificate",
            [
                "Hugging Face course",
                "DeepLearning.AI short courses",
                "TensorFlow Developer Certificate",
            ],
        ),
        (
            "Intro to PostgreSQLMongoDB University",
            ["Intro to PostgreSQL", "MongoDB University"],
        ),
        (
            "DataCamp SQL trackHackerRank challengesLeetCode premium",
            ["DataCamp SQL track", "HackerRank challenges", "LeetCode premium"],
        ),
        (
            "JavaScript30 challengeTypeScript handbook",
            ["JavaScript30 challenge", "TypeScript handbook"],
        ),
        (
            "OpenAI cookbookChatGPT prompt guideDeepMind blog",
            ["OpenAI cookbook", "ChatGPT prompt guide", "DeepMind blog"],
        ),
        (
            "Apple iPhone design guideMcKinsey AI reportPowerPoint templates",
            ["Apple iPhone design guide", "McKinsey AI report", "PowerPoint templates"],
        ),
        (
            "MIT OpenCourseWare linear algebraFastAPI tutorial",
            ["MIT OpenCourseWare linear algebra", "FastAPI tutorial"],
        ),
        # Unknown names: every junction splits unless the piece is too short to be a word.
        ("Towards Data Science blogKaggle Learn", ["Towards Data Science blog", "Kaggle Learn"]),
        (
            "Read the eZine archiveGuide to Gardening",
            ["Read the eZine archive", "Guide to Gardening"],
        ),
        ("McXander Institute notesQuorra podcast", ["McXander Institute notes", "Quorra podcast"]),
        ("AWS S3Bucket policies", ["AWS S3Bucket policies"]),
        # Digits: after a word they start the next name, after an acronym they end it.
        ("Best courses2Minute Papers channel", ["Best courses", "2Minute Papers channel"]),
        ("OpenAI GPT4Guide to prompting", ["OpenAI GPT4", "Guide to prompting"]),
        ("Notes (Andrew Ng)3Blue1Brown videos", ["Notes (Andrew Ng)", "3Blue1Brown videos"]),
        # Quotes: a closing quote ends a resource; an apostrophe inside a name does not.
        ("Book: 'Radical Candor'Coursera course", ["Book: 'Radical Candor'", "Coursera course"]),
        ("O'Reilly Media booksManning MEAP", ["O'Reilly Media books", "Manning MEAP"]),
        ("The Manager's PathStaff Engineer", ["The Manager's Path", "Staff Engineer"]),
        # Nothing to split.
        ("Weights & Biases tutorials", ["Weights & Biases tutorials"]),
        ("   ", []),
    ],
)
def test_split_resources_unseen_names(line, expected):
    assert split_resources(line) == tuple(expected)


def test_split_resources_guide_words_keep_a_name_whole():
    line = "ZenML docsKedro tutorial"

    assert split_resources(line) == ("Zen", "ML docs", "Kedro tutorial")
    assert split_resources(line, KnownNames(guide_text="Orchestrate runs with ZenML.")) == (
        "ZenML docs",
        "Kedro tutorial",
    )


def test_split_resources_guide_possessive_counts_as_the_name():
    known = KnownNames(guide_text="Read ZenML's docs first.")

    assert split_resources("ZenML docsKedro tutorial", known) == ("ZenML docs", "Kedro tutorial")


def test_split_resources_short_word_used_alone_in_the_guide_ends_a_resource():
    line = "Course by Andrew NgKaggle Learn"

    assert split_resources(line) == ("Course by Andrew NgKaggle Learn",)
    assert split_resources(line, KnownNames(guide_text="Taught by Andrew Ng.")) == (
        "Course by Andrew Ng",
        "Kaggle Learn",
    )


def test_split_resources_caller_names_keep_a_name_whole():
    line = "DataForge handbookKaggle notebooks"

    assert split_resources(line) == ("Data", "Forge handbook", "Kaggle notebooks")
    assert split_resources(line, KnownNames({"DataForge"})) == (
        "DataForge handbook",
        "Kaggle notebooks",
    )


def test_parse_text_known_names_reach_the_splitter():
    text = seed_text()
    text = text.replace(
        "Coursera: AI For EveryoneBook: The Lean Startup by Eric Ries",
        "DataForge handbookKaggle notebooks",
    )

    without = parse_text(text, "x").roadmap[0].resources
    with_names = parse_text(text, "x", known_names=["DataForge"]).roadmap[0].resources

    assert without == ("Data", "Forge handbook", "Kaggle notebooks")
    assert with_names == ("DataForge handbook", "Kaggle notebooks")


def test_parse_text_resource_line_does_not_vouch_for_itself():
    text = seed_text()

    # "EveryoneBook" is written nowhere else, so it is still split.
    assert parse_text(text, "x").roadmap[0].resources == (
        "Coursera: AI For Everyone",
        "Book: The Lean Startup by Eric Ries",
    )


def test_lexicon_holds_common_brands():
    expected = {
        "GitHub",
        "GitLab",
        "LinkedIn",
        "YouTube",
        "PyTorch",
        "TensorFlow",
        "SageMaker",
        "NeurIPS",
        "ArXiv",
        "DataCamp",
        "LeetCode",
        "HackerRank",
        "JavaScript",
        "TypeScript",
        "PostgreSQL",
        "MongoDB",
        "OpenAI",
        "ChatGPT",
        "DeepMind",
        "DeepLearning.AI",
        "HuggingFace",
        "PowerPoint",
        "FastAPI",
        "OpenCourseWare",
        "iPhone",
        "macOS",
        "McKinsey",
        "3Blue1Brown",
        "MLflow",
        "MLOps",
        "O'Reilly",
        "fast.ai",
    }

    assert expected - lexicon() == set()
    assert not any(name.startswith("#") for name in lexicon())


def test_split_resources_adversarial_line_stays_linear():
    # Tens of thousands of junctions in one token: quadratic work would take
    # minutes here, linear work well under a second (timed in bench/, not here).
    line = "aB" * 20_000 + " " + "GitHub" * 8_000 + " " + "x1Y" * 10_000

    pieces = split_resources(line, KnownNames(guide_text="aBaB GitHubGitHub"))

    assert (pieces[0], pieces[-1]) == ("aBa", "1Y")
