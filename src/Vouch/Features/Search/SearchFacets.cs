using System.Globalization;
using Vouch.Features.Contacts;

namespace Vouch.Features.Search;

/// <summary>
/// The filter tokens of the reference index, one per filter value of a contact and of its account: a
/// prefix naming the filter and the value, an id without hyphens. On SQLite the view "ContactSearchSource"
/// writes them into the FTS5 index's "Facets" column as one word each ("regNorthAmerica"), and both sides
/// pass through the same tokenizer. On PostgreSQL the function <c>contact_search_facets</c> writes them
/// lower-cased into the contacts' "SearchFacets" as lexemes that start with "_" and have a space inside
/// ("_reg northamerica"): no word of a story can become one, and no word typed can start one.
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
        var facets = Facets(criteria).Select(either => Any(either.Select(t => $"\"{t.Prefix}{t.Value}\""), " OR ")).ToList();
        return facets.Count == 0
            ? $"{{{columns}}} : ({words})"
            : $"{{{columns}}} : ({words}) AND Facets : ({string.Join(" AND ", facets)})";
    }

    /// <summary>
    /// A <c>tsquery</c> of every filter the index holds and, when given, the first letters of a word
    /// (<paramref name="wordStart"/>, three or five: the lengths <c>contact_search_vector</c> keeps); null when there is none.
    /// </summary>
    public static string? TsQuery(ReferenceCriteria criteria, string? wordStart = null)
    {
        var facets = Facets(criteria)
            .Select(either => Any(either.Select(t => Lexeme(t.Prefix, t.Value.ToLowerInvariant())), " | "))
            .Concat(wordStart is null ? [] : [Lexeme("pfx", wordStart)])
            .ToList();
        return facets.Count == 0 ? null : string.Join(" & ", facets);
    }

    /// <summary>
    /// How many of a word's first letters the PostgreSQL index keeps as a lexeme of their own (as the migration's
    /// <c>contact_search_vector</c> writes them), the longest first: a word being typed is looked up by the longest it has.
    /// </summary>
    private static readonly int[] WordStarts = [5, 3];

    /// <summary>The first letters of <paramref name="lexeme"/> the index keeps, the most of them; null when it is too short.</summary>
    public static string? WordStart(string lexeme) =>
        WordStarts.Where(n => lexeme.Length >= n).Select(n => lexeme[..n]).FirstOrDefault();

    private static string Lexeme(string prefix, string value) => $"'_{prefix} {value}'";

    private static string Any(IEnumerable<string> tokens, string or)
    {
        var list = tokens.ToList();
        return list.Count == 1 ? list[0] : $"({string.Join(or, list)})";
    }

    /// <summary>Each filter set, as the tokens of which a contact must have one.</summary>
    private static IEnumerable<Token[]> Facets(ReferenceCriteria criteria)
    {
        if (criteria.IndustryId is { } industry)
        {
            yield return [new("ind", industry)];
        }
        if (criteria.Segment is { } segment)
        {
            yield return [new("seg", segment.ToString())];
        }
        if (criteria.Region is { } region)
        {
            yield return [new("reg", region.ToString())];
        }
        if (criteria.CountryCode is { } country)
        {
            yield return [new("cty", country)];
        }
        if (criteria.EmployeesMin is not null || criteria.EmployeesMax is not null)
        {
            var (min, max) = (criteria.EmployeesMin ?? 0, criteria.EmployeesMax ?? int.MaxValue);
            var bands = SizeBands.Select((first, i) => (First: first, Last: i + 1 < SizeBands.Length ? SizeBands[i + 1] - 1 : int.MaxValue))
                .Where(band => band.First <= max && band.Last >= min)
                .Select(band => new Token("emp", band.First.ToString(CultureInfo.InvariantCulture)))
                .ToArray();
            // No band overlaps a range below zero; an empty OR would not parse, and nothing matches anyway.
            yield return bands.Length == 0 ? [new("emp", "none")] : bands;
        }
        if (criteria.ProductId is { } product)
        {
            yield return [new("prd", product)];
        }
        if (criteria.ActivityId is { } activity)
        {
            yield return [new("act", activity)];
        }
        if (criteria.Stage is { } stage)
        {
            yield return [new("stg", stage.ToString())];
        }
        if (criteria.ConsentAtLeast is { } consent)
        {
            yield return consent == ConsentLevel.Written
                ? [new("con", nameof(ConsentLevel.Written))]
                : [new("con", nameof(ConsentLevel.Verbal)), new("con", nameof(ConsentLevel.Written))];
        }
    }

    /// <summary>One filter value: values are checked names, codes and ids, and only their letters and digits remain.</summary>
    private readonly record struct Token(string Prefix, string Value)
    {
        public Token(string prefix, Guid id) : this(prefix, id.ToString("N"))
        {
        }

        public string Value { get; } = string.Concat(Value.Where(char.IsAsciiLetterOrDigit));
    }
}
