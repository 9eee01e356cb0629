using Microsoft.EntityFrameworkCore;
using Vouch.Data;
using Vouch.Features.Accounts;
using Vouch.Features.Catalog;

namespace Vouch.Features.Import;

/// <summary>
/// The existing records a batch's rows may match: by CRM id, or else by the key a row without one matches on (a
/// name, an email, the records it joins). The first record with a key keeps it. Records that rows create are added,
/// so a later row of the same batch matches them.
/// </summary>
internal sealed class KnownRecords<TRecord, TKey>(Func<TRecord, string?> crmId, Func<TRecord, TKey?> key, IEqualityComparer<TKey>? keys = null)
    where TRecord : class where TKey : notnull
{
    private readonly Dictionary<string, TRecord> _byCrmId = new(StringComparer.Ordinal);
    private readonly Dictionary<TKey, TRecord> _byKey = new(keys);

    public TRecord? ByCrmId(string crmId) => _byCrmId.GetValueOrDefault(crmId);

    public TRecord? ByKey(TKey key) => _byKey.GetValueOrDefault(key);

    /// <summary>The record a row names by its CRM id or, when it has none, by its key.</summary>
    public TRecord? Match(string? crmId, TKey? key) =>
        crmId is not null ? ByCrmId(crmId) : key is not null ? ByKey(key) : null;

    public void Remember(TRecord record)
    {
        if (crmId(record) is { } id)
        {
            _byCrmId[id] = record;
        }
        if (key(record) is { } k)
        {
            _byKey.TryAdd(k, record);
        }
    }

    /// <summary>
    /// Loads the records matched by CRM id and those matched by key, each query run only when it has values:
    /// one query with an OR of both would keep the database from using the index on either.
    /// </summary>
    public async Task LoadAsync<TValue>(
        IQueryable<TRecord> byCrmId, IReadOnlyCollection<string> crmIds, IQueryable<TRecord> byKey, IReadOnlyCollection<TValue> keyValues, CancellationToken ct)
    {
        var found = crmIds.Count > 0 ? await byCrmId.ToListAsync(ct) : [];
        if (keyValues.Count > 0)
        {
            found.AddRange(await byKey.ToListAsync(ct));
        }
        foreach (var record in found)
        {
            Remember(record);
        }
    }
}

internal static class KnownRecords
{
    /// <summary>The values a batch's rows name, each once, to look up in one query.</summary>
    public static List<string> Distinct(IEnumerable<string?> values) =>
        [.. values.Where(v => v is not null).Select(v => v!).Distinct(StringComparer.Ordinal)];
}

/// <summary>The products a batch's rows name, by name.</summary>
internal sealed class ProductCatalog
{
    private readonly Dictionary<string, Product> _products = new(StringComparer.OrdinalIgnoreCase);

    public Product this[string name] => _products[name];

    /// <summary>
    /// Loads the products the rows name, adding those the catalogue lacks first. A new product is a catalogue
    /// entry saved on its own: harmless if the rows that named it are later rejected.
    /// </summary>
    public static async Task<ProductCatalog> LoadAsync(VouchDbContext db, IEnumerable<string> productNames, CancellationToken ct)
    {
        var catalog = new ProductCatalog();
        var names = productNames.Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        if (names.Count == 0)
        {
            return catalog;
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
            catalog._products[name] = products.First(p => p.Key == Keys.FromName(name));
        }
        return catalog;
    }
}

/// <summary>The account a contact or opportunity row belongs to: by CRM id, or in a spreadsheet without ids by name.</summary>
internal sealed record AccountReference(string? CrmId, string? Name)
{
    public static AccountReference Read(RowReader row) =>
        new(row.Text(ImportFields.AccountId, Account.ExternalIdMaxLength), row.Text(ImportFields.Account, Account.NameMaxLength));

    /// <summary>Rejects a row that names no account; checked after the row's other fields.</summary>
    public void CheckNamed(RowReader row)
    {
        if (CrmId is null && Name is null)
        {
            row.Reject(row.Has(ImportFields.AccountId) ? ImportFields.AccountId : ImportFields.Account, "is required");
        }
    }
}

/// <summary>
/// The accounts a batch's contact or opportunity rows belong to. Accounts deleted in Vouch are found by CRM id too, so
/// that a row of one is rejected saying so rather than as naming no account; by name they are not found.
/// </summary>
internal sealed class AccountReferences
{
    private readonly KnownRecords<Key, string> _accounts = new(a => a.ExternalId, a => a.IsDeleted ? null : a.Name);

    public static async Task<AccountReferences> LoadAsync(VouchDbContext db, IEnumerable<AccountReference> references, CancellationToken ct)
    {
        var all = references.ToList();
        var ids = KnownRecords.Distinct(all.Select(r => r.CrmId));
        var names = KnownRecords.Distinct(all.Where(r => r.CrmId is null).Select(r => r.Name));
        var found = new AccountReferences();
        await found._accounts.LoadAsync(
            db.Accounts.IgnoreQueryFilters().Where(a => ids.Contains(a.ExternalId!)).Select(a => new Key(a.Id, a.ExternalId, a.Name, a.DeletedAt != null)), ids,
            db.Accounts.Where(a => names.Contains(a.Name)).Select(a => new Key(a.Id, a.ExternalId, a.Name, false)), names, ct);
        return found;
    }

    /// <summary>The id of the account the row names; null (and a rejection) when there is none or it was deleted in Vouch.</summary>
    public Guid? Resolve(ImportRun run, RowReader row, AccountReference account)
    {
        if (account.CrmId is { } crmId)
        {
            var byId = _accounts.ByCrmId(crmId);
            if (byId is { IsDeleted: false })
            {
                return byId.Id;
            }
            row.Reject(ImportFields.AccountId, byId is null
                ? $"no account with {run.IdName} {crmId}"
                : $"the account with {run.IdName} {crmId} was deleted in Vouch");
            return null;
        }
        if (_accounts.ByKey(account.Name!) is { } byName)
        {
            return byName.Id;
        }
        row.Reject(ImportFields.Account, $"no account named '{RowReader.Shorten(account.Name!)}'");
        return null;
    }

    private sealed record Key(Guid Id, string? ExternalId, string Name, bool IsDeleted);
}
