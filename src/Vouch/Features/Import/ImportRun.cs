using Microsoft.EntityFrameworkCore;
using Vouch.Data;
using Vouch.Features.Accounts;
using Vouch.Features.Contacts;
using Vouch.Features.Discovery;

namespace Vouch.Features.Import;

/// <summary>
/// What the tables of one import share: the database, what a CRM id is called in messages, the industries a row may
/// name and the users who may own records; for the kinds written in bulk, the writer, the audit and the discovery
/// scores that a save through the context would have kept. While it lasts, the context saves for the import: the
/// audit names the import on the entries of the kinds saved through the context too.
/// </summary>
internal sealed class ImportRun : IAsyncDisposable
{
    // What the discovery score reads of an account; a change to one rescores its contacts.
    private static readonly HashSet<string> s_scoredAccountFields = [ImportFields.Segment, ImportFields.Industry, ImportFields.GrossProfit];

    private readonly Dictionary<string, Guid> _industries;
    private readonly HashSet<Guid> _rescoredAccounts = [];
    private Dictionary<string, Guid> _usersByExternalId = [];
    private Dictionary<string, Guid> _usersByEmail = [];
    private decimal[]? _profits;

    private ImportRun(VouchDbContext db, string idName, Dictionary<string, Guid> industries, ImportAudit audit) =>
        (Db, IdName, _industries, Audit, Writer) = (db, idName, industries, audit, BulkWriter.For(db));

    public VouchDbContext Db { get; }

    public BulkWriter Writer { get; }

    public ImportAudit Audit { get; }

    /// <summary>The records the batch being staged creates and changes, when its kind is written in bulk.</summary>
    public StagedRecords? Staged { get; set; }

    /// <summary>Whether a bulk write created or changed anything, which the views kept in memory must then be told.</summary>
    public bool WroteInBulk { get; set; }

    /// <summary>"Salesforce id" or "CRM id", as the person who made the file calls it.</summary>
    public string IdName { get; }

    /// <summary>
    /// Starts an import: the context's saves are the import's from now on, the connection is readied for its writes, and
    /// the industries are read, by name and by key.
    /// </summary>
    public static async Task<ImportRun> StartAsync(VouchDbContext db, bool salesforce, ImportAudit audit, CancellationToken ct)
    {
        var industries = (await db.Industries.AsNoTracking().ToListAsync(ct))
            .SelectMany(i => new[] { (i.Name, i.Id), (i.Key, i.Id) })
            .DistinctBy(i => i.Item1, StringComparer.OrdinalIgnoreCase)
            .ToDictionary(i => i.Item1, i => i.Item2, StringComparer.OrdinalIgnoreCase);
        var run = new ImportRun(db, salesforce ? "Salesforce id" : "CRM id", industries, audit);
        db.ImportId = audit.ImportId;
        await run.Writer.BeginAsync(ct);
        return run;
    }

    /// <summary>
    /// Ends the import's hold on the context, so that what the scope saves afterwards is no longer the import's, and puts
    /// the connection back as the import found it.
    /// </summary>
    public async ValueTask DisposeAsync()
    {
        Db.ImportId = null;
        await Writer.EndAsync();
    }

    /// <summary>
    /// Scores the contacts the batch created or changed, in its transaction, as a save's interceptor would; the
    /// contacts of changed accounts are rescored once the import is done (<see cref="RescoreChangedAccountsAsync"/>).
    /// Profit percentiles are read against the accounts' profits as they were when the first contacts were scored.
    /// </summary>
    public async Task ScoreAsync(StagedRecords staged, CancellationToken ct)
    {
        foreach (var (record, changes) in staged.ChangedRecords)
        {
            if (record is Account account && changes.Fields.Keys.Any(s_scoredAccountFields.Contains))
            {
                _rescoredAccounts.Add(account.Id);
            }
        }
        List<Guid> contacts = [.. staged.CreatedOf<Contact>().Concat(staged.ChangedOf<Contact>()).Select(c => c.Id)];
        if (contacts.Count > 0)
        {
            _profits ??= await CandidateScoring.SortedProfitsAsync(Db, ct);
            await CandidateScoring.RefreshAsync(Db, contacts, [], _profits, ct);
        }
    }

    /// <summary>Rescores the contacts of accounts whose profit, segment or industry the import changed.</summary>
    public async Task RescoreChangedAccountsAsync(CancellationToken ct)
    {
        if (_rescoredAccounts.Count == 0)
        {
            return;
        }
        var profits = await CandidateScoring.SortedProfitsAsync(Db, ct);
        foreach (var accounts in _rescoredAccounts.Chunk(CandidateScoring.BatchSize / 10))
        {
            await CandidateScoring.RefreshAsync(Db, [], accounts, profits, ct);
        }
        _rescoredAccounts.Clear();
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
