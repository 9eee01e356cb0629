using Vouch.Features.Meaning;

namespace Vouch.Tests.Unit.Meaning;

public sealed class MeaningBlendTests
{
    [Fact]
    public void Without_a_cosine_the_words_alone_are_the_score()
    {
        Assert.Equal(0.42, MeaningBlend.Score(0.42, null));
    }

    [Fact]
    public void Words_and_meaning_are_weighed_one_to_one_and_a_half_and_a_negative_cosine_counts_as_none()
    {
        Assert.Equal((0.2 + 1.5 * 0.8) / 2.5, MeaningBlend.Score(0.2, 0.8), 12);
        Assert.Equal(0.2 / 2.5, MeaningBlend.Score(0.2, -0.3), 12);
        Assert.Equal(1, MeaningBlend.Score(1, 1), 12);
    }

    [Fact]
    public void A_rewording_that_shares_no_word_outranks_a_near_miss_that_shares_many()
    {
        // "Night theme with darker colours" typed beside "Dark mode" (a rewording) and "Dark mode for email templates".
        var rewording = MeaningBlend.Score(words: 0.05, meaning: 0.62);
        var nearMiss = MeaningBlend.Score(words: 0.30, meaning: 0.40);

        Assert.True(rewording > nearMiss, $"{rewording} against {nearMiss}");
    }

    [Theory]
    [InlineData(0.20, null, true)]
    [InlineData(0.10, null, false)]
    [InlineData(0.10, 0.35, true)]
    [InlineData(0.10, 0.34, false)]
    public void A_text_is_related_by_its_words_or_by_its_meaning(double words, double? meaning, bool related)
    {
        Assert.Equal(related, MeaningBlend.Related(words, meaning, wordFloor: 0.175));
    }

    [Theory]
    [InlineData(0.10, 0.0)]
    [InlineData(0.25, 0.0)]
    [InlineData(0.40, 0.5)]
    [InlineData(0.55, 1.0)]
    [InlineData(0.90, 1.0)]
    public void A_story_earns_by_meaning_in_a_line_from_a_quarter_to_above_a_half(double cosine, double credit)
    {
        Assert.Equal(credit, MeaningBlend.StoryCredit(cosine), 12);
    }
}
