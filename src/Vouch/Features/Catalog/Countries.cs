using System.Globalization;

namespace Vouch.Features.Catalog;

/// <summary>
/// Countries by ISO 3166 code and English name, from the platform's region data. Accounts store the
/// two-letter code; scripts may send either ("DE" or "Germany").
/// </summary>
public static class Countries
{
    private static readonly Dictionary<string, RegionInfo> s_byCode = CultureInfo
        .GetCultures(CultureTypes.SpecificCultures)
        .Select(culture => new RegionInfo(culture.Name))
        .Where(region => region.TwoLetterISORegionName.Length == 2 && char.IsLetter(region.TwoLetterISORegionName[0]))
        .DistinctBy(region => region.TwoLetterISORegionName)
        .ToDictionary(region => region.TwoLetterISORegionName, StringComparer.OrdinalIgnoreCase);

    private static readonly Dictionary<string, string> s_codeByName = s_byCode.Values
        .DistinctBy(region => region.EnglishName)
        .ToDictionary(region => region.EnglishName, region => region.TwoLetterISORegionName, StringComparer.OrdinalIgnoreCase);

    /// <summary>The ISO code for a code or an English name, or null when it names no country.</summary>
    public static string? Resolve(string codeOrName)
    {
        var text = codeOrName.Trim();
        if (s_byCode.TryGetValue(text, out var region))
        {
            return region.TwoLetterISORegionName;
        }
        return s_codeByName.GetValueOrDefault(text);
    }

    public static string NameOf(string code) => s_byCode.TryGetValue(code, out var region) ? region.EnglishName : code;

    public static IEnumerable<(string Code, string Name)> All => s_byCode.Values
        .Select(region => (Code: region.TwoLetterISORegionName, Name: region.EnglishName))
        .OrderBy(country => country.Name, StringComparer.Ordinal);
}
