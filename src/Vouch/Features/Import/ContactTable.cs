using Microsoft.EntityFrameworkCore;
using Vouch.Features.Accounts;
using Vouch.Features.Contacts;

namespace Vouch.Features.Import;

/// <summary>Contacts of imported accounts, matched by CRM id or, in a spreadsheet without ids, by email.</summary>
internal sealed class ContactTable : TableImporter<ContactTable.Row, ContactTable.Existing>
{
    public override string SalesforceObject => "Contact";

    public override ImportKind? SingleFileImport => ImportKind.Contacts;

    public override IReadOnlyList<string> Fields { get; } =
    [
        ImportFields.ExternalId, ImportFields.AccountId, ImportFields.Account, ImportFields.FirstName, ImportFields.LastName,
        ImportFields.Title, ImportFields.Email, ImportFields.Phone,
    ];

    public override IReadOnlyDictionary<string, string> SalesforceColumns { get; } = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
    {
        ["Id"] = ImportFields.ExternalId, ["AccountId"] = ImportFields.AccountId, ["FirstName"] = ImportFields.FirstName,
        ["LastName"] = ImportFields.LastName, ["Title"] = ImportFields.Title, ["Email"] = ImportFields.Email, ["Phone"] = ImportFields.Phone,
    };

    public override IReadOnlyList<string[]> Required { get; } = [[ImportFields.LastName], [ImportFields.AccountId, ImportFields.Account]];

    internal override bool WritesInBulk => true;

    internal override async Task WriteAsync(ImportRun run, StagedRecords staged, CancellationToken ct)
    {
        await run.Writer.InsertAsync(staged.CreatedOf<Contact>(), ct);
        await run.Writer.UpdateAsync(staged.ChangedOf<Contact>(), ct);
    }

    internal sealed record Row(
        string? ExternalId, AccountReference Account, string FirstName, string LastName, string? Title, string? Email, string? Phone);

    internal sealed record Existing(KnownRecords<Contact, string> Contacts, AccountReferences Accounts);

    protected override Row Read(ImportRun run, RowReader row)
    {
        var values = new Row(
            row.Text(ImportFields.ExternalId, Account.ExternalIdMaxLength),
            AccountReference.Read(row),
            row.Text(ImportFields.FirstName, Contact.NameMaxLength) ?? "",
            row.Required(ImportFields.LastName, Contact.NameMaxLength),
            row.Text(ImportFields.Title, 200),
            row.Text(ImportFields.Email, Contact.EmailMaxLength),
            row.Text(ImportFields.Phone, 40));
        row.CheckEmail(ImportFields.Email, values.Email);
        values.Account.CheckNamed(row);
        return values;
    }

    /// <summary>Deleted contacts too, matched by CRM id, so that a row of one is rejected rather than brought back as new.</summary>
    protected override async Task<Existing> FindAsync(ImportRun run, IReadOnlyList<Row> rows, CancellationToken ct)
    {
        var accounts = await AccountReferences.LoadAsync(run.Db, rows.Select(r => r.Account), ct);
        var ids = KnownRecords.Distinct(rows.Select(r => r.ExternalId));
        var emails = KnownRecords.Distinct(rows.Where(r => r.ExternalId is null).Select(r => r.Email));
        var contacts = run.Db.Contacts.IgnoreQueryFilters().AsNoTracking();
        var known = new KnownRecords<Contact, string>(c => c.ExternalId, c => c.Email, StringComparer.OrdinalIgnoreCase);
        await known.LoadAsync(
            contacts.Where(c => ids.Contains(c.ExternalId!)), ids,
            contacts.Where(c => c.DeletedAt == null && emails.Contains(c.Email!)), emails, ct);
        return new Existing(known, accounts);
    }

    protected override Outcome Stage(ImportRun run, Existing existing, RowReader row, Row values)
    {
        var contact = existing.Contacts.Match(values.ExternalId, values.Email);
        if (contact?.DeletedAt is not null)
        {
            row.Reject(ImportFields.ExternalId, $"the contact with {run.IdName} {values.ExternalId} was deleted in Vouch");
            return Outcome.Rejected;
        }
        var accountId = existing.Accounts.Resolve(run, row, values.Account);
        if (accountId is null)
        {
            return Outcome.Rejected;
        }
        var isNew = contact is null;
        contact ??= new Contact { FirstName = values.FirstName, LastName = values.LastName };
        var changes = new Changes(row);
        changes.Set(ImportFields.ExternalId, contact.ExternalId, values.ExternalId, v => contact.ExternalId = v);
        changes.Set(ImportFields.AccountId, contact.AccountId, accountId.Value, v => contact.AccountId = v, always: true);
        changes.Set(ImportFields.FirstName, contact.FirstName, values.FirstName, v => contact.FirstName = v);
        changes.Set(ImportFields.LastName, contact.LastName, values.LastName, v => contact.LastName = v);
        changes.Set(ImportFields.Title, contact.Title, values.Title, v => contact.Title = v);
        changes.Set(ImportFields.Email, contact.Email, values.Email, v => contact.Email = v);
        changes.Set(ImportFields.Phone, contact.Phone, values.Phone, v => contact.Phone = v);
        return Staged(run, existing.Contacts, contact, isNew, changes);
    }
}
