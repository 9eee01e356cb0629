using Microsoft.Extensions.Localization;
using Vouch.Resources;

namespace Vouch.Features.Accounts;

/// <summary>A region as a page shows it, in the reader's language; the option's value stays the enum's name.</summary>
public static class RegionWords
{
    public static string Of(IStringLocalizer<Strings> text, Region region) => region switch
    {
        Region.NorthAmerica => text["NorthAmerica"],
        Region.LatinAmerica => text["LatinAmerica"],
        Region.Emea => text["Emea"],
        Region.Apac => text["Apac"],
        _ => region.ToString(),
    };
}
