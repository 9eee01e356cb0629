namespace Vouch.Features.BuyerJourney;

/// <summary>What may have influenced a buyer's decision, as the buyer-journey survey asks it.</summary>
public enum Influence { References, ReviewSites, Events, Content, Referrals, Peers }

/// <summary>Where in the buyer's journey an influence counted.</summary>
public enum JourneyStage { Awareness, Consideration, Decision }

public static class Influences
{
    /// <summary>"Review sites", "References".</summary>
    public static string Words(Influence influence) => influence switch
    {
        Influence.ReviewSites => "Review sites",
        _ => influence.ToString(),
    };
}
