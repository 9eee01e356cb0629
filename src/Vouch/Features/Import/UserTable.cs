using Microsoft.EntityFrameworkCore;
using Vouch.Features.Contacts;
using Vouch.Features.Users;

namespace Vouch.Features.Import;

/// <summary>
/// Users' CRM ids, from a Salesforce export's User.csv: a row gives the Vouch user with its email that CRM id, so the
/// records the CRM says they own become theirs. A CRM user who does not use Vouch is passed over.
/// </summary>
internal sealed class UserTable : TableImporter<UserTable.Row, KnownRecords<User, string>>
{
    public override string SalesforceObject => "User";

    public override IReadOnlyList<string> Fields { get; } = [ImportFields.ExternalId, ImportFields.Email];

    public override IReadOnlyDictionary<string, string> SalesforceColumns { get; } =
        new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase) { ["Id"] = ImportFields.ExternalId, ["Email"] = ImportFields.Email };

    public override IReadOnlyList<string[]> Required { get; } = [[ImportFields.ExternalId], [ImportFields.Email]];

    public override bool GivesUsersCrmIds => true;

    internal sealed record Row(string ExternalId, string Email);

    protected override Row Read(ImportRun run, RowReader row)
    {
        var values = new Row(
            row.Required(ImportFields.ExternalId, User.ExternalIdMaxLength),
            row.Required(ImportFields.Email, Contact.EmailMaxLength));
        row.CheckEmail(ImportFields.Email, values.Email);
        return values;
    }

    /// <summary>Users by normalized email, and by CRM id to find one that already has a row's id.</summary>
    protected override async Task<KnownRecords<User, string>> FindAsync(ImportRun run, IReadOnlyList<Row> rows, CancellationToken ct)
    {
        var ids = KnownRecords.Distinct(rows.Select(r => r.ExternalId));
        var emails = KnownRecords.Distinct(rows.Select(r => r.Email.ToUpperInvariant()));
        var users = new KnownRecords<User, string>(u => u.ExternalId, u => u.NormalizedEmail);
        foreach (var user in await run.Db.Users.Where(u => emails.Contains(u.NormalizedEmail!) || ids.Contains(u.ExternalId!)).ToListAsync(ct))
        {
            users.Remember(user);
        }
        return users;
    }

    protected override Outcome Stage(ImportRun run, KnownRecords<User, string> users, RowReader row, Row values)
    {
        var user = users.ByKey(values.Email.ToUpperInvariant());
        if (user is null)
        {
            // A CRM user who does not use Vouch: their records keep their CRM id until they do.
            return Outcome.Unchanged;
        }
        if (users.ByCrmId(values.ExternalId) is { } other && other.Id != user.Id)
        {
            row.Reject(ImportFields.ExternalId, $"{values.ExternalId} is already the {run.IdName} of {other.Email}");
            return Outcome.Rejected;
        }
        if (user.ExternalId == values.ExternalId)
        {
            return Outcome.Unchanged;
        }
        user.ExternalId = values.ExternalId;
        users.Remember(user);
        return Outcome.Updated;
    }
}
