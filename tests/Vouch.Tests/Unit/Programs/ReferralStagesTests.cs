using Vouch.Features.Referrals;

namespace Vouch.Tests.Unit.Programs;

public sealed class ReferralStagesTests
{
    [Theory]
    [InlineData(ReferralStatus.New, ReferralStatus.Contacted)]
    [InlineData(ReferralStatus.New, ReferralStatus.Qualified)]
    [InlineData(ReferralStatus.New, ReferralStatus.Lost)]
    [InlineData(ReferralStatus.Contacted, ReferralStatus.Qualified)]
    [InlineData(ReferralStatus.Contacted, ReferralStatus.Lost)]
    [InlineData(ReferralStatus.Qualified, ReferralStatus.Lost)]
    [InlineData(ReferralStatus.Lost, ReferralStatus.Contacted)]
    public void A_referral_moves_forward_or_is_dropped_or_reopened(ReferralStatus from, ReferralStatus to) =>
        Assert.Null(ReferralStages.WhyNot(from, to));

    [Theory]
    [InlineData(ReferralStatus.Contacted, ReferralStatus.New, "A referral moves forward: from contacted to a later stage, or to lost.")]
    [InlineData(ReferralStatus.Qualified, ReferralStatus.Contacted, "A referral moves forward: from qualified to a later stage, or to lost.")]
    [InlineData(ReferralStatus.New, ReferralStatus.New, "The referral is already new.")]
    [InlineData(ReferralStatus.Qualified, ReferralStatus.Opportunity, "A referral becomes an opportunity when its deal is linked: link an existing opportunity or create one from it.")]
    [InlineData(ReferralStatus.Qualified, ReferralStatus.Won, "A referral is won when its deal is won: link its opportunity and close the deal won.")]
    [InlineData(ReferralStatus.Opportunity, ReferralStatus.Lost, "Its deal decides now: the referral is won or lost when its opportunity closes.")]
    [InlineData(ReferralStatus.Won, ReferralStatus.Lost, "Its deal decides now: the referral is won or lost when its opportunity closes.")]
    [InlineData(ReferralStatus.Lost, ReferralStatus.Qualified, "A lost referral is reopened as contacted.")]
    [InlineData(ReferralStatus.Lost, ReferralStatus.Won, "A referral is won when its deal is won: link its opportunity and close the deal won.")]
    public void Every_other_move_is_refused_with_the_reason(ReferralStatus from, ReferralStatus to, string reason) =>
        Assert.Equal(reason, ReferralStages.WhyNot(from, to));

    [Fact]
    public void The_moves_offered_are_those_allowed_in_lifecycle_order()
    {
        Assert.Equal([ReferralStatus.Contacted, ReferralStatus.Qualified, ReferralStatus.Lost], ReferralStages.MovesFrom(ReferralStatus.New));
        Assert.Equal([ReferralStatus.Lost], ReferralStages.MovesFrom(ReferralStatus.Qualified));
        Assert.Equal([ReferralStatus.Contacted], ReferralStages.MovesFrom(ReferralStatus.Lost));
        Assert.Empty(ReferralStages.MovesFrom(ReferralStatus.Opportunity));
        Assert.Empty(ReferralStages.MovesFrom(ReferralStatus.Won));
    }

    [Theory]
    [InlineData(ReferralStatus.Contacted, false, false, false, ReferralStatus.Contacted)]
    [InlineData(ReferralStatus.Lost, false, false, false, ReferralStatus.Lost)]
    [InlineData(ReferralStatus.Opportunity, true, false, false, ReferralStatus.Opportunity)]
    [InlineData(ReferralStatus.Opportunity, true, true, true, ReferralStatus.Won)]
    [InlineData(ReferralStatus.Opportunity, true, true, false, ReferralStatus.Lost)]
    public void With_a_deal_the_outcome_is_the_deals(ReferralStatus stored, bool hasDeal, bool closed, bool won, ReferralStatus seen) =>
        Assert.Equal(seen, ReferralStages.Outcome(stored, hasDeal, closed, won));
}
