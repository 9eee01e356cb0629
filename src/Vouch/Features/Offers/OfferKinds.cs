using Vouch.Features.Contacts;

namespace Vouch.Features.Offers;

/// <summary>What each kind of offer usually is: its name in words, the social capital it gives and its worth in hours.</summary>
public static class OfferKinds
{
    /// <summary>
    /// The credit an offer of the kind gets when the team sets none: about the hours of the advocate's time it would
    /// take them to earn the same themselves (a keynote slot is a day of preparation and stage; an introduction an hour).
    /// </summary>
    public static decimal DefaultCreditHours(OfferKind kind) => kind switch
    {
        OfferKind.SpeakingSlot => 8m,
        OfferKind.WebinarHost => 4m,
        OfferKind.AdvisoryBoardSeat => 8m,
        OfferKind.EarlyAccess => 3m,
        OfferKind.MediaInterview => 2m,
        OfferKind.CommunityLeadership => 6m,
        OfferKind.PeerIntroduction => 1m,
        OfferKind.ProductTeamSession => 2m,
        OfferKind.FrontRowSeat => 2m,
        _ => 1m,
    };

    /// <summary>The social capital an offer of the kind usually gives, to start the form with.</summary>
    public static SocialCapital DefaultGives(OfferKind kind) => kind switch
    {
        OfferKind.SpeakingSlot => SocialCapital.Reputation | SocialCapital.Status,
        OfferKind.WebinarHost => SocialCapital.Reputation,
        OfferKind.AdvisoryBoardSeat => SocialCapital.ProductSay | SocialCapital.Status,
        OfferKind.EarlyAccess => SocialCapital.Learning | SocialCapital.ProductSay,
        OfferKind.MediaInterview => SocialCapital.Reputation | SocialCapital.Status,
        OfferKind.CommunityLeadership => SocialCapital.Affiliation | SocialCapital.Status,
        OfferKind.PeerIntroduction => SocialCapital.Affiliation | SocialCapital.Learning,
        OfferKind.ProductTeamSession => SocialCapital.ProductSay | SocialCapital.Learning,
        OfferKind.FrontRowSeat => SocialCapital.Status | SocialCapital.Learning,
        _ => SocialCapital.None,
    };

    /// <summary>The kind in words, as a sentence goes on after "a": "speaking slot".</summary>
    public static string Words(OfferKind kind) => kind switch
    {
        OfferKind.SpeakingSlot => "speaking slot",
        OfferKind.WebinarHost => "webinar to host",
        OfferKind.AdvisoryBoardSeat => "advisory board seat",
        OfferKind.EarlyAccess => "early access",
        OfferKind.MediaInterview => "media interview",
        OfferKind.CommunityLeadership => "community leadership role",
        OfferKind.PeerIntroduction => "peer introduction",
        OfferKind.ProductTeamSession => "session with the product team",
        OfferKind.FrontRowSeat => "front-row seat",
        _ => kind.ToString(),
    };

    /// <summary>A kind of social capital in words, as "wants …" goes on.</summary>
    public static string Words(SocialCapital capital) => capital switch
    {
        SocialCapital.Affiliation => "affiliation",
        SocialCapital.Learning => "learning",
        SocialCapital.Reputation => "reputation",
        SocialCapital.Status => "status",
        SocialCapital.ProductSay => "a say in the product",
        _ => capital.ToString(),
    };

    /// <summary>Each single flag set in <paramref name="capital"/>.</summary>
    public static IEnumerable<SocialCapital> Each(SocialCapital capital) =>
        Enum.GetValues<SocialCapital>().Where(c => c != SocialCapital.None && capital.HasFlag(c));
}
