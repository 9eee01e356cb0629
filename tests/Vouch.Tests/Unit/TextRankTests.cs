using Vouch.Features.Search;

namespace Vouch.Tests.Unit;

public sealed class TextRankTests
{
    [Fact]
    public void A_word_in_the_name_counts_most_then_the_title_then_the_story()
    {
        var rank = new TextRank(["payments"]);

        Assert.Equal(10, rank.Score("Payments Person", null, null));
        Assert.Equal(4, rank.Score("Bea Clark", "Head of Payments", null));
        Assert.Equal(1, rank.Score("Bea Clark", "CFO", "Fewer failed payments."));
        Assert.Equal(0, rank.Score("Bea Clark", "CFO", "Invoices."));
    }

    [Fact]
    public void Words_still_being_typed_and_other_forms_of_a_word_are_found()
    {
        var rank = new TextRank(["onbo", "integrations"]);

        Assert.Equal(2, rank.Score("Ada Baker", null, "Onboarding in days, and one integration."));
    }

    [Fact]
    public void A_word_counts_at_most_three_times_in_one_place()
    {
        var rank = new TextRank(["fast"]);

        Assert.Equal(3, rank.Score("Ada Baker", null, "fast fast fast fast fast"));
    }
}
