using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Vouch.Data;
using Vouch.Features.Accounts;
using Vouch.Features.Contacts;
using Vouch.Features.Opportunities;
using Vouch.Web;

namespace Vouch.Features.Import;

/// <summary>
/// One record an import created or changed: its kind (<c>Account</c>, <c>Contact</c>, <c>Opportunity</c>,
/// <c>OpportunityContactRole</c>, <c>User</c>, a <c>Product</c> a row named first, an opportunity's
/// <c>OpportunityProducts</c>), its id, what was done to it and, for a change, the fields it changed.
/// </summary>
public sealed record ImportChangeResponse(string RecordType, string RecordId, string Action, IReadOnlyList<ImportFieldChange> Fields);

/// <summary>A field an import changed, with its value before and after (as JSON: a text, a number, a list or null).</summary>
public sealed record ImportFieldChange(string Field, JsonElement Before, JsonElement After);

/// <summary>
/// What an import changed, read from its audit entries by the import's id (docs/decisions/0038-import-audit.md): a
/// page at a time in the order it wrote them, since one import can create or change a million records.
/// </summary>
public static class ImportChanges
{
    private static readonly JsonElement s_none = JsonSerializer.SerializeToElement((object?)null);

    /// <summary>
    /// A page of the records the import created or changed, of one kind or one record when <see cref="PageQuery.Q"/>
    /// names it.
    /// </summary>
    public static async Task<Paged<ImportChangeResponse>> ListAsync(VouchDbContext db, Guid importId, PageQuery page, CancellationToken ct)
    {
        var entries = db.AuditEntries.AsNoTracking().Where(e => e.ImportId == importId && e.RecordType != ImportAudit.RecordType);
        if (!string.IsNullOrWhiteSpace(page.Q))
        {
            // An id is kept as .NET writes a Guid; one pasted in capitals is found too.
            var named = Guid.TryParse(page.Q, out var id) ? id.ToString() : page.Q.Trim();
            entries = entries.Where(e => e.RecordType == named || e.RecordId == named);
        }
        var total = await entries.CountAsync(ct);
        var items = await entries.OrderBy(e => e.Id).Skip(page.Skip).Take(page.Size)
            .Select(e => new { e.RecordType, e.RecordId, e.Action, e.Before, e.After })
            .ToListAsync(ct);
        return new Paged<ImportChangeResponse>(
            [.. items.Select(e => new ImportChangeResponse(e.RecordType, e.RecordId, e.Action.ToString(), Fields(e.Before, e.After)))],
            total, page.PageNumber, page.Size);
    }

    /// <summary>The page of a record an import writes, where it has one.</summary>
    public static string? PageOf(string recordType, string recordId) => recordType switch
    {
        nameof(Account) => $"/accounts/{recordId}",
        nameof(Contact) => $"/contacts/{recordId}",
        nameof(Opportunity) => $"/opportunities/{recordId}",
        _ => null,
    };

    /// <summary>A value as a person reads it: a text as it is, anything else as JSON; a long one cut short.</summary>
    public static string Text(JsonElement value)
    {
        var text = value.ValueKind switch
        {
            JsonValueKind.String => value.GetString()!,
            JsonValueKind.Null => "—",
            _ => value.GetRawText(),
        };
        return text.Length > 200 ? text[..200] + "…" : text;
    }

    /// <summary>The fields of a change, before and after; none for a created record, whose entry holds its id alone.</summary>
    private static List<ImportFieldChange> Fields(string? before, string? after)
    {
        var old = Values(before);
        var current = Values(after);
        return [.. old.Keys.Union(current.Keys).Select(field => new ImportFieldChange(field, old.GetValueOrDefault(field, s_none), current.GetValueOrDefault(field, s_none)))];
    }

    private static Dictionary<string, JsonElement> Values(string? json) =>
        json is null ? [] : JsonSerializer.Deserialize<Dictionary<string, JsonElement>>(json) ?? [];
}
