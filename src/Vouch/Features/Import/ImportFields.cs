namespace Vouch.Features.Import;

/// <summary>What an import brings in: one kind of record from a spreadsheet, or a whole Salesforce export.</summary>
public enum ImportKind { Accounts, Contacts, Opportunities, Salesforce }

/// <summary>
/// The names of the fields records take from a file; each <see cref="TableImporter"/> says which it takes and which
/// columns of a Salesforce export fill them. Columns that fill no field are ignored.
/// </summary>
public static class ImportFields
{
    public const string ExternalId = nameof(ExternalId);
    public const string Name = nameof(Name);
    public const string Industry = nameof(Industry);
    public const string Segment = nameof(Segment);
    public const string Region = nameof(Region);
    public const string Country = nameof(Country);
    public const string Employees = nameof(Employees);
    public const string AnnualRevenue = nameof(AnnualRevenue);
    public const string GrossProfit = nameof(GrossProfit);
    public const string CustomerSince = nameof(CustomerSince);
    public const string ContractDate = nameof(ContractDate);
    public const string Owner = nameof(Owner);
    public const string Products = nameof(Products);
    public const string CompetitorsReplaced = nameof(CompetitorsReplaced);

    /// <summary>The account's id in the CRM.</summary>
    public const string AccountId = nameof(AccountId);

    /// <summary>The account's name, for spreadsheets without CRM ids.</summary>
    public const string Account = nameof(Account);
    public const string FirstName = nameof(FirstName);
    public const string LastName = nameof(LastName);
    public const string Title = nameof(Title);
    public const string Email = nameof(Email);
    public const string Phone = nameof(Phone);
    public const string Amount = nameof(Amount);
    public const string Stage = nameof(Stage);
    public const string CloseDate = nameof(CloseDate);

    /// <summary>The day a deal was opened (Salesforce's CreatedDate).</summary>
    public const string OpenedOn = nameof(OpenedOn);
    public const string IsClosed = nameof(IsClosed);
    public const string IsWon = nameof(IsWon);
    public const string Competitor = nameof(Competitor);
    public const string OpportunityId = nameof(OpportunityId);
    public const string ContactId = nameof(ContactId);
    public const string Role = nameof(Role);
}

/// <summary>
/// Which column fills which field: by default a column named like the field ("Employees", "close date"), or the
/// Salesforce name; "Source column=Field" entries add to that or override it (custom fields such as Gross_Profit__c).
/// </summary>
public sealed class ColumnMapping
{
    private readonly Dictionary<string, string> _fieldByColumn;

    private ColumnMapping(Dictionary<string, string> fieldByColumn) => _fieldByColumn = fieldByColumn;

    public static ColumnMapping None { get; } = new(new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase));

    public IEnumerable<string> Entries => _fieldByColumn.Select(e => $"{e.Key}={e.Value}");

    /// <summary>Reads "Source column=Field" entries; the errors name each entry that is not one.</summary>
    public static (ColumnMapping Mapping, IReadOnlyList<string> Errors) Parse(IEnumerable<string> entries, ImportKind kind)
    {
        var fields = ImportTables.Of(kind) is { } table
            ? table.Fields
            : ImportTables.All.SelectMany(t => t.Fields).Distinct().ToList();
        var errors = new List<string>();
        var map = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var entry in entries.Where(e => !string.IsNullOrWhiteSpace(e)))
        {
            var equals = entry.LastIndexOf('=');
            var column = equals > 0 ? entry[..equals].Trim() : "";
            var field = equals > 0 ? fields.FirstOrDefault(f => Normalize(f) == Normalize(entry[(equals + 1)..])) : null;
            if (column.Length == 0 || equals == entry.Length - 1)
            {
                errors.Add($"'{entry.Trim()}' is not \"Source column=Field\".");
            }
            else if (field is null)
            {
                errors.Add($"'{entry[(equals + 1)..].Trim()}' is not a field of {kind.ToString().ToLowerInvariant()}; the fields are {string.Join(", ", fields)}.");
            }
            else
            {
                map[column] = field;
            }
        }
        return (new ColumnMapping(map), errors);
    }

    /// <summary>The column of the file that fills each field of <paramref name="table"/>.</summary>
    public IReadOnlyDictionary<string, string> ColumnsByField(TableImporter table, IReadOnlyList<string> headers, bool salesforce)
    {
        var fields = table.Fields;
        var columns = new Dictionary<string, string>(StringComparer.Ordinal);
        var standard = salesforce ? table.SalesforceColumns : null;
        foreach (var header in headers)
        {
            var field = standard is not null
                ? standard.GetValueOrDefault(header)
                : fields.FirstOrDefault(f => Normalize(f) == Normalize(header));
            if (field is not null)
            {
                columns.TryAdd(field, header);
            }
        }
        foreach (var header in headers)
        {
            if (_fieldByColumn.TryGetValue(header, out var field) && fields.Contains(field))
            {
                columns[field] = header;
            }
        }
        return columns;
    }

    private static string Normalize(string name) =>
        new([.. name.Where(char.IsLetterOrDigit).Select(char.ToLowerInvariant)]);
}
