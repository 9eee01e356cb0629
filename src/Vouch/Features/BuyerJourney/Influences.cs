using Microsoft.Extensions.Localization;
using Vouch.Resources;

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

    /// <summary>The influence in the reader's language, for pages; each arm a literal key.</summary>
    public static string Words(Influence influence, IStringLocalizer<Strings> text) => influence switch
    {
        Influence.References => text["References"],
        Influence.ReviewSites => text["Review sites"],
        Influence.Events => text["Events"],
        Influence.Content => text["Content"],
        Influence.Referrals => text["Referrals"],
        Influence.Peers => text["Peers"],
        _ => influence.ToString(),
    };

    /// <summary>The stage of the journey in the reader's language, for pages.</summary>
    public static string Words(string stage, IStringLocalizer<Strings> text) => stage switch
    {
        nameof(JourneyStage.Awareness) => text["Awareness"],
        nameof(JourneyStage.Consideration) => text["Consideration"],
        nameof(JourneyStage.Decision) => text["Decision"],
        _ => stage,
    };
}
