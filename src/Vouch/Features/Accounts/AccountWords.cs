using Microsoft.Extensions.Localization;
using Vouch.Resources;

namespace Vouch.Features.Accounts;

/// <summary>
/// A segment or region as a page shows it, in the reader's language; forms and filters keep the enum's name as the
/// value. A name Vouch does not know shows as it is.
/// </summary>
public static class AccountWords
{
    public static string Segment(IStringLocalizer<Strings> text, string? segment) => segment switch
    {
        nameof(Accounts.Segment.SmallBusiness) => text["SmallBusiness"],
        nameof(Accounts.Segment.MidMarket) => text["MidMarket"],
        nameof(Accounts.Segment.Enterprise) => text["Enterprise"],
        _ => segment ?? "",
    };

    public static string Region(IStringLocalizer<Strings> text, string? region) => region switch
    {
        nameof(Accounts.Region.NorthAmerica) => text["NorthAmerica"],
        nameof(Accounts.Region.LatinAmerica) => text["LatinAmerica"],
        nameof(Accounts.Region.Emea) => text["Emea"],
        nameof(Accounts.Region.Apac) => text["Apac"],
        _ => region ?? "",
    };
}
