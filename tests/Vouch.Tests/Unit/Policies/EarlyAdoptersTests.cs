using Vouch.Features.Launches;

namespace Vouch.Tests.Unit.Policies;

public sealed class EarlyAdoptersTests
{
    private static AdopterFacts Contact(string name, bool leadUser = false, int betas = 0, bool usesProduct = false, bool inSegment = false, bool referenceable = false) =>
        new(Guid.NewGuid(), name, "Acme", leadUser, betas, usesProduct, inSegment, referenceable);

    [Fact]
    public void Each_point_has_its_reason()
    {
        var ranked = EarlyAdopters.Score(Contact("Ann", leadUser: true, betas: 2, usesProduct: true, inSegment: true, referenceable: true));

        Assert.Equal(40 + 20 + 20 + 10 + 5, ranked.Score);
        Assert.Equal(["Lead user (+40)", "Gave beta feedback 2 times (+20)", "Already uses the product (+20)", "In a target segment (+10)", "Consented to be a reference (+5)"], ranked.Reasons);
    }

    [Fact]
    public void Beta_feedback_counts_up_to_three_times()
    {
        Assert.Equal(30, EarlyAdopters.Score(Contact("Bo", betas: 7)).Score);
        Assert.Equal(["Gave beta feedback once (+10)"], EarlyAdopters.Score(Contact("Cy", betas: 1)).Reasons);
    }

    [Fact]
    public void A_lead_user_outranks_a_user_of_the_product_and_ties_go_by_name()
    {
        var ranked = EarlyAdopters.Rank(
            [Contact("Zoe", usesProduct: true, inSegment: true), Contact("Max", leadUser: true), Contact("Abe", usesProduct: true, inSegment: true)], 10);

        Assert.Equal(["Max", "Abe", "Zoe"], ranked.Select(r => r.Name));
    }

    [Fact]
    public void Someone_who_is_no_early_adopter_is_left_out_however_referenceable()
    {
        var ranked = EarlyAdopters.Rank([Contact("Ann", inSegment: true, referenceable: true), Contact("Bo", betas: 1)], 10);

        Assert.Equal(["Bo"], ranked.Select(r => r.Name));
    }

    [Fact]
    public void Only_the_top_are_listed() =>
        Assert.Equal(2, EarlyAdopters.Rank([Contact("A", usesProduct: true), Contact("B", usesProduct: true), Contact("C", usesProduct: true)], 2).Count);
}
