using Vouch.Features.Accounts;
using Vouch.Features.Contacts;
using Vouch.Features.Engagements;

namespace Vouch.Features.Offers;

/// <summary>An advocate as the recommendations read them: what they want, who they are, where they work, what we owe them.</summary>
public sealed record AdvocateFacts(
    Guid ContactId,
    string Name,
    SocialCapital Wants,
    PersonalityStyle? Style,
    AdvocacyStage Stage,
    Segment? Segment,
    Guid? IndustryId,
    GiveAskBalance Balance);

/// <summary>An industry an offer is for, by id and name.</summary>
public sealed record IndustryName(Guid Id, string Name);

/// <summary>An offer as the recommendations read it; <paramref name="State"/> is the state people see (full, closed by date).</summary>
public sealed record OfferFacts(
    Guid Id,
    string Title,
    OfferKind Kind,
    SocialCapital Gives,
    OfferState State,
    DateOnly OpensOn,
    DateOnly ClosesOn,
    IReadOnlyList<Segment> Segments,
    IReadOnlyList<IndustryName> Industries,
    AdvocacyStage? MinimumStage);

/// <summary>Something recommended, with a score of 0 to 100 and the reasons for it in words.</summary>
public sealed record Recommended<T>(T Item, int Score, IReadOnlyList<string> Reasons);

/// <summary>Which eligibility rule of an offer keeps an advocate out.</summary>
public enum EligibilityRule { Segment, Industry, MinimumStage }

/// <summary>Why an advocate may not take an offer up: the rule, and the reason in words.</summary>
public sealed record Ineligibility(EligibilityRule Rule, string Reason);

/// <summary>
/// Ranks open offers for an advocate, and advocates for an offer, by one score: the social capital they want that the
/// offer gives, what their personality style leads with (<see cref="ConversationGuide"/>), whether we owe them a give
/// (<see cref="GiveAskBalance.IsOwed"/>) and how far they have come as advocates. Offers they may not take up (not
/// eligible, full, closed, not yet open) and offers they already applied to are left out.
/// </summary>
public static class OfferRecommender
{
    /// <summary>Per kind of social capital the advocate wants and the offer gives: what they asked for weighs most.</summary>
    public const int WantPoints = 25;

    /// <summary>An offer of a kind the advocate's style leads with.</summary>
    public const int StylePoints = 20;

    /// <summary>An offer of a kind the advocate's style is usually put off by.</summary>
    public const int StylePenalty = 15;

    /// <summary>An advocate we owe a give: any fitting offer is a chance to settle it.</summary>
    public const int OwedPoints = 20;

    public const int RockStarPoints = 10;
    public const int AdvocatePoints = 5;

    /// <summary>The offers an advocate may apply to today, best first.</summary>
    public static IReadOnlyList<Recommended<OfferFacts>> OffersFor(
        AdvocateFacts advocate, IEnumerable<OfferFacts> offers, IReadOnlySet<Guid> appliedTo, DateOnly today, decimal owedAfterHours) =>
        [.. offers
            .Where(o => IsTakingApplications(o, today) && !appliedTo.Contains(o.Id) && Ineligible(o, advocate) is null)
            .Select(o => Score(o, advocate, owedAfterHours, o))
            .OrderByDescending(r => r.Score).ThenBy(r => r.Item.ClosesOn).ThenBy(r => r.Item.Title, StringComparer.Ordinal)];

    /// <summary>
    /// The advocates an offer fits, best first. A draft is ranked too, so the team sees who it would reach before opening
    /// it; a full or closed one reaches nobody.
    /// </summary>
    public static IReadOnlyList<Recommended<AdvocateFacts>> AdvocatesFor(
        OfferFacts offer, IEnumerable<AdvocateFacts> advocates, IReadOnlySet<Guid> applied, decimal owedAfterHours) =>
        offer.State is OfferState.Full or OfferState.Closed ? [] :
        [.. advocates
            .Where(a => !applied.Contains(a.ContactId) && Ineligible(offer, a) is null)
            .Select(a => Score(offer, a, owedAfterHours, a))
            .OrderByDescending(r => r.Score).ThenBy(r => r.Item.Name, StringComparer.Ordinal).ThenBy(r => r.Item.ContactId)];

    /// <summary>Whether advocates may apply today: open, with a seat left, and its opening day come.</summary>
    public static bool IsTakingApplications(OfferFacts offer, DateOnly today) => offer.State == OfferState.Open && offer.OpensOn <= today;

    /// <summary>The first eligibility rule that keeps <paramref name="advocate"/> out of <paramref name="offer"/>, or null.</summary>
    public static Ineligibility? Ineligible(OfferFacts offer, AdvocateFacts advocate)
    {
        if (offer.Segments.Count > 0 && (advocate.Segment is not { } segment || !offer.Segments.Contains(segment)))
        {
            return new(EligibilityRule.Segment,
                $"The offer is for {string.Join(" and ", offer.Segments)} accounts; {advocate.Name}'s account is {(advocate.Segment is { } s ? s.ToString() : "of no known segment")}.");
        }
        if (offer.Industries.Count > 0 && (advocate.IndustryId is not { } industry || offer.Industries.All(i => i.Id != industry)))
        {
            return new(EligibilityRule.Industry,
                $"The offer is for accounts in {string.Join(", ", offer.Industries.Select(i => i.Name))}; {advocate.Name}'s account is in none of them.");
        }
        if (offer.MinimumStage is { } minimum && advocate.Stage < minimum)
        {
            return new(EligibilityRule.MinimumStage,
                $"The offer is for advocates at stage {minimum} or beyond; {advocate.Name} is at stage {advocate.Stage}.");
        }
        return null;
    }

    private static Recommended<T> Score<T>(OfferFacts offer, AdvocateFacts advocate, decimal owedAfterHours, T item)
    {
        var (score, reasons) = (0, new List<string>());
        foreach (var capital in OfferKinds.Each(advocate.Wants & offer.Gives))
        {
            score += WantPoints;
            reasons.Add($"wants {OfferKinds.Words(capital)} — a {OfferKinds.Words(offer.Kind)} gives it");
        }
        if (advocate.Style is { } style)
        {
            var guide = ConversationGuide.For(style);
            if (guide.LeadWith.Contains(offer.Kind))
            {
                score += StylePoints;
                reasons.Add($"{style}: {guide.Hook}");
            }
            else if (guide.AvoidKinds.Contains(offer.Kind))
            {
                score -= StylePenalty;
                reasons.Add($"{style}: usually put off by a {OfferKinds.Words(offer.Kind)}");
            }
        }
        if (advocate.Balance.IsOwed(owedAfterHours))
        {
            score += OwedPoints;
            reasons.Add($"owed a give: {advocate.Balance.Describe()}");
        }
        if (advocate.Stage == AdvocacyStage.RockStar)
        {
            score += RockStarPoints;
            reasons.Add("a rock star of the program");
        }
        else if (advocate.Stage == AdvocacyStage.Advocate)
        {
            score += AdvocatePoints;
            reasons.Add("an active advocate");
        }
        return new(item, Math.Clamp(score, 0, 100), reasons);
    }
}
