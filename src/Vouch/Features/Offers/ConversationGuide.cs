using Vouch.Features.Contacts;

namespace Vouch.Features.Offers;

/// <summary>How to talk to an advocate of a personality style about what we can give them.</summary>
/// <param name="Style">The personality style.</param>
/// <param name="Hook">What moves them, short enough for a reason: "loves the stage".</param>
/// <param name="Excites">What excites them, in a sentence.</param>
/// <param name="LeadWith">The kinds of offer to lead with, best first.</param>
/// <param name="Avoid">What to avoid when offering.</param>
/// <param name="AvoidKinds">Kinds of offer that usually put them off.</param>
public sealed record StyleGuide(
    PersonalityStyle Style, string Hook, string Excites, IReadOnlyList<OfferKind> LeadWith, string Avoid, IReadOnlyList<OfferKind> AvoidKinds);

/// <summary>The conversation guide, one entry per personality style (Driver, Analytical, Expressive, Amiable).</summary>
public static class ConversationGuide
{
    private static readonly Dictionary<PersonalityStyle, StyleGuide> s_guides = new()
    {
        [PersonalityStyle.Driver] = new(
            PersonalityStyle.Driver,
            "wants influence and results",
            "Results, influence and being first: time with decision makers and a hand in where the product goes.",
            [OfferKind.AdvisoryBoardSeat, OfferKind.EarlyAccess, OfferKind.ProductTeamSession],
            "Long, vague commitments and small talk: say what it takes, what they get and by when.",
            [OfferKind.FrontRowSeat]),
        [PersonalityStyle.Analytical] = new(
            PersonalityStyle.Analytical,
            "wants depth and early detail",
            "Depth and accuracy: the data, the roadmap's reasoning, learning something before others do.",
            [OfferKind.EarlyAccess, OfferKind.ProductTeamSession, OfferKind.AdvisoryBoardSeat],
            "Hype, pressure and putting them on a stage unprepared: send the details in writing first.",
            [OfferKind.MediaInterview]),
        [PersonalityStyle.Expressive] = new(
            PersonalityStyle.Expressive,
            "loves the stage",
            "Recognition and an audience: a stage, a microphone, being seen as the expert.",
            [OfferKind.SpeakingSlot, OfferKind.WebinarHost, OfferKind.MediaInterview, OfferKind.FrontRowSeat],
            "Dry detail and back-room roles with no one to see them: talk about who will be in the room.",
            []),
        [PersonalityStyle.Amiable] = new(
            PersonalityStyle.Amiable,
            "values people and belonging",
            "Belonging and helping peers: a community, people like them, being trusted.",
            [OfferKind.PeerIntroduction, OfferKind.CommunityLeadership, OfferKind.FrontRowSeat],
            "Spotlight pressure and public confrontation: offer, never push, and say who else takes part.",
            [OfferKind.MediaInterview]),
    };

    public static StyleGuide For(PersonalityStyle style) => s_guides[style];

    public static IReadOnlyList<StyleGuide> All => [.. Enum.GetValues<PersonalityStyle>().Select(For)];
}
