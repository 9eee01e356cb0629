namespace Vouch.Features.Import;

/// <summary>
/// One kind of record a file holds: the fields it takes and the Salesforce columns that fill them, and how its rows
/// are checked, matched to existing records and written. The importer reads every kind the same way through this.
/// </summary>
public abstract class TableImporter
{
    /// <summary>The Salesforce object that holds this kind of record (<c>Contact</c>), read through its API or an export file.</summary>
    public abstract string SalesforceObject { get; }

    /// <summary>The file of a Salesforce data export that holds this kind of record.</summary>
    public string SalesforceFile => $"{SalesforceObject}.csv";

    /// <summary>The import that reads a file of this kind alone; none for kinds only a Salesforce export holds.</summary>
    public virtual ImportKind? SingleFileImport => null;

    public abstract IReadOnlyList<string> Fields { get; }

    /// <summary>Salesforce's standard API field names and the fields they fill.</summary>
    public abstract IReadOnlyDictionary<string, string> SalesforceColumns { get; }

    /// <summary>Fields a row cannot do without (any one of each group); a file with no column for one is refused whole.</summary>
    public abstract IReadOnlyList<string[]> Required { get; }

    /// <summary>
    /// Whether the rows give users their CRM ids: the records that name owners are read after it, once the users'
    /// CRM ids link them.
    /// </summary>
    public virtual bool GivesUsersCrmIds => false;

    /// <summary>
    /// Whether the rows are written in bulk, without the change tracker (<see cref="WriteAsync"/>): the kinds a large
    /// export holds most of. The others are saved through the context.
    /// </summary>
    internal virtual bool WritesInBulk => false;

    /// <summary>
    /// Checks the rows and stages them: new records added, changed ones changed in place, in the context or, for a kind
    /// written in bulk, in <see cref="ImportRun.Staged"/>. Nothing is saved; the outcome of each row, in order.
    /// </summary>
    internal abstract Task<List<Outcome>> StageAsync(ImportRun run, IReadOnlyList<RowReader> rows, CancellationToken ct);

    /// <summary>Writes the records a batch staged, in the transaction the importer opened; only for a kind written in bulk.</summary>
    internal virtual Task WriteAsync(ImportRun run, StagedRecords staged, CancellationToken ct) =>
        throw new NotSupportedException($"{SalesforceObject} rows are saved through the context.");
}

/// <summary>
/// A table importer whose rows read into <typeparamref name="TRow"/> and match the records of a batch held in
/// <typeparamref name="TExisting"/>. Every row is read before any is matched, so the batch is looked up in one query
/// a kind.
/// </summary>
internal abstract class TableImporter<TRow, TExisting> : TableImporter where TRow : class
{
    internal sealed override async Task<List<Outcome>> StageAsync(ImportRun run, IReadOnlyList<RowReader> rows, CancellationToken ct)
    {
        var values = rows.Select(row =>
        {
            var value = Read(run, row);
            return row.IsValid ? value : null;
        }).ToList();
        var existing = await FindAsync(run, [.. values.OfType<TRow>()], ct);
        var outcomes = new List<Outcome>(rows.Count);
        for (var i = 0; i < rows.Count; i++)
        {
            outcomes.Add(rows[i].IsValid && values[i] is { } value ? Stage(run, existing, rows[i], value) : Outcome.Rejected);
        }
        return outcomes;
    }

    /// <summary>Reads and checks the row's fields; what is wrong is kept on the row, which is then rejected.</summary>
    protected abstract TRow Read(ImportRun run, RowReader row);

    /// <summary>The existing records the valid rows may match: by CRM id, or else by name, email or the records they join.</summary>
    protected abstract Task<TExisting> FindAsync(ImportRun run, IReadOnlyList<TRow> rows, CancellationToken ct);

    /// <summary>Matches the row to its record and writes its values into it, or rejects it.</summary>
    protected abstract Outcome Stage(ImportRun run, TExisting existing, RowReader row, TRow values);

    /// <summary>
    /// The outcome of a staged row. A new record is added to the context (or to the records staged for a bulk write)
    /// and to the known records, so that a later row of the batch with its CRM id or key updates it.
    /// </summary>
    protected static Outcome Staged<TRecord, TKey>(ImportRun run, KnownRecords<TRecord, TKey> known, TRecord record, bool isNew, Changes changes)
        where TRecord : class where TKey : notnull
    {
        if (!isNew)
        {
            if (!changes.Any)
            {
                return Outcome.Unchanged;
            }
            run.Staged?.Changed(record, changes);
            return Outcome.Updated;
        }
        if (run.Staged is { } staged)
        {
            staged.Created(record);
        }
        else
        {
            run.Db.Add(record);
        }
        known.Remember(record);
        return Outcome.Created;
    }
}

/// <summary>What became of one row.</summary>
internal enum Outcome { Created, Updated, Unchanged, Rejected }

/// <summary>The kinds of record an import reads, in the order it reads them: each may refer to the ones before it.</summary>
public static class ImportTables
{
    public static TableImporter Users { get; } = new UserTable();
    public static TableImporter Accounts { get; } = new AccountTable();
    public static TableImporter Contacts { get; } = new ContactTable();
    public static TableImporter Opportunities { get; } = new OpportunityTable();
    public static TableImporter OpportunityContactRoles { get; } = new OpportunityContactRoleTable();

    public static IReadOnlyList<TableImporter> All { get; } = [Users, Accounts, Contacts, Opportunities, OpportunityContactRoles];

    /// <summary>The files of a Salesforce data export that Vouch reads.</summary>
    public static IReadOnlyList<string> SalesforceFiles { get; } = [.. All.Select(t => t.SalesforceFile)];

    /// <summary>The kind a single-file import reads; null for a Salesforce export, which holds them all.</summary>
    public static TableImporter? Of(ImportKind kind) => All.SingleOrDefault(t => t.SingleFileImport == kind);
}
