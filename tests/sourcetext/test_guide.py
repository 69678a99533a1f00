"""The grammar of a guide page: layout variations it accepts, and every refusal."""

from pathways.sourcetext import FAQ, parse_file, parse_text
from tests.support import SOURCE_DIR

from .pages import PROJECT_MANAGER_FILE, error_of, seed_text


def test_parse_file_seed_takes_role_names_from_the_title_not_the_breadcrumb():
    guide = parse_file(SOURCE_DIR / "backend-developer-to-applied-ai-scientist.txt")

    assert (guide.from_role, guide.to_role) == ("Backend Developer", "Applied AI Scientist")


def test_parse_file_seed_role_names_keep_the_title_capitals():
    text = seed_text()
    guide = parse_file(PROJECT_MANAGER_FILE)

    assert "\nAi Project Manager\n" in text
    assert guide.to_role == "AI Project Manager"


def test_parse_file_seed_overview_keeps_two_paragraphs():
    guide = parse_file(PROJECT_MANAGER_FILE)
    paragraphs = guide.overview.split("\n\n")

    assert len(paragraphs) == 2
    assert paragraphs[0].startswith("As a Backend Developer, you already possess")
    assert paragraphs[1].endswith("making you a highly effective leader in AI teams.")


def test_parse_file_seed_typographic_characters_survive():
    guide = parse_file(SOURCE_DIR / "backend-developer-to-ai-platform-engineer.txt")

    assert "$85K\u2013$140K" in guide.faqs[0].answer
    assert guide.overview.split("\n\n")[1].count("pipelines\u2014all") == 1


def test_parse_text_view_count_with_thousands_separator():
    text = seed_text().replace("Career Pathway1 views", "Career Pathway1,204 views")

    assert parse_text(text, "x").views == 1204


def test_parse_text_view_count_absent_gives_none():
    text = seed_text().replace("Career Pathway1 views", "Career Pathway")

    assert parse_text(text, "x").views is None


def test_parse_text_title_without_months():
    title = "From Backend Developer to AI Project Manager: Transition Guide"
    text = seed_text().replace(
        "From Backend Developer to AI Project Manager: Your 6-Month Transition Guide", title
    )
    guide = parse_text(text, "x")

    assert (guide.title, guide.guide_months) == (title, None)


def test_parse_text_singular_week_and_case_of_priority():
    text = seed_text().replace("Nice to have2 weeks", "nice to have1 week")
    skills = parse_text(text, "x").skills_to_learn

    assert [(s.priority, s.weeks) for s in skills[4:]] == [("nice_to_have", 1), ("nice_to_have", 1)]


def test_parse_text_closing_call_to_action_is_optional():
    text = seed_text().split("\n\nReady to Start Your Transition?")[0]

    assert parse_text(text, "x") == parse_file(PROJECT_MANAGER_FILE)


def test_parse_text_curly_apostrophes_in_headings():
    text = seed_text().replace("What You'll Love", "What You\u2019ll Love")

    assert parse_text(text, "x") == parse_file(PROJECT_MANAGER_FILE)


def test_parse_text_resources_as_bullets_are_not_split():
    text = seed_text().replace(
        "Resources\nCoursera: AI For EveryoneBook: The Lean Startup by Eric Ries",
        "Resources\n  \u2022 Coursera: AI For EveryoneBook\n  \u2022 Eric Ries",
    )

    assert parse_text(text, "x").roadmap[0].resources == (
        "Coursera: AI For EveryoneBook",
        "Eric Ries",
    )


def test_parse_text_phase_without_resources_gives_none():
    text = seed_text().replace(
        "Resources\nCoursera: AI For EveryoneBook: The Lean Startup by Eric Ries\n", ""
    )

    assert parse_text(text, "x").roadmap[0].resources == ()


def test_parse_text_question_before_answer_is_kept():
    text = seed_text().replace(
        "Frequently Asked Questions\n\n",
        "Frequently Asked Questions\n\nIs the pay better?\n\n",
    )
    faqs = parse_text(text, "x").faqs

    assert faqs == (
        FAQ(
            "Is the pay better?",
            parse_file(PROJECT_MANAGER_FILE).faqs[0].answer,
            question_inferred=False,
        ),
    )


def test_parse_text_multi_line_overview_paragraph_is_kept():
    text = seed_text().replace(
        "\n\nAI Project Managers are in high demand",
        "\n\n- first point\n- second point\n\nAI Project Managers are in high demand",
    )
    paragraphs = parse_text(text, "x").overview.split("\n\n")

    assert paragraphs[1] == "- first point\n- second point"


def test_parse_text_bad_view_count():
    text = seed_text().replace("Career Pathway1 views", "Career Pathway many views")

    assert error_of(text) == (
        "guide.txt:1: expected 'Career Pathway' with an optional view count such as "
        "'Career Pathway1,204 views', found 'Career Pathway many views'"
    )


def test_parse_text_missing_title():
    text = seed_text().replace(
        "From Backend Developer to AI Project Manager: Your 6-Month Transition Guide" + "\n", ""
    )

    assert error_of(text) == (
        "guide.txt:6: missing title: expected 'From <role> to <role>: Your N-Month "
        "Transition Guide', found 'Difficulty'"
    )


def test_parse_text_missing_breadcrumbs():
    text = seed_text().replace("Backend Developer\nAi Project Manager\n", "")

    assert error_of(text) == (
        "guide.txt:3: missing breadcrumb: expected the current role, found "
        "'From Backend Developer to AI Project Manager: Your 6-Month\u2026'"
    )


def test_parse_text_target_breadcrumb_disagrees_with_title():
    text = seed_text().replace("Ai Project Manager\n", "Ai Product Manager\n", 1)

    assert error_of(text) == (
        "guide.txt:3: breadcrumb 'Ai Product Manager' does not match the target role "
        "'AI Project Manager' in the title"
    )


def test_parse_text_current_breadcrumb_disagrees_with_title():
    text = seed_text().replace("Backend Developer\n", "Frontend Developer\n", 1)

    assert error_of(text) == (
        "guide.txt:2: breadcrumb 'Frontend Developer' does not match the current role "
        "'Backend Developer' in the title"
    )


def test_parse_text_missing_stat_label():
    text = seed_text().replace("Salary Change\n+15%\n", "")

    assert error_of(text) == "guide.txt:11: expected 'Salary Change', found 'Demand'"


def test_parse_text_missing_stat_value():
    text = seed_text().replace("Demand\nHigh demand", "Demand\n\nOverview\n\nHigh demand")

    assert error_of(text) == "guide.txt:15: missing the value of 'Demand': found 'Overview'"


def test_parse_text_truncated_after_roadmap():
    text = seed_text().split("\n\nReality Check")[0]

    assert error_of(text) == (
        "guide.txt:144: unexpected end of file: missing section 'Reality Check' "
        "(the guide stops after 'Your Learning Roadmap')"
    )


def test_parse_text_truncated_inside_reality_check():
    text = seed_text().split("\n\nBiggest Challenges")[0]

    assert error_of(text) == (
        "guide.txt:162: unexpected end of file: missing 'Biggest Challenges' in 'Reality Check'"
    )


def test_parse_text_section_out_of_order():
    text = seed_text()
    reality = text[text.index("Reality Check") : text.index("Start Your Journey Now")]
    start = text[text.index("Start Your Journey Now") : text.index("Frequently Asked Questions")]
    text = text.replace(reality + start, start + reality)

    assert error_of(text) == (
        "guide.txt:146: section out of order: found 'Start Your Journey Now' where "
        "'Reality Check' was expected"
    )


def test_parse_text_weeks_written_in_words():
    text = seed_text().replace("Critical6 weeks", "Critical eight weeks")

    assert error_of(text) == (
        "guide.txt:64: bad priority and weeks line 'Critical eight weeks' for skill "
        "'AI/ML Fundamentals': expected e.g. 'Critical6 weeks' (Critical, Important or "
        "Nice to have)"
    )


def test_parse_text_unknown_priority():
    text = seed_text().replace("Critical6 weeks", "Urgent6 weeks")

    assert error_of(text) == (
        "guide.txt:64: unknown priority 'Urgent' for skill 'AI/ML Fundamentals': "
        "expected Critical, Important or Nice to have"
    )


def test_parse_text_missing_priority():
    text = seed_text().replace("Critical6 weeks", "6 weeks")

    assert error_of(text) == (
        "guide.txt:64: missing priority in '6 weeks' for skill 'AI/ML Fundamentals': "
        "expected e.g. 'Critical6 weeks' (Critical, Important or Nice to have)"
    )


def test_parse_text_skill_without_description():
    text = seed_text().replace(
        "\n\nReview 'AI Project Lifecycle' on Google Cloud Skills Boost and case studies "
        "from industry reports.",
        "",
    )

    assert error_of(text) == "guide.txt:82: skill 'AI Project Lifecycle' has no description"


def test_parse_text_skill_taking_zero_weeks():
    text = seed_text().replace("Important3 weeks", "Important0 weeks")

    assert error_of(text) == (
        "guide.txt:58: skill 'Risk Management' takes 0 weeks in 'Important0 weeks': "
        "it must take at least 1 week"
    )


def test_parse_text_phase_without_weeks():
    text = seed_text().replace("Basics\n\n6 weeks\n", "Basics\n\n")

    assert error_of(text) == (
        "guide.txt:94: phase 1 'Foundation: AI & Project Management Basics' has no weeks "
        "line: expected e.g. '6 weeks', found 'Tasks'"
    )


def test_parse_text_phase_taking_zero_weeks():
    text = seed_text().replace(
        "Foundation: AI & Project Management Basics\n\n6 weeks",
        "Foundation: AI & Project Management Basics\n\n0 weeks",
    )

    assert error_of(text) == (
        "guide.txt:94: phase 1 'Foundation: AI & Project Management Basics' takes 0 weeks: "
        "a phase takes at least 1 week"
    )


def test_parse_text_phase_without_tasks():
    text = seed_text()
    tasks = text[text.index("Tasks\n  \u2022 Earn") : text.index("Resources\nScrum")]
    text = text.replace(tasks, "")

    assert error_of(text) == (
        "guide.txt:106: phase 2 'Deep Dive: Core PM Skills & Certification' has no tasks: "
        "expected 'Tasks' after the weeks line"
    )


def test_parse_text_phase_with_empty_task_list():
    text = seed_text()
    bullets = text[text.index("  \u2022 Earn") : text.index("Resources\nScrum")]
    text = text.replace(bullets, "")

    assert error_of(text) == (
        "guide.txt:106: phase 2 'Deep Dive: Core PM Skills & Certification' has no tasks: "
        "'Tasks' lists no '\u2022' bullets"
    )


def test_parse_text_phase_number_out_of_sequence():
    text = seed_text().replace("\n3\n\nReal-World", "\n4\n\nReal-World")

    assert error_of(text) == "guide.txt:112: phase number 4 is out of sequence: expected 3"


def test_parse_text_resources_heading_without_resources():
    text = seed_text().replace(
        "Resources\nCoursera: AI For EveryoneBook: The Lean Startup by Eric Ries\n", "Resources\n"
    )

    assert error_of(text) == (
        "guide.txt:99: phase 1 'Foundation: AI & Project Management Basics' lists no "
        "resources after 'Resources'"
    )


def test_parse_text_stray_line_in_bullet_list():
    text = seed_text().replace("What You Might Miss\n", "What You Might Miss\nA stray note\n")

    assert error_of(text) == (
        "guide.txt:158: expected a '\u2022' bullet under 'What You Might Miss', found "
        "'A stray note'"
    )


def test_parse_text_stray_line_in_roadmap():
    text = seed_text().replace("Resources\nScrum", "A stray note\nResources\nScrum")

    assert error_of(text) == "guide.txt:110: expected phase number 3, found 'A stray note'"


def test_parse_text_question_without_answer():
    text = seed_text().replace(
        "\n\nReady to Start Your Transition?",
        "\n\nIs it worth it?\n\nReady to Start Your Transition?",
    )

    assert error_of(text) == "guide.txt:196: FAQ question 'Is it worth it?' has no answer"


def test_parse_text_text_after_closing():
    text = seed_text() + "\n\nSubscribe to our newsletter"

    assert error_of(text) == (
        "guide.txt:200: unexpected text after 'Ready to Start Your Transition?': "
        "'Subscribe to our newsletter'"
    )
