using System.ComponentModel.DataAnnotations;
using System.Globalization;
using Vouch.Features.Catalog;

namespace Vouch.Features.Import;

/// <summary>
/// Reads the fields of one row and collects what is wrong with it, naming the file's own column. A row with any
/// error is rejected whole: nothing of it is written.
/// </summary>
public sealed class RowReader(SourceRow row, IReadOnlyDictionary<string, string> columnsByField)
{
    private static readonly string[] s_dateFormats =
        ["yyyy-MM-dd", "yyyy-MM-ddTHH:mm:ss", "yyyy-MM-ddTHH:mm:ss.fffZ", "yyyy-MM-ddTHH:mm:ssZ", "yyyy-MM-ddTHH:mm:ss.fffzzz"];

    private static readonly EmailAddressAttribute s_email = new();

    public int Number => row.Number;

    /// <summary>The record's id in the CRM it was read from, when it came through an API rather than a file.</summary>
    public string? Key => row.Key;
    public List<(string Column, string Reason)> Errors { get; } = [];
    public bool IsValid => Errors.Count == 0;

    public bool Has(string field) => columnsByField.ContainsKey(field);

    public string ColumnOf(string field) => columnsByField.GetValueOrDefault(field, field);

    public void Reject(string field, string reason) => Errors.Add((ColumnOf(field), reason));

    /// <summary>The field's text, or null when the file has no such column or the cell is empty.</summary>
    public string? Text(string field, int maxLength)
    {
        var value = columnsByField.TryGetValue(field, out var column) ? row.Values.GetValueOrDefault(column) : null;
        if (value is not null && value.Length > maxLength)
        {
            Reject(field, $"'{Shorten(value)}' is longer than {maxLength} characters");
            return null;
        }
        return value;
    }

    public string Required(string field, int maxLength)
    {
        var value = Text(field, maxLength);
        if (value is null && Errors.All(e => e.Column != ColumnOf(field)))
        {
            Reject(field, "is required");
        }
        return value ?? "";
    }

    public int? WholeNumber(string field) => Parse<int>(field, "a whole number", text =>
        int.TryParse(text, NumberStyles.Integer | NumberStyles.AllowThousands, CultureInfo.InvariantCulture, out var n) && n >= 0 ? n
        // Salesforce writes numbers of employees as "250.0" in some exports.
        : decimal.TryParse(text, NumberStyles.Number, CultureInfo.InvariantCulture, out var d) && d == decimal.Truncate(d) && d is >= 0 and <= int.MaxValue ? (int)d
        : null);

    public decimal? Money(string field) => Parse(field, "a number", text =>
        decimal.TryParse(text, NumberStyles.Number | NumberStyles.AllowExponent, CultureInfo.InvariantCulture, out var d)
            && Math.Abs(d) < 10_000_000_000_000_000m ? decimal.Round(d, 2) : (decimal?)null);

    public DateOnly? Date(string field) => Parse(field, "a date (yyyy-mm-dd)", text =>
        DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) ? date
        : DateTimeOffset.TryParseExact(text, s_dateFormats, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at)
            ? DateOnly.FromDateTime(at.UtcDateTime) : (DateOnly?)null);

    public bool? Flag(string field) => Parse(field, "true or false", text => text.ToUpperInvariant() switch
    {
        "TRUE" or "1" or "YES" or "Y" => true,
        "FALSE" or "0" or "NO" or "N" => false,
        _ => (bool?)null,
    });

    public TEnum? Choice<TEnum>(string field) where TEnum : struct, Enum
    {
        var text = Text(field, 100);
        if (text is null)
        {
            return null;
        }
        var compact = new string([.. text.Where(char.IsLetterOrDigit)]);
        if (EnumText.TryParse<TEnum>(compact, out var value))
        {
            return value;
        }
        Reject(field, $"'{Shorten(text)}' is not one of {EnumText.Names<TEnum>()}");
        return null;
    }

    public string? CountryCode(string field)
    {
        var text = Text(field, 100);
        if (text is null)
        {
            return null;
        }
        var code = Countries.Resolve(text);
        if (code is null)
        {
            Reject(field, $"'{Shorten(text)}' is not a country name or ISO code");
        }
        return code;
    }

    /// <summary>A list in one cell, as Salesforce writes multi-select picklists: "Analytics;Payments".</summary>
    public List<string> List(string field, int maxItemLength) =>
        Text(field, 4000)?.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Where(item =>
            {
                if (item.Length <= maxItemLength)
                {
                    return true;
                }
                Reject(field, $"'{Shorten(item)}' is longer than {maxItemLength} characters");
                return false;
            })
            .Distinct(StringComparer.OrdinalIgnoreCase)
            .ToList() ?? [];

    /// <summary>Rejects a value read from <paramref name="field"/> that is not an email address.</summary>
    public void CheckEmail(string field, string? value)
    {
        if (!string.IsNullOrEmpty(value) && !s_email.IsValid(value))
        {
            Reject(field, $"'{Shorten(value)}' is not an email address");
        }
    }

    private T? Parse<T>(string field, string what, Func<string, T?> parse) where T : struct
    {
        var text = Text(field, 100);
        if (text is null)
        {
            return null;
        }
        var value = parse(text);
        if (value is null)
        {
            Reject(field, $"'{Shorten(text)}' is not {what}");
        }
        return value;
    }

    internal static string Shorten(string text) => text.Length <= 60 ? text : text[..57] + "...";
}
