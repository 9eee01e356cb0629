using System.Globalization;
using Microsoft.Extensions.Localization;
using Vouch.Features.Contacts;
using Vouch.Resources;
using Vouch.Web;

namespace Vouch.Features.Offers;

/// <summary>
/// The words the offer pages show for kinds, states, segments and stages, in the reader's language. Each arm is a
/// literal key, so the keys can be read; <see cref="OfferKinds.Words(OfferKind)"/> stays English for the reasons the
/// recommender writes, and an unknown value shows as it is.
/// </summary>
public static class OfferWords
{
    public static string Kind(IStringLocalizer<Strings> text, string kind) => Enum.Parse<OfferKind>(kind) switch
    {
        OfferKind.SpeakingSlot => text["speaking slot"],
        OfferKind.WebinarHost => text["webinar to host"],
        OfferKind.AdvisoryBoardSeat => text["advisory board seat"],
        OfferKind.EarlyAccess => text["early access"],
        OfferKind.MediaInterview => text["media interview"],
        OfferKind.CommunityLeadership => text["community leadership role"],
        OfferKind.PeerIntroduction => text["peer introduction"],
        OfferKind.ProductTeamSession => text["session with the product team"],
        OfferKind.FrontRowSeat => text["front-row seat"],
        _ => kind,
    };

    public static string Capital(IStringLocalizer<Strings> text, SocialCapital capital) => capital switch
    {
        SocialCapital.Affiliation => text["affiliation"],
        SocialCapital.Learning => text["learning"],
        SocialCapital.Reputation => text["reputation"],
        SocialCapital.Status => MidSentence(text["Status"]),
        SocialCapital.ProductSay => text["a say in the product"],
        _ => capital.ToString(),
    };

    /// <summary>The kinds of social capital an offer gives, each word capitalised as in a list of its own: "Reputation, Status".</summary>
    public static string Gives(IStringLocalizer<Strings> text, IEnumerable<string> gives) => string.Join(", ", gives
        .Select(g => Capital(text, Enum.Parse<SocialCapital>(g)))
        .Select(word => string.Concat(word[..1].ToUpper(CultureInfo.CurrentCulture), word[1..])));

    /// <summary>
    /// A capitalised word, as a label shows it, as it reads in running text: English and Spanish lower it, German nouns
    /// keep their capital. For words whose lower-case key would clash with the label's, which the resources cannot hold.
    /// </summary>
    public static string MidSentence(string word) =>
        CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "de" ? word : word.ToLower(CultureInfo.CurrentCulture);

    public static string State(IStringLocalizer<Strings> text, string state) => state switch
    {
        nameof(OfferState.Draft) => text["draft"].Capitalised(),
        nameof(OfferState.Open) => text["Open"],
        nameof(OfferState.Full) => text["Full"],
        nameof(OfferState.Closed) => text["Closed"],
        _ => state,
    };

    public static string Application(IStringLocalizer<Strings> text, string state) => state switch
    {
        nameof(ApplicationState.Applied) => text["Applied"],
        nameof(ApplicationState.Accepted) => text["Accepted"],
        nameof(ApplicationState.Delivered) => text["Delivered"],
        nameof(ApplicationState.Withdrawn) => text["Withdrawn"],
        nameof(ApplicationState.Declined) => text["declined"].Capitalised(),
        _ => state,
    };

    public static string Segment(IStringLocalizer<Strings> text, string segment) => segment switch
    {
        "SmallBusiness" => text["SmallBusiness"],
        "MidMarket" => text["MidMarket"],
        "Enterprise" => text["Enterprise"],
        _ => segment,
    };

    public static string Stage(IStringLocalizer<Strings> text, string stage) => stage switch
    {
        nameof(AdvocacyStage.Customer) => text["Customer"],
        nameof(AdvocacyStage.Promoter) => text["Promoter"],
        nameof(AdvocacyStage.Advocate) => text["Advocate"],
        nameof(AdvocacyStage.RockStar) => text["RockStar"],
        _ => stage,
    };

    public static string Style(IStringLocalizer<Strings> text, string style) => style switch
    {
        nameof(PersonalityStyle.Driver) => text["Driver"],
        nameof(PersonalityStyle.Analytical) => text["Analytical"],
        nameof(PersonalityStyle.Expressive) => text["Expressive"],
        nameof(PersonalityStyle.Amiable) => text["Amiable"],
        _ => style,
    };
}
