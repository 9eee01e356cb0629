using System.Globalization;
using Vouch.Features.Contacts;

namespace Vouch.Features.Search;

/// <summary>
/// The filter tokens of SQLite's reference index: the view "ContactSearchSource" writes one token per
/// filter value into the index's "Facets" column (a prefix and the value, an id without hyphens), and a
/// search asks for the same tokens. Both sides pass through the same tokenizer, so case and stemming agree.
/// </summary>
public static class SearchFacets
{
    /// <summary>
    /// The first employee count of each size band the index holds, as the view computes them: a
    /// range of whole bands (201–1,000, or 1,001 and up) is answered by the index alone.
    /// </summary>
    public static readonly int[] SizeBands = [0, 1, 11, 51, 201, 501, 1_001, 5_001, 10_001];

    /// <summary>True when the size range is a run of whole bands, so that no row need be read to check it.</summary>
    public static bool SizeIsWholeBands(int? min, int? max) =>
        (min is null || SizeBands.Contains(min.Value)) && (max is null || SizeBands.Contains(max.Value + 1));

    /// <summary>The index's columns of text, where the words searched for are looked for.</summary>
    public const string TextColumns = "Name Title Story";

    /// <summary>An FTS5 query: the words in the <paramref name="columns"/> named, and every filter the index holds.</summary>
    public static string Match(string words, ReferenceCriteria criteria, string columns)
    {
        var facets = Tokens(criteria).ToList();
        return facets.Count == 0
            ? $"{{{columns}}} : ({words})"
            : $"{{{columns}}} : ({words}) AND Facets : ({string.Join(" AND ", facets)})";
    }

    private static IEnumerable<string> Tokens(ReferenceCriteria criteria)
    {
        if (criteria.IndustryId is { } industry)
        {
            yield return Token("ind", industry);
        }
        if (criteria.Segment is { } segment)
        {
            yield return Token("seg", segment.ToString());
        }
        if (criteria.Region is { } region)
        {
            yield return Token("reg", region.ToString());
        }
        if (criteria.CountryCode is { } country)
        {
            yield return Token("cty", country);
        }
        if (criteria.EmployeesMin is not null || criteria.EmployeesMax is not null)
        {
            var (min, max) = (criteria.EmployeesMin ?? 0, criteria.EmployeesMax ?? int.MaxValue);
            var bands = SizeBands.Select((first, i) => (First: first, Last: i + 1 < SizeBands.Length ? SizeBands[i + 1] - 1 : int.MaxValue))
                .Where(band => band.First <= max && band.Last >= min)
                .Select(band => Token("emp", band.First.ToString(CultureInfo.InvariantCulture)))
                .ToList();
            // No band overlaps a range below zero; the empty OR would not parse, and nothing matches anyway.
            yield return bands.Count == 0 ? Token("emp", "none") : $"({string.Join(" OR ", bands)})";
        }
        if (criteria.ProductId is { } product)
        {
            yield return Token("prd", product);
        }
        if (criteria.ActivityId is { } activity)
        {
            yield return Token("act", activity);
        }
        if (criteria.Stage is { } stage)
        {
            yield return Token("stg", stage.ToString());
        }
        if (criteria.ConsentAtLeast is { } consent)
        {
            yield return consent == ConsentLevel.Written
                ? Token("con", nameof(ConsentLevel.Written))
                : $"({Token("con", nameof(ConsentLevel.Verbal))} OR {Token("con", nameof(ConsentLevel.Written))})";
        }
    }

    private static string Token(string prefix, Guid id) => Token(prefix, id.ToString("N"));

    /// <summary>A quoted token: values are checked names, codes and ids, and letters and digits only remain.</summary>
    private static string Token(string prefix, string value) =>
        $"\"{prefix}{string.Concat(value.Where(char.IsAsciiLetterOrDigit))}\"";
}
