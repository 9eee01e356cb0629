using Vouch.Features.Executives;

namespace Vouch.Tests.Unit.Programs;

public sealed class ConversationThemesTests
{
    private static readonly Guid[] s_ids = [.. Enumerable.Range(1, 6).Select(i => new Guid($"00000000-0000-0000-0000-00000000000{i}"))];

    private static ConversationText Text(int index, string text) => new(s_ids[index], text);

    [Fact]
    public void A_phrase_shared_by_several_conversations_is_a_theme_with_them_behind_it()
    {
        var themes = ConversationThemes.Find(
        [
            Text(0, "The data migration from the legacy system worries them."),
            Text(1, "Their data migration is the next project."),
            Text(2, "They love the mobile app."),
        ]);

        var theme = Assert.Single(themes);
        Assert.Equal(("data migration", 2), (theme.Phrase, theme.Count));
        Assert.Equal([s_ids[0], s_ids[1]], theme.ConversationIds);
    }

    [Fact]
    public void A_word_is_counted_once_per_conversation_and_shown_as_most_often_written()
    {
        var themes = ConversationThemes.Find(
        [
            Text(0, "Onboarding, onboarding, onboarding."),
            Text(1, "Onboarded two branches."),
            Text(2, "Faster onboarding of branches."),
        ]);

        var onboarding = themes.Single(t => t.Count == 3);
        Assert.Equal("onboarding", onboarding.Phrase);
        Assert.Equal(2, themes.Single(t => t.Phrase.StartsWith("branch", StringComparison.Ordinal)).Count);
    }

    [Fact]
    public void Stop_words_and_padding_never_make_a_theme_and_one_conversation_is_no_repeat()
    {
        Assert.Empty(ConversationThemes.Find(
        [
            Text(0, "They would really like to use it more, and they said so."),
            Text(1, "We could make it better; they would like that."),
            Text(2, "Single sign-on for contractors."),
        ]));
    }

    [Fact]
    public void The_most_shared_come_first_phrases_before_words_at_the_same_count()
    {
        var themes = ConversationThemes.Find(
        [
            Text(0, "Regional teams adopted it; reporting dashboards for the board."),
            Text(1, "Regional teams in four countries; the board is happy."),
            Text(2, "Reporting dashboards replaced spreadsheets; regional teams too."),
            Text(3, "The board wants reporting dashboards."),
        ]);

        Assert.Equal(["regional teams", "reporting dashboards", "board"], themes.Select(t => t.Phrase).Take(3));
        Assert.Equal([3, 3, 3], themes.Select(t => t.Count).Take(3));
    }

    [Fact]
    public void At_most_the_number_asked_for()
    {
        var texts = Enumerable.Range(0, 2).Select(i => Text(i, "alpha bravo charlie delta echo foxtrot golf hotel india juliet")).ToList();

        Assert.Equal(3, ConversationThemes.Find(texts, max: 3).Count);
    }
}
