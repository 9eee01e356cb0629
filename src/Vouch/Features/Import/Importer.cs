using System.ComponentModel.DataAnnotations;
using Microsoft.EntityFrameworkCore;
using Vouch.Data;
using Vouch.Features.Accounts;
using Vouch.Features.Catalog;
using Vouch.Features.Contacts;
using Vouch.Features.Opportunities;
using Vouch.Features.Users;

namespace Vouch.Features.Import;

/// <summary>A file to import and the kind of record it holds.</summary>
public sealed record ImportFile(TableKind Kind, string Path);

/// <summary>How far an import has come: the file being read, its rows done of its total, and the counts so far.</summary>
public sealed record ImportProgress(string File, int RowsDone, int RowsTotal, ImportReport Report);

/// <summary>
/// Brings accounts, contacts, opportunities, contact roles and CRM user ids from files into the inventory.
/// Rows are matched to existing records by CRM id (or by name or email when the file has none), so importing a file
/// again updates in place; a value is only written when it differs, so an unchanged row changes nothing, audits
/// nothing and keeps its version. Rows are saved in batches, each batch one transaction; when a batch fails, its rows
/// are saved one by one so only the bad row is lost. A row is whole or absent, never half written.
/// </summary>
public sealed class Importer(VouchDbContext db)
{
    private readonly VouchDbContext _db = db;
    private const int DefaultBatchSize = 500;

    private readonly EmailAddressAttribute _email = new();
    private Dictionary<string, Guid> _industries = [];
    private Dictionary<string, Guid> _usersByExternalId = [];
    private Dictionary<string, Guid> _usersByEmail = [];
    private string _idName = "CRM id";

    /// <summary>Rows saved together in one transaction; the change tracker is cleared after each batch.</summary>
    public int BatchSize { get; set; } = DefaultBatchSize;

    /// <summary>The files of a Salesforce data export found in <paramref name="folder"/>, in import order.</summary>
    public static IReadOnlyList<ImportFile> SalesforceExport(string folder) =>
    [
        .. ImportFields.SalesforceFiles
            .Select(f => new ImportFile(f.Kind, Directory.EnumerateFiles(folder)
                .FirstOrDefault(path => string.Equals(System.IO.Path.GetFileName(path), f.File, StringComparison.OrdinalIgnoreCase)) ?? ""))
            .Where(f => f.Path.Length > 0),
    ];

    /// <summary>
    /// Imports the files in the order users, accounts, contacts, opportunities, contact roles. Throws
    /// <see cref="InvalidDataException"/> before writing anything when a file cannot be read or lacks a required column.
    /// </summary>
    public async Task<ImportReport> RunAsync(
        IReadOnlyList<ImportFile> files, ColumnMapping mapping, bool salesforce,
        Func<ImportProgress, Task>? progress = null, CancellationToken ct = default)
    {
        _idName = salesforce ? "Salesforce id" : "CRM id";
        var tables = files.OrderBy(f => f.Kind).Select(file =>
        {
            var table = SourceTable.Open(file.Path);
            var columns = mapping.ColumnsByField(file.Kind, table.Headers, salesforce);
            var missing = ImportFields.Required(file.Kind).FirstOrDefault(any => !any.Any(columns.ContainsKey));
            if (missing is not null)
            {
                throw new InvalidDataException(
                    $"{table.Name} has no column for {string.Join(" or ", missing)}; its columns are {string.Join(", ", table.Headers)}.");
            }
            return (file.Kind, Table: table, Columns: columns);
        }).ToList();

        var report = new ImportReport();
        _industries = (await _db.Industries.AsNoTracking().ToListAsync(ct))
            .SelectMany(i => new[] { (i.Name, i.Id), (i.Key, i.Id) })
            .DistinctBy(i => i.Item1, StringComparer.OrdinalIgnoreCase)
            .ToDictionary(i => i.Item1, i => i.Item2, StringComparer.OrdinalIgnoreCase);
        var ownersLinked = false;
        foreach (var (kind, table, columns) in tables)
        {
            if (kind != TableKind.Users && !ownersLinked)
            {
                await LinkOwnersAsync(ct);
                ownersLinked = true;
            }
            var batch = new Batch(this, table, kind, report);
            var done = 0;
            foreach (var row in table.Rows())
            {
                ct.ThrowIfCancellationRequested();
                batch.Add(new RowReader(row, columns));
                if (batch.Count >= BatchSize)
                {
                    done += await batch.SaveAsync(ct);
                    await Report(progress, new ImportProgress(table.Name, done, table.RowCount, report));
                }
            }
            done += await batch.SaveAsync(ct);
            await Report(progress, new ImportProgress(table.Name, done, table.RowCount, report));
        }
        if (!ownersLinked)
        {
            await LinkOwnersAsync(ct);
        }
        return report;
    }

    private static Task Report(Func<ImportProgress, Task>? progress, ImportProgress value) => progress?.Invoke(value) ?? Task.CompletedTask;

    private async Task LinkOwnersAsync(CancellationToken ct)
    {
        await CrmOwners.LinkAsync(_db, ct);
        _db.ChangeTracker.Clear();
        var users = await _db.Users.AsNoTracking().Select(u => new { u.Id, u.ExternalId, u.NormalizedEmail }).ToListAsync(ct);
        _usersByExternalId = users.Where(u => u.ExternalId != null).ToDictionary(u => u.ExternalId!, u => u.Id, StringComparer.Ordinal);
        _usersByEmail = users.Where(u => u.NormalizedEmail != null).ToDictionary(u => u.NormalizedEmail!, u => u.Id, StringComparer.Ordinal);
    }

    private enum Outcome { Created, Updated, Unchanged, Rejected }

    /// <summary>Rows waiting to be saved together, and the existing records they refer to.</summary>
    private sealed class Batch(Importer importer, SourceTable table, TableKind kind, ImportReport report)
    {
        private readonly List<RowReader> _rows = [];
        private readonly Lookups _lookups = new();

        public int Count => _rows.Count;

        public void Add(RowReader row) => _rows.Add(row);

        /// <summary>Saves the rows as one transaction, or row by row when that fails; returns how many rows were read.</summary>
        public async Task<int> SaveAsync(CancellationToken ct)
        {
            var rows = _rows.ToList();
            _rows.Clear();
            if (rows.Count == 0)
            {
                return 0;
            }
            var db = importer._db;
            try
            {
                var outcomes = await ApplyAsync(rows, ct);
                await db.SaveChangesAsync(ct);
                Tally(rows, outcomes);
            }
            catch (DbUpdateException) when (rows.Count > 1)
            {
                db.ChangeTracker.Clear();
                foreach (var row in rows)
                {
                    try
                    {
                        var outcomes = await ApplyAsync([row], ct);
                        await db.SaveChangesAsync(ct);
                        Tally([row], outcomes);
                    }
                    catch (DbUpdateException e)
                    {
                        db.ChangeTracker.Clear();
                        report.Rejected++;
                        report.Rejections.Add(new ImportRejection(table.Name, row.Number, "", $"could not be saved: {(e.InnerException ?? e).Message}"));
                    }
                }
            }
            catch (DbUpdateException e)
            {
                report.Rejected++;
                report.Rejections.Add(new ImportRejection(table.Name, rows[0].Number, "", $"could not be saved: {(e.InnerException ?? e).Message}"));
            }
            finally
            {
                db.ChangeTracker.Clear();
            }
            return rows.Count;
        }

        private void Tally(List<RowReader> rows, List<Outcome> outcomes)
        {
            for (var i = 0; i < rows.Count; i++)
            {
                switch (outcomes[i])
                {
                    case Outcome.Created: report.Created++; break;
                    case Outcome.Updated: report.Updated++; break;
                    case Outcome.Unchanged: report.Unchanged++; break;
                    default:
                        report.Rejected++;
                        report.Rejections.AddRange(rows[i].Errors.Select(e => new ImportRejection(table.Name, rows[i].Number, e.Column, e.Reason)));
                        break;
                }
            }
        }

        private async Task<List<Outcome>> ApplyAsync(List<RowReader> rows, CancellationToken ct)
        {
            var values = rows.Select(Read).ToList();
            await _lookups.LoadAsync(importer._db, kind, values.Where(v => v is not null).Select(v => v!), ct);
            var outcomes = new List<Outcome>(rows.Count);
            for (var i = 0; i < rows.Count; i++)
            {
                outcomes.Add(rows[i].IsValid && values[i] is { } value ? Apply(rows[i], value) : Outcome.Rejected);
            }
            return outcomes;
        }

        private RowValues? Read(RowReader row)
        {
            var values = kind switch
            {
                TableKind.Users => new RowValues
                {
                    ExternalId = row.Required(ImportFields.ExternalId, User.ExternalIdMaxLength),
                    Email = row.Required(ImportFields.Email, Contact.EmailMaxLength),
                },
                TableKind.Accounts => new RowValues
                {
                    ExternalId = row.Text(ImportFields.ExternalId, Account.ExternalIdMaxLength),
                    Name = row.Required(ImportFields.Name, Account.NameMaxLength),
                    Industry = row.Text(ImportFields.Industry, Industry.NameMaxLength),
                    Segment = row.Choice<Segment>(ImportFields.Segment),
                    Region = row.Choice<Region>(ImportFields.Region),
                    Country = row.CountryCode(ImportFields.Country),
                    Employees = row.WholeNumber(ImportFields.Employees),
                    AnnualRevenue = row.Money(ImportFields.AnnualRevenue),
                    GrossProfit = row.Money(ImportFields.GrossProfit),
                    CustomerSince = row.Date(ImportFields.CustomerSince),
                    ContractDate = row.Date(ImportFields.ContractDate),
                    Owner = row.Text(ImportFields.Owner, User.ExternalIdMaxLength * 4),
                    Products = row.List(ImportFields.Products, Product.NameMaxLength),
                    Competitors = row.List(ImportFields.CompetitorsReplaced, 100),
                },
                TableKind.Contacts => new RowValues
                {
                    ExternalId = row.Text(ImportFields.ExternalId, Account.ExternalIdMaxLength),
                    AccountId = row.Text(ImportFields.AccountId, Account.ExternalIdMaxLength),
                    AccountName = row.Text(ImportFields.Account, Account.NameMaxLength),
                    FirstName = row.Text(ImportFields.FirstName, Contact.NameMaxLength) ?? "",
                    LastName = row.Required(ImportFields.LastName, Contact.NameMaxLength),
                    Title = row.Text(ImportFields.Title, 200),
                    Email = row.Text(ImportFields.Email, Contact.EmailMaxLength),
                    Phone = row.Text(ImportFields.Phone, 40),
                },
                TableKind.Opportunities => new RowValues
                {
                    ExternalId = row.Text(ImportFields.ExternalId, Account.ExternalIdMaxLength),
                    AccountId = row.Text(ImportFields.AccountId, Account.ExternalIdMaxLength),
                    AccountName = row.Text(ImportFields.Account, Account.NameMaxLength),
                    Name = row.Required(ImportFields.Name, Account.NameMaxLength),
                    Amount = row.Money(ImportFields.Amount),
                    Stage = row.Required(ImportFields.Stage, 40),
                    CloseDate = row.Date(ImportFields.CloseDate),
                    IsClosed = row.Flag(ImportFields.IsClosed),
                    IsWon = row.Flag(ImportFields.IsWon),
                    Competitor = row.Text(ImportFields.Competitor, 100),
                    Owner = row.Text(ImportFields.Owner, User.ExternalIdMaxLength * 4),
                    Products = row.List(ImportFields.Products, Product.NameMaxLength),
                },
                _ => new RowValues
                {
                    ExternalId = row.Text(ImportFields.ExternalId, Account.ExternalIdMaxLength),
                    OpportunityId = row.Required(ImportFields.OpportunityId, Account.ExternalIdMaxLength),
                    ContactId = row.Required(ImportFields.ContactId, Account.ExternalIdMaxLength),
                    Role = row.Text(ImportFields.Role, OpportunityContactRole.RoleMaxLength),
                },
            };
            if (kind == TableKind.Accounts && values.Industry is { } industry && !importer._industries.ContainsKey(industry))
            {
                row.Reject(ImportFields.Industry, $"'{RowReader.Shorten(industry)}' is not an industry of Salesforce's standard list");
            }
            if (kind == TableKind.Opportunities && values.CloseDate is null && row.Errors.All(e => e.Column != row.ColumnOf(ImportFields.CloseDate)))
            {
                row.Reject(ImportFields.CloseDate, "is required");
            }
            if (kind is TableKind.Contacts or TableKind.Users && values.Email is { } email && !importer._email.IsValid(email))
            {
                row.Reject(ImportFields.Email, $"'{RowReader.Shorten(email)}' is not an email address");
            }
            if (kind is TableKind.Contacts or TableKind.Opportunities && values.AccountId is null && values.AccountName is null)
            {
                row.Reject(row.Has(ImportFields.AccountId) ? ImportFields.AccountId : ImportFields.Account, "is required");
            }
            return row.IsValid ? values : null;
        }

        private Outcome Apply(RowReader row, RowValues values) => kind switch
        {
            TableKind.Users => ApplyUser(row, values),
            TableKind.Accounts => ApplyAccount(row, values),
            TableKind.Contacts => ApplyContact(row, values),
            TableKind.Opportunities => ApplyOpportunity(row, values),
            _ => ApplyContactRole(row, values),
        };

        private Outcome ApplyUser(RowReader row, RowValues values)
        {
            var user = _lookups.Users.GetValueOrDefault(values.Email!.ToUpperInvariant());
            if (user is null)
            {
                // A CRM user who does not use Vouch: their records keep their CRM id until they do.
                return Outcome.Unchanged;
            }
            if (_lookups.UsersByExternalId.GetValueOrDefault(values.ExternalId!) is { } other && other.Id != user.Id)
            {
                row.Reject(ImportFields.ExternalId, $"{values.ExternalId} is already the {importer._idName} of {other.Email}");
                return Outcome.Rejected;
            }
            if (user.ExternalId == values.ExternalId)
            {
                return Outcome.Unchanged;
            }
            user.ExternalId = values.ExternalId;
            _lookups.UsersByExternalId[values.ExternalId!] = user;
            return Outcome.Updated;
        }

        private Outcome ApplyAccount(RowReader row, RowValues values)
        {
            var account = values.ExternalId is { } externalId
                ? _lookups.Accounts.GetValueOrDefault(externalId)
                : _lookups.AccountsByName.GetValueOrDefault(values.Name!);
            if (account?.DeletedAt is not null)
            {
                row.Reject(ImportFields.ExternalId, $"the account with {importer._idName} {values.ExternalId} was deleted in Vouch");
                return Outcome.Rejected;
            }
            var owner = ResolveOwner(row, values.Owner);
            if (!row.IsValid)
            {
                return Outcome.Rejected;
            }
            var isNew = account is null;
            account ??= NewAccount(values);
            var changes = new Changes(row);
            changes.Set(ImportFields.ExternalId, account.ExternalId, values.ExternalId, v => account.ExternalId = v);
            changes.Set(ImportFields.Name, account.Name, values.Name!, v => account.Name = v);
            changes.Set(ImportFields.Industry, account.IndustryId, values.Industry is { } i ? importer._industries[i] : null, v => account.IndustryId = v);
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
            if (row.Has(ImportFields.CompetitorsReplaced) && !account.CompetitorsReplaced.SequenceEqual(values.Competitors))
            {
                account.CompetitorsReplaced = values.Competitors;
                changes.Any = true;
            }
            changes.SetProducts(account.Products, values.Products, _lookups);
            if (isNew)
            {
                importer._db.Accounts.Add(account);
                _lookups.Remember(account);
                return Outcome.Created;
            }
            return changes.Any ? Outcome.Updated : Outcome.Unchanged;
        }

        private static Account NewAccount(RowValues values) => new() { Name = values.Name! };

        private Outcome ApplyContact(RowReader row, RowValues values)
        {
            var contact = values.ExternalId is { } externalId
                ? _lookups.Contacts.GetValueOrDefault(externalId)
                : values.Email is { } email ? _lookups.ContactsByEmail.GetValueOrDefault(email) : null;
            if (contact?.DeletedAt is not null)
            {
                row.Reject(ImportFields.ExternalId, $"the contact with {importer._idName} {values.ExternalId} was deleted in Vouch");
                return Outcome.Rejected;
            }
            var accountId = ResolveAccount(row, values);
            if (accountId is null)
            {
                return Outcome.Rejected;
            }
            var isNew = contact is null;
            contact ??= new Contact { FirstName = values.FirstName!, LastName = values.LastName! };
            var changes = new Changes(row);
            changes.Set(ImportFields.ExternalId, contact.ExternalId, values.ExternalId, v => contact.ExternalId = v);
            changes.Set(ImportFields.AccountId, contact.AccountId, accountId.Value, v => contact.AccountId = v, always: true);
            changes.Set(ImportFields.FirstName, contact.FirstName, values.FirstName!, v => contact.FirstName = v);
            changes.Set(ImportFields.LastName, contact.LastName, values.LastName!, v => contact.LastName = v);
            changes.Set(ImportFields.Title, contact.Title, values.Title, v => contact.Title = v);
            changes.Set(ImportFields.Email, contact.Email, values.Email, v => contact.Email = v);
            changes.Set(ImportFields.Phone, contact.Phone, values.Phone, v => contact.Phone = v);
            if (isNew)
            {
                importer._db.Contacts.Add(contact);
                _lookups.Remember(contact);
                return Outcome.Created;
            }
            return changes.Any ? Outcome.Updated : Outcome.Unchanged;
        }

        private Outcome ApplyOpportunity(RowReader row, RowValues values)
        {
            var owner = ResolveOwner(row, values.Owner);
            var accountId = ResolveAccount(row, values);
            if (accountId is null || !row.IsValid)
            {
                return Outcome.Rejected;
            }
            var opportunity = values.ExternalId is { } externalId
                ? _lookups.Opportunities.GetValueOrDefault(externalId)
                : _lookups.OpportunitiesByName.GetValueOrDefault((accountId.Value, values.Name!));
            var isNew = opportunity is null;
            opportunity ??= new Opportunity { Name = values.Name!, Stage = values.Stage! };
            var changes = new Changes(row);
            changes.Set(ImportFields.ExternalId, opportunity.ExternalId, values.ExternalId, v => opportunity.ExternalId = v);
            changes.Set(ImportFields.AccountId, opportunity.AccountId, accountId.Value, v => opportunity.AccountId = v, always: true);
            changes.Set(ImportFields.Name, opportunity.Name, values.Name!, v => opportunity.Name = v);
            changes.Set(ImportFields.Amount, opportunity.Amount, values.Amount ?? 0, v => opportunity.Amount = v);
            changes.Set(ImportFields.Stage, opportunity.Stage, values.Stage!, v => opportunity.Stage = v);
            changes.Set(ImportFields.CloseDate, opportunity.CloseDate, values.CloseDate!.Value, v => opportunity.CloseDate = v);
            changes.Set(ImportFields.IsClosed, opportunity.IsClosed, values.IsClosed ?? false, v => opportunity.IsClosed = v);
            changes.Set(ImportFields.IsWon, opportunity.IsWon, values.IsWon ?? false, v => opportunity.IsWon = v);
            changes.Set(ImportFields.Competitor, opportunity.Competitor, values.Competitor, v => opportunity.Competitor = v);
            changes.Set(ImportFields.Owner, opportunity.OwnerId, owner.Id, v => opportunity.OwnerId = v);
            changes.Set(ImportFields.Owner, opportunity.ExternalOwnerId, owner.ExternalId, v => opportunity.ExternalOwnerId = v);
            changes.SetProducts(opportunity.Products, values.Products, _lookups);
            if (isNew)
            {
                importer._db.Opportunities.Add(opportunity);
                _lookups.Remember(opportunity);
                return Outcome.Created;
            }
            return changes.Any ? Outcome.Updated : Outcome.Unchanged;
        }

        private Outcome ApplyContactRole(RowReader row, RowValues values)
        {
            var opportunityId = _lookups.OpportunityIds.GetValueOrDefault(values.OpportunityId!);
            var contactId = _lookups.ContactIds.GetValueOrDefault(values.ContactId!);
            if (opportunityId == Guid.Empty)
            {
                row.Reject(ImportFields.OpportunityId, $"no opportunity with {importer._idName} {values.OpportunityId}");
            }
            if (contactId == Guid.Empty)
            {
                row.Reject(ImportFields.ContactId, $"no contact with {importer._idName} {values.ContactId}");
            }
            if (!row.IsValid)
            {
                return Outcome.Rejected;
            }
            var role = values.ExternalId is { } externalId
                ? _lookups.ContactRoles.GetValueOrDefault(externalId)
                : _lookups.ContactRolesByPair.GetValueOrDefault((opportunityId, contactId));
            var isNew = role is null;
            role ??= new OpportunityContactRole();
            var changes = new Changes(row);
            changes.Set(ImportFields.ExternalId, role.ExternalId, values.ExternalId, v => role.ExternalId = v);
            changes.Set(ImportFields.OpportunityId, role.OpportunityId, opportunityId, v => role.OpportunityId = v);
            changes.Set(ImportFields.ContactId, role.ContactId, contactId, v => role.ContactId = v);
            changes.Set(ImportFields.Role, role.Role, values.Role, v => role.Role = v);
            if (isNew)
            {
                importer._db.OpportunityContactRoles.Add(role);
                _lookups.Remember(role);
                return Outcome.Created;
            }
            return changes.Any ? Outcome.Updated : Outcome.Unchanged;
        }

        /// <summary>The account a contact or opportunity row names, by CRM id or else by name; null (and a rejection) when none.</summary>
        private Guid? ResolveAccount(RowReader row, RowValues values)
        {
            if (values.AccountId is { } externalId)
            {
                if (_lookups.AccountIds.TryGetValue(externalId, out var id))
                {
                    return id;
                }
                row.Reject(ImportFields.AccountId, $"no account with {importer._idName} {externalId}");
                return null;
            }
            if (_lookups.AccountIdsByName.TryGetValue(values.AccountName!, out var byName))
            {
                return byName;
            }
            row.Reject(ImportFields.Account, $"no account named '{RowReader.Shorten(values.AccountName!)}'");
            return null;
        }

        /// <summary>
        /// An owner is a user's CRM id or email. A CRM id of someone who is not a user yet is kept, to be linked
        /// when they become one; an unknown email is an error, since it can never be linked.
        /// </summary>
        private (Guid? Id, string? ExternalId) ResolveOwner(RowReader row, string? owner)
        {
            if (owner is null)
            {
                return (null, null);
            }
            if (importer._usersByExternalId.TryGetValue(owner, out var id) || importer._usersByEmail.TryGetValue(owner.ToUpperInvariant(), out id))
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

    /// <summary>Sets a field only when the file has its column and the value differs, and remembers whether anything did.</summary>
    private sealed class Changes(RowReader row)
    {
        public bool Any { get; set; }

        public void Set<T>(string field, T current, T value, Action<T> set, bool always = false)
        {
            if ((always || row.Has(field)) && !EqualityComparer<T>.Default.Equals(current, value))
            {
                set(value);
                Any = true;
            }
        }

        public void SetProducts(List<Product> current, List<string> names, Lookups lookups)
        {
            if (!row.Has(ImportFields.Products))
            {
                return;
            }
            var wanted = names.Select(lookups.Product).DistinctBy(p => p.Id).ToList();
            if (current.Select(p => p.Id).ToHashSet().SetEquals(wanted.Select(p => p.Id)))
            {
                return;
            }
            current.Clear();
            current.AddRange(wanted);
            Any = true;
        }
    }

    /// <summary>The values of one row, read and checked, before they meet the database.</summary>
    private sealed class RowValues
    {
        public string? ExternalId { get; init; }
        public string? Name { get; init; }
        public string? Industry { get; init; }
        public Segment? Segment { get; init; }
        public Region? Region { get; init; }
        public string? Country { get; init; }
        public int? Employees { get; init; }
        public decimal? AnnualRevenue { get; init; }
        public decimal? GrossProfit { get; init; }
        public DateOnly? CustomerSince { get; init; }
        public DateOnly? ContractDate { get; init; }
        public string? Owner { get; init; }
        public List<string> Products { get; init; } = [];
        public List<string> Competitors { get; init; } = [];
        public string? AccountId { get; init; }
        public string? AccountName { get; init; }
        public string? FirstName { get; init; }
        public string? LastName { get; init; }
        public string? Title { get; init; }
        public string? Email { get; init; }
        public string? Phone { get; init; }
        public decimal? Amount { get; init; }
        public string? Stage { get; init; }
        public DateOnly? CloseDate { get; init; }
        public bool? IsClosed { get; init; }
        public bool? IsWon { get; init; }
        public string? Competitor { get; init; }
        public string? OpportunityId { get; init; }
        public string? ContactId { get; init; }
        public string? Role { get; init; }
    }

    /// <summary>The existing records one batch's rows refer to, loaded with one query per kind.</summary>
    private sealed class Lookups
    {
        public Dictionary<string, User> Users { get; } = new(StringComparer.Ordinal);
        public Dictionary<string, User> UsersByExternalId { get; } = new(StringComparer.Ordinal);
        public Dictionary<string, Account> Accounts { get; } = new(StringComparer.Ordinal);
        public Dictionary<string, Account> AccountsByName { get; } = new(StringComparer.Ordinal);
        public Dictionary<string, Guid> AccountIds { get; } = new(StringComparer.Ordinal);
        public Dictionary<string, Guid> AccountIdsByName { get; } = new(StringComparer.Ordinal);
        public Dictionary<string, Contact> Contacts { get; } = new(StringComparer.Ordinal);
        public Dictionary<string, Contact> ContactsByEmail { get; } = new(StringComparer.OrdinalIgnoreCase);
        public Dictionary<string, Guid> ContactIds { get; } = new(StringComparer.Ordinal);
        public Dictionary<string, Opportunity> Opportunities { get; } = new(StringComparer.Ordinal);
        public Dictionary<(Guid, string), Opportunity> OpportunitiesByName { get; } = [];
        public Dictionary<string, Guid> OpportunityIds { get; } = new(StringComparer.Ordinal);
        public Dictionary<string, OpportunityContactRole> ContactRoles { get; } = new(StringComparer.Ordinal);
        public Dictionary<(Guid, Guid), OpportunityContactRole> ContactRolesByPair { get; } = [];
        private readonly Dictionary<string, Product> _products = new(StringComparer.OrdinalIgnoreCase);

        public Product Product(string name) => _products[name];

        public void Remember(Account account)
        {
            if (account.ExternalId is { } id)
            {
                Accounts[id] = account;
            }
            AccountsByName.TryAdd(account.Name, account);
        }

        public void Remember(Contact contact)
        {
            if (contact.ExternalId is { } id)
            {
                Contacts[id] = contact;
            }
            if (contact.Email is { } email)
            {
                ContactsByEmail.TryAdd(email, contact);
            }
        }

        public void Remember(Opportunity opportunity)
        {
            if (opportunity.ExternalId is { } id)
            {
                Opportunities[id] = opportunity;
            }
            OpportunitiesByName.TryAdd((opportunity.AccountId, opportunity.Name), opportunity);
        }

        public void Remember(OpportunityContactRole role)
        {
            if (role.ExternalId is { } id)
            {
                ContactRoles[id] = role;
            }
            ContactRolesByPair.TryAdd((role.OpportunityId, role.ContactId), role);
        }

        public async Task LoadAsync(VouchDbContext db, TableKind kind, IEnumerable<RowValues> rows, CancellationToken ct)
        {
            foreach (var lookup in new System.Collections.IDictionary[]
                {
                    Users, UsersByExternalId, Accounts, AccountsByName, AccountIds, AccountIdsByName, Contacts, ContactsByEmail,
                    ContactIds, Opportunities, OpportunitiesByName, OpportunityIds, ContactRoles, ContactRolesByPair, _products,
                })
            {
                lookup.Clear();
            }
            var values = rows.ToList();
            var ids = Distinct(values.Select(v => v.ExternalId));
            switch (kind)
            {
                case TableKind.Users:
                    var emails = Distinct(values.Select(v => v.Email!.ToUpperInvariant()));
                    foreach (var user in await db.Users.Where(u => emails.Contains(u.NormalizedEmail!) || ids.Contains(u.ExternalId!)).ToListAsync(ct))
                    {
                        Users.TryAdd(user.NormalizedEmail!, user);
                        if (user.ExternalId is { } externalId)
                        {
                            UsersByExternalId[externalId] = user;
                        }
                    }
                    break;
                case TableKind.Accounts:
                    await LoadProductsAsync(db, values, ct);
                    var names = Distinct(values.Where(v => v.ExternalId is null).Select(v => v.Name));
                    var accounts = db.Accounts.IgnoreQueryFilters().Include(a => a.Products);
                    foreach (var account in await Both(accounts.Where(a => ids.Contains(a.ExternalId!)), ids,
                        accounts.Where(a => a.DeletedAt == null && names.Contains(a.Name)), names, ct))
                    {
                        Remember(account);
                    }
                    break;
                case TableKind.Contacts:
                    await LoadAccountIdsAsync(db, values, ct);
                    var contactEmails = Distinct(values.Where(v => v.ExternalId is null).Select(v => v.Email));
                    var contacts = db.Contacts.IgnoreQueryFilters();
                    foreach (var contact in await Both(contacts.Where(c => ids.Contains(c.ExternalId!)), ids,
                        contacts.Where(c => c.DeletedAt == null && contactEmails.Contains(c.Email!)), contactEmails, ct))
                    {
                        Remember(contact);
                    }
                    break;
                case TableKind.Opportunities:
                    await LoadProductsAsync(db, values, ct);
                    await LoadAccountIdsAsync(db, values, ct);
                    var opportunityNames = Distinct(values.Where(v => v.ExternalId is null).Select(v => v.Name));
                    var opportunities = db.Opportunities.Include(o => o.Products);
                    foreach (var opportunity in await Both(opportunities.Where(o => ids.Contains(o.ExternalId!)), ids,
                        opportunities.Where(o => opportunityNames.Contains(o.Name)), opportunityNames, ct))
                    {
                        Remember(opportunity);
                    }
                    break;
                default:
                    var opportunityIds = Distinct(values.Select(v => v.OpportunityId));
                    var contactIds = Distinct(values.Select(v => v.ContactId));
                    foreach (var o in await db.Opportunities.Where(o => opportunityIds.Contains(o.ExternalId!)).Select(o => new { o.Id, o.ExternalId }).ToListAsync(ct))
                    {
                        OpportunityIds[o.ExternalId!] = o.Id;
                    }
                    foreach (var c in await db.Contacts.Where(c => contactIds.Contains(c.ExternalId!)).Select(c => new { c.Id, c.ExternalId }).ToListAsync(ct))
                    {
                        ContactIds[c.ExternalId!] = c.Id;
                    }
                    var pairOpportunities = OpportunityIds.Values.ToList();
                    foreach (var role in await Both(db.OpportunityContactRoles.Where(r => ids.Contains(r.ExternalId!)), ids,
                        db.OpportunityContactRoles.Where(r => pairOpportunities.Contains(r.OpportunityId)), pairOpportunities, ct))
                    {
                        Remember(role);
                    }
                    break;
            }
        }

        private async Task LoadAccountIdsAsync(VouchDbContext db, List<RowValues> values, CancellationToken ct)
        {
            var ids = Distinct(values.Select(v => v.AccountId));
            var names = Distinct(values.Where(v => v.AccountId is null).Select(v => v.AccountName));
            foreach (var account in await Both(
                db.Accounts.Where(a => ids.Contains(a.ExternalId!)).Select(a => new AccountKey(a.Id, a.ExternalId, a.Name)), ids,
                db.Accounts.Where(a => names.Contains(a.Name)).Select(a => new AccountKey(a.Id, a.ExternalId, a.Name)), names, ct))
            {
                if (account.ExternalId is { } externalId)
                {
                    AccountIds[externalId] = account.Id;
                }
                AccountIdsByName.TryAdd(account.Name, account.Id);
            }
        }

        /// <summary>
        /// Loads the products the rows name, adding those the catalogue lacks first. A new product is a catalogue
        /// entry saved on its own: harmless if the rows that named it are later rejected.
        /// </summary>
        private async Task LoadProductsAsync(VouchDbContext db, List<RowValues> values, CancellationToken ct)
        {
            var names = values.SelectMany(v => v.Products).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
            if (names.Count == 0)
            {
                return;
            }
            var keys = names.Select(Keys.FromName).Distinct().ToList();
            var products = await db.Products.Where(p => keys.Contains(p.Key)).ToListAsync(ct);
            var missing = names.Where(n => products.All(p => p.Key != Keys.FromName(n))).DistinctBy(Keys.FromName).ToList();
            if (missing.Count > 0)
            {
                var added = missing.Select(n => new Product { Key = Keys.FromName(n), Name = n }).ToList();
                db.Products.AddRange(added);
                await db.SaveChangesAsync(ct);
                products.AddRange(added);
            }
            foreach (var name in names)
            {
                _products[name] = products.First(p => p.Key == Keys.FromName(name));
            }
        }

        /// <summary>
        /// The records matched by CRM id and those matched by name or email, each query run only when it has values:
        /// one query with an OR of both would keep the database from using the index on either.
        /// </summary>
        private static async Task<List<T>> Both<T, TKey>(IQueryable<T> byId, List<string> ids, IQueryable<T> byOther, List<TKey> others, CancellationToken ct)
        {
            var found = ids.Count > 0 ? await byId.ToListAsync(ct) : [];
            if (others.Count > 0)
            {
                found.AddRange(await byOther.ToListAsync(ct));
            }
            return found;
        }

        private sealed record AccountKey(Guid Id, string? ExternalId, string Name);

        private static List<string> Distinct(IEnumerable<string?> values) =>
            [.. values.Where(v => v is not null).Select(v => v!).Distinct(StringComparer.Ordinal)];
    }
}
