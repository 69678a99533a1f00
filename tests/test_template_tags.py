"""Template tags of the public pages."""

from django.template import Context, Template


def render(source: str, **context) -> str:
    return Template("{% load pathways_tags %}" + source).render(Context(context))


def test_options_escape_values_and_labels_and_mark_the_selected_one():
    choices = [("c-dev", "C & C++ <Dev>"), ("qa", 'QA "Lead"')]

    html = render("{% options choices selected %}", choices=choices, selected="qa")

    assert html == (
        '<option value="c-dev">C &amp; C++ &lt;Dev&gt;</option>'
        '<option value="qa" selected>QA &quot;Lead&quot;</option>'
    )


def test_options_without_a_selection_select_none():
    html = render("{% options choices %}", choices=[("", "Recommended order")])

    assert html == '<option value="">Recommended order</option>'


def test_indefinite_article_goes_by_the_sound_of_the_role_name():
    html = render(
        "{{ ux|indefinite_article }} {{ ml|indefinite_article }} {{ pm|indefinite_article }}",
        ux="UX Designer",
        ml="ML Engineer",
        pm="Product Manager",
    )

    assert html == "a an a"


def test_indefinite_article_of_nothing_is_a():
    assert render("[{{ missing|indefinite_article }}]") == "[a]"
