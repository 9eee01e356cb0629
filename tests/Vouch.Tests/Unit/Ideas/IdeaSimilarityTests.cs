using Vouch.Features.Ideas.Similarity;

namespace Vouch.Tests.Unit.Ideas;

public sealed class IdeaSimilarityTests
{
    private static double Score(string typed, string existing) =>
        IdeaSimilarity.Score(new IdeaText(typed, null), new IdeaText(existing, null));

    [Theory]
    [InlineData("Exporting reports", new[] { "export", "report" })]
    [InlineData("Exported the report", new[] { "export", "report" })]
    [InlineData("Downloading the reports", new[] { "export", "report" })]
    [InlineData("Export to a spreadsheet", new[] { "export", "csv" })]
    [InlineData("CSV export", new[] { "csv", "export" })]
    [InlineData("Excel export", new[] { "csv", "export" })]
    public void Search_terms_are_stemmed_and_synonyms_folded(string text, string[] terms) =>
        Assert.Equal(terms, IdeaSimilarity.SearchTerms(text));

    [Theory]
    [InlineData("Dark mode please", new[] { "darkmode" })]
    [InlineData("A night theme", new[] { "darkmode" })]
    [InlineData("Single sign-on with SAML", new[] { "sso" })]
    [InlineData("Two-factor authentication", new[] { "mfa" })]
    [InlineData("Log in with Google", new[] { "login", "googl" })]
    [InlineData("Turn off notifications", new[] { "disable", "notification" })]
    [InlineData("Keep me logged in", new[] { "rememberme" })]
    [InlineData("Save my filters", new[] { "savedview" })]
    public void Phrases_become_one_term(string text, string[] terms) =>
        Assert.Equal(terms, IdeaSimilarity.SearchTerms(text));

    [Theory]
    [InlineData("I would like to be able to see the invoices", new[] { "see", "invoice" })]
    [InlineData("Please, could we have it?", new string[0])]
    [InlineData("", new string[0])]
    [InlineData("   ", new string[0])]
    public void Stop_words_are_dropped(string text, string[] terms) =>
        Assert.Equal(terms, IdeaSimilarity.SearchTerms(text));

    [Theory]
    [InlineData("Personalise the dashboard", new[] { "customize", "dashboard" })]
    [InlineData("Accessible charts", new[] { "accessibility", "chart" })]
    [InlineData("Access for partners", new[] { "access", "partner" })]
    public void Words_the_stemmer_would_confuse_keep_their_meaning(string text, string[] terms) =>
        Assert.Equal(terms, IdeaSimilarity.SearchTerms(text));

    [Fact]
    public void Accents_and_case_do_not_matter() =>
        Assert.Equal(["cafe", "export"], IdeaSimilarity.SearchTerms("CAFÉ Exports"));

    [Fact]
    public void Markup_is_just_text() =>
        Assert.Equal(["script", "notification", "darkmode"], IdeaSimilarity.SearchTerms("<script>alert('x')</script> <b>dark mode</b>"));

    [Fact]
    public void Each_term_is_listed_once() =>
        Assert.Equal(["export", "csv"], IdeaSimilarity.SearchTerms("Export CSV, export spreadsheets, download Excel"));

    [Theory]
    [InlineData("Export reports to PDF")]
    [InlineData("Dark mode for the mobile app")]
    [InlineData("Exprot contacts")]
    [InlineData("<script>alert('x')</script>")]
    public void An_idea_is_identical_to_itself(string title)
    {
        Assert.Equal(1.0, Score(title, title));
        Assert.Equal(1.0, IdeaSimilarity.Score(new IdeaText(title, "Our board reads it on paper."), new IdeaText(title, "Our board reads it on paper.")));
    }

    [Theory]
    [InlineData("Export reports to PDF", "export reports to pdf")]
    [InlineData("Export reports to PDF", "Export the reports to a PDF!")]
    [InlineData("Export <b>reports</b> to PDF", "Export reports to PDF")]
    public void Case_punctuation_markup_and_filler_words_change_nothing(string typed, string existing) =>
        Assert.Equal(1.0, Score(typed, existing));

    [Theory]
    [InlineData("Exporting reports to PDF", "Export report to PDF")]
    [InlineData("Export reports to PDF", "Download reports as PDF")]
    [InlineData("Dark mode for the mobile app", "Night theme on the iPhone app")]
    [InlineData("Single sign-on with Okta", "Okta SSO")]
    [InlineData("CSV export of deals", "Export deals to a spreadsheet")]
    [InlineData("Two-factor authentication", "MFA")]
    [InlineData("Dark mode", "Add dark mode please")]
    public void Paraphrases_are_possible_duplicates(string typed, string existing) =>
        Assert.InRange(Score(typed, existing), IdeaSimilarity.DuplicateThreshold, 1.0);

    [Theory]
    [InlineData("Exprot contacts to CSV", "Export contacts to CSV")]
    [InlineData("Notifcations for new comments", "Notifications for new comments")]
    [InlineData("Calender integration", "Calendar integration")]
    [InlineData("Intergration with Hubspot", "Integration with HubSpot")]
    public void Typos_are_possible_duplicates(string typed, string existing) =>
        Assert.InRange(Score(typed, existing), IdeaSimilarity.DuplicateThreshold, 1.0);

    [Fact]
    public void A_typo_counts_a_little_less_than_the_word()
    {
        var typo = Score("Exprot contacts", "Export contacts");

        Assert.InRange(typo, IdeaSimilarity.DuplicateThreshold, 0.99);
        Assert.Equal(1.0, Score("Export contacts", "Export contacts"));
    }

    [Theory]
    [InlineData("Export reports to PDF", "Import reports from PDF")]
    [InlineData("Dark mode for the mobile app", "Dark mode for email templates")]
    [InlineData("Sign in with Google", "Sign in with Microsoft")]
    [InlineData("Slack notifications when a deal closes", "Microsoft Teams notifications when a deal closes")]
    [InlineData("Export contacts to CSV", "Export contacts to PDF")]
    [InlineData("Weekly summary email", "Daily summary email")]
    public void Near_misses_are_not_possible_duplicates(string typed, string existing) =>
        Assert.InRange(Score(typed, existing), 0.0, IdeaSimilarity.DuplicateThreshold - 0.001);

    [Theory]
    [InlineData("Pie charts on the dashboard", "Remove pie charts from the dashboard", "Add pie charts to the dashboard")]
    [InlineData("Email notifications", "Turn off email notifications", "Turn on email notifications")]
    public void Asking_to_remove_what_the_other_asks_for_halves_the_score(string typed, string removing, string asking)
    {
        var removal = Score(typed, removing);

        Assert.InRange(removal, 0.0, 0.5);
        Assert.InRange(Score(typed, asking), 0.95, 1.0);
    }

    [Theory]
    [InlineData("Calendar integration", "Payroll reports")]
    [InlineData("Dark mode", "Invoice reminders")]
    [InlineData("Export contacts", "")]
    [InlineData("", "")]
    public void Unrelated_ideas_score_zero(string typed, string existing) =>
        Assert.Equal(0.0, Score(typed, existing));

    [Theory]
    [InlineData("Export reports to PDF", "Download reports as PDF")]
    [InlineData("Exprot contacts to CSV", "Export contacts to a spreadsheet")]
    [InlineData("Pie charts on the dashboard", "Remove pie charts from the dashboard")]
    [InlineData("Dark mode", "Dark mode for email templates")]
    public void Order_does_not_matter(string typed, string existing) =>
        Assert.Equal(Score(typed, existing), Score(existing, typed), 12);

    [Fact]
    public void Prepared_ideas_score_as_texts_do()
    {
        var typed = new IdeaText("Export reports to PDF", null);
        var existing = new IdeaText("Download reports as PDF files", "For the board, every month.");

        Assert.Equal(IdeaSimilarity.Score(typed, existing), IdeaSimilarity.Score(IdeaSimilarity.Prepare(typed), IdeaSimilarity.Prepare(existing)));
    }

    [Fact]
    public void An_empty_description_is_no_description()
    {
        var existing = new IdeaText("Download reports as PDF", "The board reads them on paper.");

        var without = IdeaSimilarity.Score(new IdeaText("Export reports to PDF", null), existing);

        Assert.Equal(without, IdeaSimilarity.Score(new IdeaText("Export reports to PDF", ""), existing));
        Assert.Equal(without, IdeaSimilarity.Score(new IdeaText("Export reports to PDF", "  \n "), existing));
    }

    [Fact]
    public void Descriptions_bring_ideas_with_different_titles_closer()
    {
        const string description = "Our field technicians have no signal in basements and lose what they typed.";
        var typed = new IdeaText("Work in basements", null);
        var existing = new IdeaText("Keep working when the signal drops", null);

        var titles = IdeaSimilarity.Score(typed, existing);
        var described = IdeaSimilarity.Score(typed with { Description = description }, existing with { Description = description });

        Assert.True(described > titles, $"{described} with descriptions, {titles} without");
    }

    [Fact]
    public void The_title_outweighs_the_description()
    {
        var typed = new IdeaText("Dark mode", "The white background hurts my eyes at night.");
        var existing = new IdeaText("Dark mode", "Our brand colours should be used in the dark theme too.");
        var sameDescription = new IdeaText("Invoice reminders", typed.Description);

        Assert.InRange(IdeaSimilarity.Score(typed, existing), 0.7, 0.99);
        Assert.InRange(IdeaSimilarity.Score(typed, sameDescription), 0.0, IdeaSimilarity.DuplicateThreshold - 0.001);
    }

    [Fact]
    public void Very_long_texts_are_scored()
    {
        var words = string.Join(' ', Enumerable.Range(0, 15_000).Select(index => $"word{index % 997}"));
        var huge = new IdeaText(words, words);
        Assert.True(words.Length > 100_000);

        Assert.Equal(1.0, IdeaSimilarity.Score(huge, huge));
        Assert.InRange(IdeaSimilarity.Score(huge, new IdeaText("Export reports to PDF", null)), 0.0, 0.01);
        Assert.InRange(IdeaSimilarity.SearchTerms(words).Count, 1, 400);
    }

    [Fact]
    public void Scores_are_the_same_every_time()
    {
        var typed = new IdeaText("Exprot contacts to CSV", "We move to another CRM.");
        var existing = new IdeaText("Export contacts to a spreadsheet", "Marketing wants the list.");

        Assert.Equal(IdeaSimilarity.Score(typed, existing), IdeaSimilarity.Score(typed, existing));
    }

    [Fact]
    public void Missing_ideas_are_refused()
    {
        Assert.Throws<ArgumentNullException>(() => IdeaSimilarity.Prepare(null!));
        Assert.Throws<ArgumentNullException>(() => IdeaSimilarity.SearchTerms(null!));
        Assert.Throws<ArgumentNullException>(() => IdeaSimilarity.Score((IdeaFingerprint)null!, IdeaSimilarity.Prepare(new IdeaText("x", null))));
    }
}
