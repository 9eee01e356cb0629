using Microsoft.EntityFrameworkCore;
using Vouch.Features.Accounts;
using Vouch.Features.Catalog;
using Vouch.Features.Opportunities;
using Vouch.Features.Users;

namespace Vouch.Features.Import;

/// <summary>Opportunities of imported accounts, matched by CRM id or, in a spreadsheet without ids, by account and name.</summary>
internal sealed class OpportunityTable : TableImporter<OpportunityTable.Row, OpportunityTable.Existing>
{
    public override string SalesforceObject => "Opportunity";

    public override ImportKind? SingleFileImport => ImportKind.Opportunities;

    public override IReadOnlyList<string> Fields { get; } =
    [
        ImportFields.ExternalId, ImportFields.AccountId, ImportFields.Account, ImportFields.Name, ImportFields.Amount,
        ImportFields.Stage, ImportFields.CloseDate, ImportFields.OpenedOn, ImportFields.IsClosed, ImportFields.IsWon, ImportFields.Competitor,
        ImportFields.Owner, ImportFields.Products,
    ];

    public override IReadOnlyDictionary<string, string> SalesforceColumns { get; } = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
    {
        ["Id"] = ImportFields.ExternalId, ["AccountId"] = ImportFields.AccountId, ["Name"] = ImportFields.Name,
        ["Amount"] = ImportFields.Amount, ["StageName"] = ImportFields.Stage, ["CloseDate"] = ImportFields.CloseDate, ["CreatedDate"] = ImportFields.OpenedOn,
        ["IsClosed"] = ImportFields.IsClosed, ["IsWon"] = ImportFields.IsWon, ["OwnerId"] = ImportFields.Owner,
    };

    public override IReadOnlyList<string[]> Required { get; } =
        [[ImportFields.Name], [ImportFields.AccountId, ImportFields.Account], [ImportFields.Stage], [ImportFields.CloseDate]];

    internal sealed record Row(
        string? ExternalId, AccountReference Account, string Name, decimal? Amount, string Stage, DateOnly? CloseDate,
        DateOnly? OpenedOn, bool? IsClosed, bool? IsWon, string? Competitor, string? Owner, List<string> Products);

    internal sealed record Existing(KnownRecords<Opportunity, (Guid AccountId, string Name)> Opportunities, AccountReferences Accounts, ProductCatalog Products);

    protected override Row Read(ImportRun run, RowReader row)
    {
        var values = new Row(
            row.Text(ImportFields.ExternalId, Account.ExternalIdMaxLength),
            AccountReference.Read(row),
            row.Required(ImportFields.Name, Account.NameMaxLength),
            row.Money(ImportFields.Amount),
            row.Required(ImportFields.Stage, 40),
            row.Date(ImportFields.CloseDate),
            row.Date(ImportFields.OpenedOn),
            row.Flag(ImportFields.IsClosed),
            row.Flag(ImportFields.IsWon),
            row.Text(ImportFields.Competitor, 100),
            row.Text(ImportFields.Owner, User.ExternalIdMaxLength * 4),
            row.List(ImportFields.Products, Product.NameMaxLength));
        // An empty close date is missing; a bad one has its own error already.
        if (values.CloseDate is null && row.Errors.All(e => e.Column != row.ColumnOf(ImportFields.CloseDate)))
        {
            row.Reject(ImportFields.CloseDate, "is required");
        }
        values.Account.CheckNamed(row);
        return values;
    }

    protected override async Task<Existing> FindAsync(ImportRun run, IReadOnlyList<Row> rows, CancellationToken ct)
    {
        var products = await ProductCatalog.LoadAsync(run.Db, rows.SelectMany(r => r.Products), ct);
        var accounts = await AccountReferences.LoadAsync(run.Db, rows.Select(r => r.Account), ct);
        var ids = KnownRecords.Distinct(rows.Select(r => r.ExternalId));
        var names = KnownRecords.Distinct(rows.Where(r => r.ExternalId is null).Select(r => r.Name));
        var opportunities = run.Db.Opportunities.Include(o => o.Products);
        var known = new KnownRecords<Opportunity, (Guid, string)>(o => o.ExternalId, o => (o.AccountId, o.Name));
        await known.LoadAsync(opportunities.Where(o => ids.Contains(o.ExternalId!)), ids, opportunities.Where(o => names.Contains(o.Name)), names, ct);
        return new Existing(known, accounts, products);
    }

    protected override Outcome Stage(ImportRun run, Existing existing, RowReader row, Row values)
    {
        var owner = run.Owner(row, values.Owner);
        var accountId = existing.Accounts.Resolve(run, row, values.Account);
        if (accountId is null || !row.IsValid)
        {
            return Outcome.Rejected;
        }
        var opportunity = existing.Opportunities.Match(values.ExternalId, (accountId.Value, values.Name));
        var isNew = opportunity is null;
        opportunity ??= new Opportunity { Name = values.Name, Stage = values.Stage };
        var changes = new Changes(row);
        changes.Set(ImportFields.ExternalId, opportunity.ExternalId, values.ExternalId, v => opportunity.ExternalId = v);
        changes.Set(ImportFields.AccountId, opportunity.AccountId, accountId.Value, v => opportunity.AccountId = v, always: true);
        changes.Set(ImportFields.Name, opportunity.Name, values.Name, v => opportunity.Name = v);
        changes.Set(ImportFields.Amount, opportunity.Amount, values.Amount ?? 0, v => opportunity.Amount = v);
        changes.Set(ImportFields.Stage, opportunity.Stage, values.Stage, v => opportunity.Stage = v);
        changes.Set(ImportFields.CloseDate, opportunity.CloseDate, values.CloseDate!.Value, v => opportunity.CloseDate = v);
        changes.Set(ImportFields.OpenedOn, opportunity.OpenedOn, values.OpenedOn ?? opportunity.OpenedOn, v => opportunity.OpenedOn = v);
        changes.Set(ImportFields.IsClosed, opportunity.IsClosed, values.IsClosed ?? false, v => opportunity.IsClosed = v);
        changes.Set(ImportFields.IsWon, opportunity.IsWon, values.IsWon ?? false, v => opportunity.IsWon = v);
        changes.Set(ImportFields.Competitor, opportunity.Competitor, values.Competitor, v => opportunity.Competitor = v);
        changes.Set(ImportFields.Owner, opportunity.OwnerId, owner.Id, v => opportunity.OwnerId = v);
        changes.Set(ImportFields.Owner, opportunity.ExternalOwnerId, owner.ExternalId, v => opportunity.ExternalOwnerId = v);
        changes.SetProducts(opportunity.Products, values.Products, existing.Products);
        return Staged(run, existing.Opportunities, opportunity, isNew, changes);
    }
}
