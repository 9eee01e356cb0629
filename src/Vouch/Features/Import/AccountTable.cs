using Microsoft.EntityFrameworkCore;
using Vouch.Features.Accounts;
using Vouch.Features.Catalog;
using Vouch.Features.Users;

namespace Vouch.Features.Import;

/// <summary>Accounts, matched by CRM id or, in a spreadsheet without ids, by name.</summary>
internal sealed class AccountTable : TableImporter<AccountTable.Row, AccountTable.Existing>
{
    public override string SalesforceObject => "Account";

    public override ImportKind? SingleFileImport => ImportKind.Accounts;

    public override IReadOnlyList<string> Fields { get; } =
    [
        ImportFields.ExternalId, ImportFields.Name, ImportFields.Industry, ImportFields.Segment, ImportFields.Region,
        ImportFields.Country, ImportFields.Employees, ImportFields.AnnualRevenue, ImportFields.GrossProfit,
        ImportFields.CustomerSince, ImportFields.ContractDate, ImportFields.Owner, ImportFields.Products,
        ImportFields.CompetitorsReplaced,
    ];

    /// <summary>Salesforce's own AnnualRevenue is the customer's revenue, not what the customer is worth to us, so it fills nothing unless mapped on purpose.</summary>
    public override IReadOnlyDictionary<string, string> SalesforceColumns { get; } = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
    {
        ["Id"] = ImportFields.ExternalId, ["Name"] = ImportFields.Name, ["Industry"] = ImportFields.Industry,
        ["BillingCountry"] = ImportFields.Country, ["NumberOfEmployees"] = ImportFields.Employees, ["OwnerId"] = ImportFields.Owner,
    };

    public override IReadOnlyList<string[]> Required { get; } = [[ImportFields.Name]];

    internal override bool WritesInBulk => true;

    /// <summary>The accounts, then their products: all of a new account's, and the whole list again where it changed.</summary>
    internal override async Task WriteAsync(ImportRun run, StagedRecords staged, CancellationToken ct)
    {
        var created = staged.CreatedOf<Account>();
        var changed = staged.ChangedOf<Account>();
        await run.Writer.InsertAsync(created, ct);
        await run.Writer.UpdateAsync(changed, ct);
        var newProducts = changed.Where(a => staged.ChangedRecords[a].Has(ImportFields.Products)).ToList();
        await run.Writer.DeleteAsync(ProductsTable, "AccountId", [.. newProducts.Select(a => a.Id)], ct);
        await run.Writer.InsertAsync(ProductsTable, ["AccountId", "ProductsId"],
            [.. created.Concat(newProducts).SelectMany(a => a.Products.Select(p => new object?[] { a.Id, p.Id }))], ct);
    }

    private const string ProductsTable = "AccountProducts";

    internal sealed record Row(
        string? ExternalId, string Name, string? Industry, Segment? Segment, Region? Region, string? Country,
        int? Employees, decimal? AnnualRevenue, decimal? GrossProfit, DateOnly? CustomerSince, DateOnly? ContractDate,
        string? Owner, List<string> Products, List<string> Competitors);

    internal sealed record Existing(KnownRecords<Account, string> Accounts, ProductCatalog Products);

    protected override Row Read(ImportRun run, RowReader row)
    {
        var values = new Row(
            row.Text(ImportFields.ExternalId, Account.ExternalIdMaxLength),
            row.Required(ImportFields.Name, Account.NameMaxLength),
            row.Text(ImportFields.Industry, Industry.NameMaxLength),
            row.Choice<Segment>(ImportFields.Segment),
            row.Choice<Region>(ImportFields.Region),
            row.CountryCode(ImportFields.Country),
            row.WholeNumber(ImportFields.Employees),
            row.Money(ImportFields.AnnualRevenue),
            row.Money(ImportFields.GrossProfit),
            row.Date(ImportFields.CustomerSince),
            row.Date(ImportFields.ContractDate),
            row.Text(ImportFields.Owner, User.ExternalIdMaxLength * 4),
            row.List(ImportFields.Products, Product.NameMaxLength),
            row.List(ImportFields.CompetitorsReplaced, 100));
        if (values.Industry is { } industry && !run.IsIndustry(industry))
        {
            row.Reject(ImportFields.Industry, $"'{RowReader.Shorten(industry)}' is not an industry of Salesforce's standard list");
        }
        return values;
    }

    /// <summary>Deleted accounts too, matched by CRM id, so that a row of one is rejected rather than brought back as new.</summary>
    protected override async Task<Existing> FindAsync(ImportRun run, IReadOnlyList<Row> rows, CancellationToken ct)
    {
        var products = await ProductCatalog.LoadAsync(run.Db, rows.SelectMany(r => r.Products), ct);
        var ids = KnownRecords.Distinct(rows.Select(r => r.ExternalId));
        var names = KnownRecords.Distinct(rows.Where(r => r.ExternalId is null).Select(r => r.Name));
        var accounts = run.Db.Accounts.IgnoreQueryFilters().AsNoTracking().Include(a => a.Products);
        var known = new KnownRecords<Account, string>(a => a.ExternalId, a => a.Name);
        await known.LoadAsync(
            accounts.Where(a => ids.Contains(a.ExternalId!)), ids,
            accounts.Where(a => a.DeletedAt == null && names.Contains(a.Name)), names, ct);
        return new Existing(known, products);
    }

    protected override Outcome Stage(ImportRun run, Existing existing, RowReader row, Row values)
    {
        var account = existing.Accounts.Match(values.ExternalId, values.Name);
        if (account?.DeletedAt is not null)
        {
            row.Reject(ImportFields.ExternalId, $"the account with {run.IdName} {values.ExternalId} was deleted in Vouch");
            return Outcome.Rejected;
        }
        var owner = run.Owner(row, values.Owner);
        if (!row.IsValid)
        {
            return Outcome.Rejected;
        }
        var isNew = account is null;
        account ??= new Account { Name = values.Name };
        var changes = new Changes(row);
        changes.Set(ImportFields.ExternalId, account.ExternalId, values.ExternalId, v => account.ExternalId = v);
        changes.Set(ImportFields.Name, account.Name, values.Name, v => account.Name = v);
        changes.Set(ImportFields.Industry, account.IndustryId, run.IndustryId(values.Industry), v => account.IndustryId = v);
        changes.Set(ImportFields.Segment, account.Segment, values.Segment, v => account.Segment = v);
        changes.Set(ImportFields.Region, account.Region, values.Region, v => account.Region = v);
        changes.Set(ImportFields.Country, account.CountryCode, values.Country, v => account.CountryCode = v);
        changes.Set(ImportFields.Employees, account.Employees, values.Employees, v => account.Employees = v);
        changes.Set(ImportFields.AnnualRevenue, account.AnnualRevenue, values.AnnualRevenue, v => account.AnnualRevenue = v);
        changes.Set(ImportFields.GrossProfit, account.GrossProfit, values.GrossProfit, v => account.GrossProfit = v);
        changes.Set(ImportFields.CustomerSince, account.CustomerSince, values.CustomerSince, v => account.CustomerSince = v);
        changes.Set(ImportFields.ContractDate, account.ContractDate, values.ContractDate, v => account.ContractDate = v);
        changes.Set(ImportFields.Owner, account.OwnerId, owner.Id, v => account.OwnerId = v);
        changes.Set(ImportFields.Owner, account.ExternalOwnerId, owner.ExternalId, v => account.ExternalOwnerId = v);
        changes.SetList(ImportFields.CompetitorsReplaced, account.CompetitorsReplaced, values.Competitors, v => account.CompetitorsReplaced = v);
        changes.SetProducts(account.Products, values.Products, existing.Products);
        return Staged(run, existing.Accounts, account, isNew, changes);
    }
}
