using Microsoft.Extensions.Localization;
using Vouch.Resources;

namespace Vouch.Features.Contacts;

/// <summary>
/// An advocacy stage, consent level or personality style as a page shows it, in the reader's language; forms and
/// filters keep the enum's name as the value. A name Vouch does not know shows as it is.
/// </summary>
public static class ContactWords
{
    public static string Stage(IStringLocalizer<Strings> text, string? stage) => stage switch
    {
        nameof(AdvocacyStage.Customer) => text["Customer"],
        nameof(AdvocacyStage.Promoter) => text["Promoter"],
        nameof(AdvocacyStage.Advocate) => text["Advocate"],
        nameof(AdvocacyStage.RockStar) => text["RockStar"],
        _ => stage ?? "",
    };

    public static string Consent(IStringLocalizer<Strings> text, string? level) => level switch
    {
        nameof(ConsentLevel.None) => text["None"],
        nameof(ConsentLevel.Verbal) => text["Verbal"],
        nameof(ConsentLevel.Written) => text["Written"],
        _ => level ?? "",
    };

    public static string Personality(IStringLocalizer<Strings> text, string? style) => style switch
    {
        nameof(PersonalityStyle.Driver) => text["Driver"],
        nameof(PersonalityStyle.Analytical) => text["Analytical"],
        nameof(PersonalityStyle.Expressive) => text["Expressive"],
        nameof(PersonalityStyle.Amiable) => text["Amiable"],
        _ => style ?? "",
    };
}
