using Microsoft.EntityFrameworkCore;
using Vouch.Features.Accounts;
using Vouch.Features.Opportunities;

namespace Vouch.Features.Import;

/// <summary>
/// The contacts' roles in opportunities, from a Salesforce export: each names its opportunity and contact by CRM id,
/// and is matched by its own CRM id or else by that pair.
/// </summary>
internal sealed class OpportunityContactRoleTable : TableImporter<OpportunityContactRoleTable.Row, OpportunityContactRoleTable.Existing>
{
    public override string SalesforceObject => "OpportunityContactRole";

    public override IReadOnlyList<string> Fields { get; } =
        [ImportFields.ExternalId, ImportFields.OpportunityId, ImportFields.ContactId, ImportFields.Role];

    public override IReadOnlyDictionary<string, string> SalesforceColumns { get; } = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
    {
        ["Id"] = ImportFields.ExternalId, ["OpportunityId"] = ImportFields.OpportunityId, ["ContactId"] = ImportFields.ContactId,
        ["Role"] = ImportFields.Role,
    };

    public override IReadOnlyList<string[]> Required { get; } = [[ImportFields.OpportunityId], [ImportFields.ContactId]];

    internal sealed record Row(string? ExternalId, string OpportunityId, string ContactId, string? Role);

    /// <summary>The opportunities and contacts the rows name, by CRM id; contacts deleted in Vouch too, to say so.</summary>
    internal sealed record Existing(
        Dictionary<string, Guid> OpportunityIds, Dictionary<string, (Guid Id, bool IsDeleted)> Contacts,
        KnownRecords<OpportunityContactRole, (Guid OpportunityId, Guid ContactId)> Roles);

    protected override Row Read(ImportRun run, RowReader row) => new(
        row.Text(ImportFields.ExternalId, Account.ExternalIdMaxLength),
        row.Required(ImportFields.OpportunityId, Account.ExternalIdMaxLength),
        row.Required(ImportFields.ContactId, Account.ExternalIdMaxLength),
        row.Text(ImportFields.Role, OpportunityContactRole.RoleMaxLength));

    protected override async Task<Existing> FindAsync(ImportRun run, IReadOnlyList<Row> rows, CancellationToken ct)
    {
        var db = run.Db;
        var opportunityIds = KnownRecords.Distinct(rows.Select(r => r.OpportunityId));
        var contactIds = KnownRecords.Distinct(rows.Select(r => r.ContactId));
        var opportunities = await db.Opportunities.Where(o => opportunityIds.Contains(o.ExternalId!))
            .Select(o => new { o.Id, o.ExternalId }).ToDictionaryAsync(o => o.ExternalId!, o => o.Id, StringComparer.Ordinal, ct);
        var contacts = await db.Contacts.IgnoreQueryFilters().Where(c => contactIds.Contains(c.ExternalId!))
            .Select(c => new { c.Id, c.ExternalId, IsDeleted = c.DeletedAt != null })
            .ToDictionaryAsync(c => c.ExternalId!, c => (c.Id, c.IsDeleted), StringComparer.Ordinal, ct);
        var ids = KnownRecords.Distinct(rows.Select(r => r.ExternalId));
        var pairOpportunities = opportunities.Values.ToList();
        var roles = new KnownRecords<OpportunityContactRole, (Guid, Guid)>(r => r.ExternalId, r => (r.OpportunityId, r.ContactId));
        await roles.LoadAsync(
            db.OpportunityContactRoles.Where(r => ids.Contains(r.ExternalId!)), ids,
            db.OpportunityContactRoles.Where(r => pairOpportunities.Contains(r.OpportunityId)), pairOpportunities, ct);
        return new Existing(opportunities, contacts, roles);
    }

    protected override Outcome Stage(ImportRun run, Existing existing, RowReader row, Row values)
    {
        var opportunityId = existing.OpportunityIds.GetValueOrDefault(values.OpportunityId);
        var contact = existing.Contacts.GetValueOrDefault(values.ContactId);
        if (opportunityId == Guid.Empty)
        {
            row.Reject(ImportFields.OpportunityId, $"no opportunity with {run.IdName} {values.OpportunityId}");
        }
        if (contact.Id == Guid.Empty)
        {
            row.Reject(ImportFields.ContactId, $"no contact with {run.IdName} {values.ContactId}");
        }
        else if (contact.IsDeleted)
        {
            row.Reject(ImportFields.ContactId, $"the contact with {run.IdName} {values.ContactId} was deleted in Vouch");
        }
        if (!row.IsValid)
        {
            return Outcome.Rejected;
        }
        var role = existing.Roles.Match(values.ExternalId, (opportunityId, contact.Id));
        var isNew = role is null;
        role ??= new OpportunityContactRole();
        var changes = new Changes(row);
        changes.Set(ImportFields.ExternalId, role.ExternalId, values.ExternalId, v => role.ExternalId = v);
        changes.Set(ImportFields.OpportunityId, role.OpportunityId, opportunityId, v => role.OpportunityId = v);
        changes.Set(ImportFields.ContactId, role.ContactId, contact.Id, v => role.ContactId = v);
        changes.Set(ImportFields.Role, role.Role, values.Role, v => role.Role = v);
        return Staged(run, existing.Roles, role, isNew, changes);
    }
}
