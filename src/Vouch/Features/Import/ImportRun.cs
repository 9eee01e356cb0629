using Microsoft.EntityFrameworkCore;
using Vouch.Data;
using Vouch.Features.Accounts;

namespace Vouch.Features.Import;

/// <summary>
/// What the tables of one import share: the database, what a CRM id is called in messages, the industries a row may
/// name and the users who may own records.
/// </summary>
internal sealed class ImportRun
{
    private readonly Dictionary<string, Guid> _industries;
    private Dictionary<string, Guid> _usersByExternalId = [];
    private Dictionary<string, Guid> _usersByEmail = [];

    private ImportRun(VouchDbContext db, string idName, Dictionary<string, Guid> industries) =>
        (Db, IdName, _industries) = (db, idName, industries);

    public VouchDbContext Db { get; }

    /// <summary>"Salesforce id" or "CRM id", as the person who made the file calls it.</summary>
    public string IdName { get; }

    /// <summary>Starts an import: reads the industries, by name and by key.</summary>
    public static async Task<ImportRun> StartAsync(VouchDbContext db, bool salesforce, CancellationToken ct)
    {
        var industries = (await db.Industries.AsNoTracking().ToListAsync(ct))
            .SelectMany(i => new[] { (i.Name, i.Id), (i.Key, i.Id) })
            .DistinctBy(i => i.Item1, StringComparer.OrdinalIgnoreCase)
            .ToDictionary(i => i.Item1, i => i.Item2, StringComparer.OrdinalIgnoreCase);
        return new ImportRun(db, salesforce ? "Salesforce id" : "CRM id", industries);
    }

    /// <summary>Gives records to the users who now have their CRM owner's id, and reads the users rows may name as owners.</summary>
    public async Task LinkOwnersAsync(CancellationToken ct)
    {
        await CrmOwners.LinkAsync(Db, ct);
        Db.ChangeTracker.Clear();
        var users = await Db.Users.AsNoTracking().Select(u => new { u.Id, u.ExternalId, u.NormalizedEmail }).ToListAsync(ct);
        _usersByExternalId = users.Where(u => u.ExternalId != null).ToDictionary(u => u.ExternalId!, u => u.Id, StringComparer.Ordinal);
        _usersByEmail = users.Where(u => u.NormalizedEmail != null).ToDictionary(u => u.NormalizedEmail!, u => u.Id, StringComparer.Ordinal);
    }

    public bool IsIndustry(string name) => _industries.ContainsKey(name);

    public Guid? IndustryId(string? name) => name is null ? null : _industries[name];

    /// <summary>
    /// An owner is a user's CRM id or email. A CRM id of someone who is not a user yet is kept, to be linked
    /// when they become one; an unknown email is an error, since it can never be linked.
    /// </summary>
    public (Guid? Id, string? ExternalId) Owner(RowReader row, string? owner)
    {
        if (owner is null)
        {
            return (null, null);
        }
        if (_usersByExternalId.TryGetValue(owner, out var id) || _usersByEmail.TryGetValue(owner.ToUpperInvariant(), out id))
        {
            return (id, null);
        }
        if (owner.Contains('@', StringComparison.Ordinal))
        {
            row.Reject(ImportFields.Owner, $"no user has the email {owner}");
            return (null, null);
        }
        if (owner.Length > Account.ExternalIdMaxLength)
        {
            row.Reject(ImportFields.Owner, $"'{RowReader.Shorten(owner)}' is longer than {Account.ExternalIdMaxLength} characters");
            return (null, null);
        }
        return (null, owner);
    }
}
