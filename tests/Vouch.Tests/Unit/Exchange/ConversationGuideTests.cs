using Vouch.Features.Contacts;
using Vouch.Features.Offers;

namespace Vouch.Tests.Unit.Exchange;

public sealed class ConversationGuideTests
{
    [Fact]
    public void Every_style_has_a_guide_that_leads_with_some_offer_and_says_what_to_avoid()
    {
        Assert.Equal(Enum.GetValues<PersonalityStyle>(), ConversationGuide.All.Select(g => g.Style));
        Assert.All(ConversationGuide.All, guide =>
        {
            Assert.NotEmpty(guide.LeadWith);
            Assert.False(string.IsNullOrWhiteSpace(guide.Excites));
            Assert.False(string.IsNullOrWhiteSpace(guide.Avoid));
            Assert.Empty(guide.LeadWith.Intersect(guide.AvoidKinds));
        });
    }

    [Theory]
    [InlineData(PersonalityStyle.Driver, OfferKind.AdvisoryBoardSeat, "wants influence and results")]
    [InlineData(PersonalityStyle.Analytical, OfferKind.EarlyAccess, "wants depth and early detail")]
    [InlineData(PersonalityStyle.Expressive, OfferKind.SpeakingSlot, "loves the stage")]
    [InlineData(PersonalityStyle.Amiable, OfferKind.PeerIntroduction, "values people and belonging")]
    public void Each_style_leads_with_what_moves_it(PersonalityStyle style, OfferKind first, string hook)
    {
        var guide = ConversationGuide.For(style);

        Assert.Equal(first, guide.LeadWith[0]);
        Assert.Equal(hook, guide.Hook);
    }

    [Fact]
    public void Every_kind_has_a_default_credit_and_gives_something()
    {
        Assert.All(Enum.GetValues<OfferKind>(), kind =>
        {
            Assert.True(OfferKinds.DefaultCreditHours(kind) > 0);
            Assert.NotEqual(SocialCapital.None, OfferKinds.DefaultGives(kind));
        });
        Assert.Equal(8m, OfferKinds.DefaultCreditHours(OfferKind.SpeakingSlot));
        Assert.Equal(1m, OfferKinds.DefaultCreditHours(OfferKind.PeerIntroduction));
    }

    [Theory]
    [InlineData(OfferState.Open, 30, 3, 2, OfferState.Open)]
    [InlineData(OfferState.Open, 30, 3, 3, OfferState.Full)]
    [InlineData(OfferState.Open, -1, 3, 0, OfferState.Closed)]
    [InlineData(OfferState.Open, 0, 3, 0, OfferState.Open)]
    [InlineData(OfferState.Closed, 30, 3, 0, OfferState.Closed)]
    [InlineData(OfferState.Draft, -1, 3, 0, OfferState.Draft)]
    public void An_offers_state_is_read_from_its_seats_and_closing_day(OfferState stored, int closesIn, int capacity, int taken, OfferState expected)
    {
        var today = new DateOnly(2026, 12, 3);

        Assert.Equal(expected, Offer.StateOf(stored, today.AddDays(closesIn), capacity, taken, today));
    }
}
