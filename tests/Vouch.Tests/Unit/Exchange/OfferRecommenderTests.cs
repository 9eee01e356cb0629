using Vouch.Features.Accounts;
using Vouch.Features.Contacts;
using Vouch.Features.Engagements;
using Vouch.Features.Offers;

namespace Vouch.Tests.Unit.Exchange;

public sealed class OfferRecommenderTests
{
    private static readonly DateOnly s_today = new(2026, 12, 3);
    private static readonly Guid s_banking = Guid.NewGuid();
    private static readonly GiveAskBalance s_even = GiveAskBalance.Empty;
    private static readonly GiveAskBalance s_owed = new(4, 5, 0, 0, 365);

    private static AdvocateFacts Advocate(
        SocialCapital wants = SocialCapital.None, PersonalityStyle? style = null, AdvocacyStage stage = AdvocacyStage.Customer,
        Segment? segment = Segment.MidMarket, Guid? industryId = null, GiveAskBalance? balance = null, string name = "Ada Lovelace") =>
        new(Guid.NewGuid(), name, wants, style, stage, segment, industryId, balance ?? s_even);

    private static OfferFacts Offer(
        OfferKind kind = OfferKind.SpeakingSlot, SocialCapital gives = SocialCapital.Reputation, OfferState state = OfferState.Open,
        int opensIn = -5, int closesIn = 30, Segment[]? segments = null, IndustryName[]? industries = null, AdvocacyStage? minimumStage = null,
        string title = "Summit keynote") =>
        new(Guid.NewGuid(), title, kind, gives, state, s_today.AddDays(opensIn), s_today.AddDays(closesIn), segments ?? [], industries ?? [], minimumStage);

    private static Recommended<OfferFacts> Single(AdvocateFacts advocate, OfferFacts offer) =>
        Assert.Single(OfferRecommender.OffersFor(advocate, [offer], new HashSet<Guid>(), s_today, 4));

    [Fact]
    public void Each_kind_wanted_that_the_offer_gives_scores_and_says_so()
    {
        var recommended = Single(Advocate(wants: SocialCapital.Reputation | SocialCapital.Status),
            Offer(gives: SocialCapital.Reputation | SocialCapital.Status | SocialCapital.Learning));

        Assert.Equal(2 * OfferRecommender.WantPoints, recommended.Score);
        Assert.Equal(["wants reputation — a speaking slot gives it", "wants status — a speaking slot gives it"], recommended.Reasons);
    }

    [Fact]
    public void An_offer_giving_nothing_wanted_still_fits_with_no_reason()
    {
        var recommended = Single(Advocate(wants: SocialCapital.ProductSay), Offer(gives: SocialCapital.Reputation));

        Assert.Equal(0, recommended.Score);
        Assert.Empty(recommended.Reasons);
    }

    [Fact]
    public void A_style_that_leads_with_the_kind_scores_with_its_hook()
    {
        var recommended = Single(Advocate(style: PersonalityStyle.Expressive), Offer(kind: OfferKind.SpeakingSlot));

        Assert.Equal(OfferRecommender.StylePoints, recommended.Score);
        Assert.Equal(["Expressive: loves the stage"], recommended.Reasons);
    }

    [Fact]
    public void A_style_put_off_by_the_kind_loses_points_and_says_why()
    {
        var recommended = Single(Advocate(wants: SocialCapital.Reputation, style: PersonalityStyle.Analytical),
            Offer(kind: OfferKind.MediaInterview, gives: SocialCapital.Reputation));

        Assert.Equal(OfferRecommender.WantPoints - OfferRecommender.StylePenalty, recommended.Score);
        Assert.Equal(["wants reputation — a media interview gives it", "Analytical: usually put off by a media interview"], recommended.Reasons);
    }

    [Fact]
    public void An_advocate_we_owe_a_give_is_told_with_their_balance()
    {
        var recommended = Single(Advocate(balance: s_owed), Offer());

        Assert.Equal(OfferRecommender.OwedPoints, recommended.Score);
        Assert.Equal(["owed a give: asked 4 times (5 h), given nothing in the last year"], recommended.Reasons);
    }

    [Fact]
    public void Asked_less_than_the_threshold_more_than_given_is_not_owed()
    {
        var recommended = Single(Advocate(balance: new GiveAskBalance(3, 3, 0, 0, 365)), Offer());

        Assert.Equal(0, recommended.Score);
    }

    [Theory]
    [InlineData(AdvocacyStage.RockStar, OfferRecommender.RockStarPoints, "a rock star of the program")]
    [InlineData(AdvocacyStage.Advocate, OfferRecommender.AdvocatePoints, "an active advocate")]
    public void Advocates_further_along_come_first(AdvocacyStage stage, int points, string reason)
    {
        var recommended = Single(Advocate(stage: stage), Offer());

        Assert.Equal(points, recommended.Score);
        Assert.Equal([reason], recommended.Reasons);
    }

    [Fact]
    public void The_score_stays_within_100()
    {
        var recommended = Single(
            Advocate(wants: (SocialCapital)31, style: PersonalityStyle.Expressive, stage: AdvocacyStage.RockStar, balance: s_owed),
            Offer(gives: (SocialCapital)31));

        Assert.Equal(100, recommended.Score);
        Assert.Equal(8, recommended.Reasons.Count);
    }

    [Theory]
    [InlineData(OfferState.Draft, -5)]
    [InlineData(OfferState.Full, -5)]
    [InlineData(OfferState.Closed, -5)]
    [InlineData(OfferState.Open, 1)]
    public void Offers_not_taking_applications_today_are_left_out(OfferState state, int opensIn)
    {
        Assert.Empty(OfferRecommender.OffersFor(Advocate(), [Offer(state: state, opensIn: opensIn)], new HashSet<Guid>(), s_today, 4));
    }

    [Fact]
    public void An_offer_opening_today_is_recommended()
    {
        Assert.Single(OfferRecommender.OffersFor(Advocate(), [Offer(opensIn: 0)], new HashSet<Guid>(), s_today, 4));
    }

    [Fact]
    public void Offers_applied_to_already_are_left_out()
    {
        var applied = Offer(title: "Applied");
        var other = Offer(title: "Other");

        var recommended = OfferRecommender.OffersFor(Advocate(), [applied, other], new HashSet<Guid> { applied.Id }, s_today, 4);

        Assert.Equal(["Other"], recommended.Select(r => r.Item.Title));
    }

    [Fact]
    public void Offers_rank_by_score_then_the_soonest_closing()
    {
        var advocate = Advocate(wants: SocialCapital.Learning);
        var later = Offer(title: "Later", closesIn: 40);
        var sooner = Offer(title: "Sooner", closesIn: 10);
        var wanted = Offer(title: "Wanted", gives: SocialCapital.Learning, closesIn: 50);

        var recommended = OfferRecommender.OffersFor(advocate, [later, sooner, wanted], new HashSet<Guid>(), s_today, 4);

        Assert.Equal(["Wanted", "Sooner", "Later"], recommended.Select(r => r.Item.Title));
    }

    [Fact]
    public void A_segment_rule_names_the_segments_and_the_advocates()
    {
        var ineligible = OfferRecommender.Ineligible(Offer(segments: [Segment.Enterprise]), Advocate(segment: Segment.SmallBusiness));

        Assert.Equal(new Ineligibility(EligibilityRule.Segment, "The offer is for Enterprise accounts; Ada Lovelace's account is SmallBusiness."), ineligible);
    }

    [Fact]
    public void An_account_of_no_known_segment_is_not_in_a_segment_rule()
    {
        var ineligible = OfferRecommender.Ineligible(Offer(segments: [Segment.Enterprise, Segment.MidMarket]), Advocate(segment: null));

        Assert.Equal("The offer is for Enterprise and MidMarket accounts; Ada Lovelace's account is of no known segment.", ineligible?.Reason);
    }

    [Fact]
    public void An_industry_rule_names_the_industries()
    {
        var offer = Offer(industries: [new(s_banking, "Banking")]);

        Assert.Null(OfferRecommender.Ineligible(offer, Advocate(industryId: s_banking)));
        Assert.Equal(new Ineligibility(EligibilityRule.Industry, "The offer is for accounts in Banking; Ada Lovelace's account is in none of them."),
            OfferRecommender.Ineligible(offer, Advocate(industryId: Guid.NewGuid())));
    }

    [Theory]
    [InlineData(AdvocacyStage.Promoter, false)]
    [InlineData(AdvocacyStage.Advocate, true)]
    [InlineData(AdvocacyStage.RockStar, true)]
    public void A_minimum_stage_lets_in_that_stage_and_beyond(AdvocacyStage stage, bool eligible)
    {
        var ineligible = OfferRecommender.Ineligible(Offer(minimumStage: AdvocacyStage.Advocate), Advocate(stage: stage));

        Assert.Equal(eligible, ineligible is null);
        if (!eligible)
        {
            Assert.Equal("The offer is for advocates at stage Advocate or beyond; Ada Lovelace is at stage Promoter.", ineligible!.Reason);
        }
    }

    [Fact]
    public void Ineligible_advocates_and_offers_are_left_out_both_ways()
    {
        var offer = Offer(segments: [Segment.Enterprise]);
        var fits = Advocate(segment: Segment.Enterprise, name: "Fits");
        var not = Advocate(segment: Segment.MidMarket, name: "Not");

        Assert.Empty(OfferRecommender.OffersFor(not, [offer], new HashSet<Guid>(), s_today, 4));
        Assert.Equal(["Fits"], OfferRecommender.AdvocatesFor(offer, [fits, not], new HashSet<Guid>(), 4).Select(r => r.Item.Name));
    }

    [Fact]
    public void An_offers_advocates_rank_by_score_and_leave_out_those_who_applied()
    {
        var offer = Offer(gives: SocialCapital.Reputation);
        var wants = Advocate(wants: SocialCapital.Reputation, name: "Wants");
        var owed = Advocate(wants: SocialCapital.Reputation, balance: s_owed, name: "Owed");
        var applied = Advocate(wants: SocialCapital.Reputation, balance: s_owed, stage: AdvocacyStage.RockStar, name: "Applied");
        var neither = Advocate(name: "Neither");

        var ranked = OfferRecommender.AdvocatesFor(offer, [neither, wants, applied, owed], new HashSet<Guid> { applied.ContactId }, 4);

        Assert.Equal([("Owed", 45), ("Wants", 25), ("Neither", 0)], ranked.Select(r => (r.Item.Name, r.Score)));
    }

    [Theory]
    [InlineData(OfferState.Full)]
    [InlineData(OfferState.Closed)]
    public void A_full_or_closed_offer_reaches_nobody(OfferState state)
    {
        Assert.Empty(OfferRecommender.AdvocatesFor(Offer(state: state), [Advocate()], new HashSet<Guid>(), 4));
    }

    [Fact]
    public void A_draft_shows_whom_it_would_reach()
    {
        Assert.Single(OfferRecommender.AdvocatesFor(Offer(state: OfferState.Draft), [Advocate()], new HashSet<Guid>(), 4));
    }
}
